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

/**
 * The notifications of this sweep's reminders (ids above `after`), as rows for notify's bulk insert:
 * level 0 goes to the accountable person (the department's heads when there is none), level 1 to the
 * heads, level 2 to the responsible leader. Texts are joined per subject; titles and links are built
 * here, so no reminder row leaves the database.
 */
export function reminderNotices(after: number, texts: readonly SubjectText[]): RawBuilder<NoticeRow> {
  const textRows = sql.join(
    texts.map(
      (t) =>
        sql`select cast(${t.kind} as text) as kind, cast(${t.level} as integer) as level,
          cast(${t.due_date} as text) as due_date, cast(${t.period ?? ''} as text) as period,
          cast(${t.label} as text) as label, cast(${t.text} as text) as body`,
    ),
    sql` union all `,
  );
  // One pass over this sweep's reminders in id order, each joined to its recipients by index lookups,
  // so the rows come out nearly in send order. A reminder with no recipient (no head, no leader)
  // yields a null user, which notify skips. Heads are looked up only where needed (a null key matches
  // nothing): joined for every row, PostgreSQL planned a scan of all heads per reminder (20 s).
  const toHeads = sql`(r.level = 1 or (r.level = 0 and a.accountable_user_id is null))`;
  return sql<NoticeRow>`
    with texts as (${textRows})
    select r.id as seq,
      case when ${toHeads} then h.id
        when r.level = 2 then i.responsible_leader_id else a.accountable_user_id end as user_id,
      t.label || '：' || i.number as title,
      '「' || i.title || '」' || t.body as body,
      '/supervision/items/' || cast(i.id as text) as link,
      'reminder:' || cast(r.assignment_id as text) || ':' || r.kind || ':' || r.due_date || ':'
        || cast(r.level as text) as dedupe_key
    from reminders r
    join assignments a on a.id = r.assignment_id
    join items i on i.id = a.item_id
    join texts t on t.kind = r.kind and t.level = r.level and t.due_date = r.due_date
      and t.period = coalesce(r.period, '')
    left join users h on h.department_id = case when ${toHeads} then a.department_id end
      and h.status = 'active'
      and exists (select 1 from user_roles ur where ur.user_id = h.id and ur.role = 'department_head')
    where r.id > ${after}`;
}
