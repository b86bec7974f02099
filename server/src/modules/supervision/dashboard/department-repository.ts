import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/schema.js';
import type { LightBounds } from '../lights.js';
import { lightSeverity, openAssignment, owedFeedbackEnd } from '../lights-repository.js';
import type { FeedbackCycle } from '../../../platform/db/schema.js';

/** The department view's reads: counts by GROUP BY, lists bounded by a limit. */

const n = (value: unknown) => Number(value ?? 0);

/** Every assignment of the department by status, closed and suspended included. */
export async function statusCounts(db: Executor, departmentId: number) {
  const rows = await db
    .selectFrom('assignments')
    .select((eb) => ['status', eb.fn.countAll().as('n')])
    .where('department_id', '=', departmentId)
    .groupBy('status')
    .execute();
  return rows.map((r) => ({ status: r.status, n: n(r.n) }));
}

export interface WorkRow {
  assignmentId: number;
  itemId: number;
  number: string;
  title: string;
  status: string;
  accountable: string | null;
  deadline: string | null;
  feedbackCycle: FeedbackCycle;
  /** End of the owed feedback period when it has begun; the service turns it into the due date. */
  feedbackEnd: string | null;
}

// By the owed period's end: its due date is the last working day up to it, so the order barely differs.
const earliestDue = sql`case when t.feedback_end is not null and (t.deadline is null or t.feedback_end < t.deadline)
  then t.feedback_end else t.deadline end`;

/**
 * Open assignments of the department with the given light (2 red, 1 yellow), by the earliest due date
 * first. For yellow, `feedbackDue` tells whether a feedback or the deadline makes it so.
 */
export async function workWithLight(
  db: Executor,
  bounds: LightBounds,
  departmentId: number,
  severity: 1 | 2,
  limit: number,
): Promise<WorkRow[]> {
  const { rows } = await sql<{
    assignment_id: number;
    item_id: number;
    number: string;
    title: string;
    status: string;
    accountable: string | null;
    deadline: string | null;
    feedback_cycle: FeedbackCycle;
    feedback_end: string | null;
  }>`
    select * from (
      select a.id as assignment_id, i.id as item_id, i.number, i.title, a.status, u.name as accountable,
        a.deadline, a.feedback_cycle, ${owedFeedbackEnd(bounds)} as feedback_end,
        ${lightSeverity(bounds)} as sev
      from assignments a
      join items i on i.id = a.item_id
      left join users u on u.id = a.accountable_user_id
      where a.department_id = ${departmentId} and ${openAssignment}
    ) t where t.sev = ${severity}
    order by ${severity === 2 ? sql`t.deadline` : earliestDue}, t.assignment_id
    limit ${limit}`.execute(db);
  return rows.map((r) => ({
    assignmentId: r.assignment_id,
    itemId: r.item_id,
    number: r.number,
    title: r.title,
    status: r.status,
    accountable: r.accountable,
    deadline: r.deadline,
    feedbackCycle: r.feedback_cycle,
    feedbackEnd: r.feedback_end,
  }));
}

/** Per accountable person (null: not yet signed for): open assignments they hold and how many are red or yellow. */
export async function heldByPerson(db: Executor, bounds: LightBounds, departmentId: number) {
  const { rows } = await sql<{ user_id: number | null; n: number; red: number; yellow: number }>`
    select t.user_id, count(*) as n,
      sum(case when t.sev = 2 then 1 else 0 end) as red,
      sum(case when t.sev = 1 then 1 else 0 end) as yellow
    from (
      select a.accountable_user_id as user_id, ${lightSeverity(bounds)} as sev
      from assignments a
      where a.department_id = ${departmentId} and ${openAssignment}
    ) t group by t.user_id`.execute(db);
  return rows.map((r) => ({ userId: r.user_id, n: n(r.n), red: n(r.red), yellow: n(r.yellow) }));
}
