import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../platform/db/schema.js';
import type { NoticeRow } from '../notify/index.js';

/** What a reminder says depends only on these, never on the assignment: one text per subject. */
export interface ReminderSubject {
  kind: string;
  level: number;
  due_date: string;
  period: string | null;
}

/** The distinct subjects among reminders above `after` (this sweep's): a few dozen at most. */
export function freshReminderSubjects(db: Executor, after: number): Promise<ReminderSubject[]> {
  return db
    .selectFrom('reminders')
    .select(['kind', 'level', 'due_date', 'period'])
    .distinct()
    .where('id', '>', after)
    .execute();
}

export interface SubjectText extends ReminderSubject {
  /** 督办提醒 / 反馈提醒 / 逾期督办: the title is `label：number`. */
  label: string;
  /** The body after the item's quoted title. */
  text: string;
}

/** Where a digest sends its reader: leaders' escalations are red items; everyone else acts from 我的待办. */
const TODO_LINK = '/';
const RED_ITEMS_LINK = '/supervision/items?light=red';

/**
 * The notifications of this sweep's reminders (ids above `after`), as rows for notify's bulk insert:
 * level 0 goes to the accountable person (the department's heads when there is none), level 1 to the
 * heads, level 2 to the responsible leader. A person with one reminder gets its own notice (title,
 * item, link); a person with several gets one digest for the day (`day`) with the counts, linking to
 * their to-dos. The reminder rows stay one per assignment and period: they are what keeps each
 * reminder single. Texts are joined per subject; no reminder row leaves the database.
 */
export function reminderNotices(
  after: number,
  texts: readonly SubjectText[],
  day: string,
): RawBuilder<NoticeRow> {
  const textRows = sql.join(
    texts.map(
      (t) =>
        sql`select cast(${t.kind} as text) as kind, cast(${t.level} as integer) as level,
          cast(${t.due_date} as text) as due_date, cast(${t.period ?? ''} as text) as period,
          cast(${t.label} as text) as label, cast(${t.text} as text) as body`,
    ),
    sql` union all `,
  );
  // Recipients first, from the assignment alone (the item only for level 2, heads only where needed:
  // joined for every row, PostgreSQL planned a scan of all heads per reminder, 20 s). A reminder with
  // no recipient (no head, no leader) yields a null user and is dropped. The person's earliest
  // reminder id orders the notices, so they come out in send order. For a person with one reminder the
  // aggregates below are that reminder's columns, so its notice needs no second read of it.
  const toHeads = sql`(r.level = 1 or (r.level = 0 and a.accountable_user_id is null))`;
  const count = (kinds: string) => sql`sum(case when kind in (${sql.raw(kinds)}) then 1 else 0 end)`;
  const part = (n: string, label: string) =>
    sql`case when ${sql.ref(n)} > 0 then cast(${label} as text) || ' ' || cast(${sql.ref(n)} as text) || ' 项' end`;
  return sql<NoticeRow>`
    with texts as (${textRows}),
    sent as (
      select r.id, r.kind, r.level, r.assignment_id, r.due_date, coalesce(r.period, '') as period, a.item_id,
        case when ${toHeads} then h.id
          when r.level = 2 then i.responsible_leader_id else a.accountable_user_id end as user_id
      from reminders r
      join assignments a on a.id = r.assignment_id
      left join items i on i.id = case when r.level = 2 then a.item_id end
      left join users h on h.department_id = case when ${toHeads} then a.department_id end
        and h.status = 'active'
        and exists (select 1 from user_roles ur where ur.user_id = h.id and ur.role = 'department_head')
      where r.id > ${after}
    ),
    people as materialized (
      select user_id, min(id) as seq, count(*) as n, min(level) as lowest,
        min(kind) as kind, min(assignment_id) as assignment_id, min(due_date) as due_date,
        min(period) as period, min(item_id) as item_id,
        ${count("'deadline_overdue', 'feedback_overdue'")} as overdue,
        ${count("'deadline_due', 'feedback_due'")} as due,
        ${count("'deadline_before', 'feedback_before'")} as soon
      from sent where user_id is not null
      group by user_id
    )
    select p.seq, p.user_id,
      t.label || '：' || i.number as title,
      '「' || i.title || '」' || t.body as body,
      '/supervision/items/' || cast(i.id as text) as link,
      'reminder:' || cast(p.assignment_id as text) || ':' || p.kind || ':' || p.due_date || ':'
        || cast(p.lowest as text) as dedupe_key
    from people p
    join items i on i.id = p.item_id
    join texts t on t.kind = p.kind and t.level = p.lowest and t.due_date = p.due_date and t.period = p.period
    where p.n = 1
    union all
    select p.seq, p.user_id,
      '督办提醒汇总：' || cast(p.n as text) || ' 项' as title,
      '您今天有 ' || cast(p.n as text) || ' 项督办提醒：'
        || concat_ws('，', ${part('p.overdue', '逾期')}, ${part('p.due', '今日到期')}, ${part('p.soon', '即将到期')})
        || (case when p.lowest = 2 then '。请查看红灯事项。' else '。请在我的待办中逐项办理。' end) as body,
      case when p.lowest = 2 then cast(${RED_ITEMS_LINK} as text) else cast(${TODO_LINK} as text) end as link,
      'reminder:' || cast(${day} as text) || ':' || cast(p.user_id as text) as dedupe_key
    from people p
    where p.n > 1`;
}
