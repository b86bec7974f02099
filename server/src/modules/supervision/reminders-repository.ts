import { sql, type Insertable } from 'kysely';
import { dialectOf, timestampParam } from '../../platform/db/database.js';
import type { Executor, FeedbackCycle } from '../../platform/db/schema.js';
import type { LightBounds } from './lights.js';
import { lightSeverity } from './lights-repository.js';
import type { ReminderTable } from './reminder-tables.js';

/** A feedback period owed by acknowledged assignments on its cycle signed before `ackBefore`. */
export interface OwedPeriod {
  cycle: FeedbackCycle;
  key: string;
  due: string;
  /** The instant the period ends in Beijing: an assignment signed after it does not owe the period. */
  ackBefore: string;
}

export interface ReminderTarget {
  kind: string;
  level: number;
  /** The subject's due date lies in [from, to] (deadline reminders). */
  from: string;
  to: string;
}

const candidateColumns = [
  'a.id as assignment_id',
  'a.item_id',
  'a.department_id',
  'a.accountable_user_id',
  'i.number',
  'i.title',
  'i.responsible_leader_id',
] as const;

/** Statuses are literals, not parameters, so the planner can match them to the partial indexes (0005). */
function openWork(db: Executor) {
  return db.selectFrom('assignments as a').innerJoin('items as i', 'i.id', 'a.item_id');
}

/** Open, non-standing assignments whose deadline lies in the range and that lack this reminder. */
export function deadlineCandidates(db: Executor, target: ReminderTarget) {
  let query = openWork(db)
    .select(candidateColumns)
    .select('a.deadline as due_date')
    .where('a.status', 'in', [sql.lit('assigned' as const), sql.lit('acknowledged' as const)])
    .where('a.deadline', '>=', target.from)
    .where('a.deadline', '<=', target.to)
    .$narrowType<{ due_date: string }>()
    .where('i.standing', '=', 0)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('reminders as r')
            .select('r.id')
            .whereRef('r.assignment_id', '=', 'a.id')
            .whereRef('r.due_date', '=', 'a.deadline')
            .where('r.kind', '=', target.kind)
            .where('r.level', '=', target.level),
        ),
      ),
    );
  if (target.level === 2) query = query.where('i.responsible_leader_id', 'is not', null);
  return query.orderBy('a.id').execute();
}

/** Acknowledged assignments that owe the period's feedback (none delivered, or it was returned) and lack this reminder. */
export function feedbackCandidates(db: Executor, period: OwedPeriod, kind: string, level: number) {
  let query = openWork(db)
    .select(candidateColumns)
    .select(sql<string>`cast(${period.due} as text)`.as('due_date'))
    .where('a.status', '=', sql.lit('acknowledged'))
    .where('a.feedback_cycle', '=', period.cycle)
    .where('a.acknowledged_at', '<', timestampParam(dialectOf(db), period.ackBefore))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('feedbacks as f')
            .select('f.id')
            .whereRef('f.assignment_id', '=', 'a.id')
            .where('f.period', '=', period.key)
            .where('f.status', '<>', 'returned'),
        ),
      ),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('reminders as r')
            .select('r.id')
            .whereRef('r.assignment_id', '=', 'a.id')
            .where('r.due_date', '=', period.due)
            .where('r.kind', '=', kind)
            .where('r.level', '=', level),
        ),
      ),
    );
  if (level === 2) query = query.where('i.responsible_leader_id', 'is not', null);
  return query.orderBy('a.id').execute();
}

export type Candidate = Awaited<ReturnType<typeof deadlineCandidates>>[number];

/** Record reminders; one whose key exists (another worker got there first) is skipped. Returns those written. */
export async function insertReminders(db: Executor, rows: readonly Insertable<ReminderTable>[]) {
  const out: { assignment_id: number; kind: string; due_date: string; level: number }[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    out.push(
      ...(await db
        .insertInto('reminders')
        .values(rows.slice(i, i + 500))
        .onConflict((oc) => oc.columns(['assignment_id', 'kind', 'due_date', 'level']).doNothing())
        .returning(['assignment_id', 'kind', 'due_date', 'level'])
        .execute()),
    );
  }
  return out;
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
      select li.user_id, li.item_id, max(${lightSeverity(db, bounds)}) as sev
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
