import { sql, type RawBuilder } from 'kysely';
import { dialectOf, timestampParam } from '../../platform/db/database.js';
import type { Executor, FeedbackCycle } from '../../platform/db/schema.js';
import type { LightBounds } from './lights.js';
import { lightSeverity } from './lights-repository.js';

/** A feedback period owed by acknowledged assignments on its cycle signed before `ackBefore`. */
export interface OwedPeriod {
  cycle: FeedbackCycle;
  key: string;
  /** First day of the period: it is owed only by assignments whose first owed period starts by then. */
  start: string;
  due: string;
  /** The instant the period ends in Beijing: an assignment signed after it does not owe the period. */
  ackBefore: string;
}

/** Which reminder: `resent` when its window is read again every day ("before"), so most are sent already. */
export interface ReminderKind {
  kind: string;
  level: number;
  resent: boolean;
}

export interface ReminderTarget extends ReminderKind {
  /** The subject's due date lies in [from, to] (deadline reminders). */
  from: string;
  to: string;
}

/**
 * Candidates are read as ids in id order first (materialised), so the probes that follow walk the
 * indexes of feedbacks, reminders and items in order instead of at random. Only a window read again
 * every day probes for the reminder sent, and before anything else: SQLite tests the terms in the order
 * written, and most of that window was reminded yesterday (the feedbacks probe first: 55 → 36 ms for
 * 63,000 monthly candidates). Elsewhere the unique key alone skips the rare one sent (a probe that almost
 * never finds one cost ~40 ms for the day's ~25,000 weekly reminders).
 * Statuses are literals, not parameters, so the planner can match them to the partial indexes (0005).
 */
const insertColumns = sql`insert into reminders (assignment_id, due_date, kind, level, period, created_at)`;
const onConflict = sql`on conflict (assignment_id, kind, due_date, level) do nothing`;

/** The reminder row's constant columns, typed for PostgreSQL (an INSERT … SELECT parameter has no type). */
function constants(db: Executor, target: ReminderKind, period: string | null, at: string) {
  return sql`cast(${target.kind} as text), cast(${target.level} as integer), cast(${period} as text),
    ${timestampParam(dialectOf(db), at)}`;
}

/**
 * PostgreSQL turns NOT EXISTS into an anti-join planned on statistics that the sweep's own inserts
 * leave stale (a scan of reminders per candidate took 80 s at province scale); OFFSET 0 keeps each
 * probe a lookup in the unique index, which is what SQLite does anyway.
 */
const perRow = (db: Executor) => (dialectOf(db) === 'postgres' ? sql`offset 0` : sql``);

const notReminded = (db: Executor, target: ReminderKind, dueDate: RawBuilder<unknown>) =>
  target.resent
    ? sql`and not exists (select 1 from reminders r where r.assignment_id = c.id and r.kind = ${target.kind}
      and r.due_date = ${dueDate} and r.level = ${target.level} ${perRow(db)})`
    : sql``;

/**
 * Record this reminder for open, non-standing assignments whose deadline lies in the range, inside the
 * database (no row leaves it); one whose key exists is skipped. Returns how many were written.
 */
export async function recordDeadlineReminders(db: Executor, target: ReminderTarget, at: string) {
  const leader = target.level === 2 ? sql`and i.responsible_leader_id is not null` : sql``;
  const result = await sql`
    with c as materialized (
      select id, deadline from assignments
      where status in ('assigned', 'acknowledged') and deadline >= ${target.from} and deadline <= ${target.to}
      order by id
    )
    ${insertColumns}
    select c.id, c.deadline, ${constants(db, target, null, at)}
    from c
    join assignments a on a.id = c.id
    join items i on i.id = a.item_id
    where i.standing = 0 ${notReminded(db, target, sql`c.deadline`)} ${leader}
    order by c.id
    ${onConflict}`.execute(db);
  return Number(result.numAffectedRows ?? 0n);
}

/**
 * The same for acknowledged assignments that owe the period's feedback (none delivered, or it was
 * returned). One that owes it has its first owed period (0017) starting on or before it, so only those
 * are read (0021's index); one whose first owed period is this one owes it without a feedbacks probe.
 */
export async function recordFeedbackReminders(
  db: Executor,
  period: OwedPeriod,
  target: ReminderKind,
  at: string,
) {
  // The item is read only for level 2, which goes to its responsible leader.
  const leader =
    target.level === 2
      ? sql`join assignments a on a.id = c.id
          join items i on i.id = a.item_id and i.responsible_leader_id is not null`
      : sql``;
  const result = await sql`
    with c as materialized (
      select id, feedback_owed_start from assignments
      where status = 'acknowledged' and feedback_cycle = ${period.cycle}
        and feedback_owed_start <= ${period.start}
        and acknowledged_at < ${timestampParam(dialectOf(db), period.ackBefore)}
      order by id
    )
    ${insertColumns}
    select c.id, cast(${period.due} as text), ${constants(db, target, period.key, at)}
    from c ${leader}
    where true ${notReminded(db, target, sql`${period.due}`)}
      and (c.feedback_owed_start = ${period.start}
        or not exists (select 1 from feedbacks f where f.assignment_id = c.id and f.period = ${period.key}
          and f.status <> 'returned' ${perRow(db)}))
    order by c.id
    ${onConflict}`.execute(db);
  return Number(result.numAffectedRows ?? 0n);
}

/** The highest reminder id: under the sweep lock, every reminder above it is this sweep's. */
export async function maxReminderId(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('reminders')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  return Number(row?.id ?? 0);
}

/** Per leader (responsible leader or watcher of an item in progress): items in progress and how many show red or yellow. */
export async function leaderLightCounts(db: Executor, bounds: LightBounds) {
  const { rows } = await sql<{ user_id: number; total: number; red: number; yellow: number }>`
    with leader_items as (
      select responsible_leader_id as user_id, id as item_id from items
        where status = 'assigned' and responsible_leader_id is not null
      union
      select w.user_id, w.item_id from item_watchers w join items i on i.id = w.item_id where i.status = 'assigned'
    ), per_item as (
      select li.user_id, li.item_id, max(${lightSeverity(bounds)}) as sev
      from leader_items li
      join items i on i.id = li.item_id
      join assignments a on a.item_id = li.item_id
      where a.status in ('assigned', 'acknowledged', 'completion_requested', 'completion_approved', 'leader_read')
      group by li.user_id, li.item_id
    )
    select user_id, count(*) as total,
      sum(case when sev = 2 then 1 else 0 end) as red,
      sum(case when sev = 1 then 1 else 0 end) as yellow
    from per_item group by user_id order by user_id`.execute(db);
  return rows.map((r) => ({ ...r, total: Number(r.total), red: Number(r.red), yellow: Number(r.yellow) }));
}
