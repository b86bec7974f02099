import type { Executor } from '../../../platform/db/schema.js';
import type { PeriodWindow } from '../circulars/period.js';
import { departmentKey } from '../circulars/stats-repository.js';

/** Per-department feedback and review figures of one period, each read through a range on an indexed column. */

const RETURNS = ['feedback_return', 'return_completion'] as const;
const REVIEWS = ['feedback_approve', 'approve_completion', ...RETURNS] as const;
const n = (value: unknown) => Number(value ?? 0);

/** Feedback delivered in the period, and how much of it after its due date. */
export async function feedbackCounts(
  db: Executor,
  departmentIds: readonly number[] | null,
  w: PeriodWindow,
): Promise<Map<number, { feedbacks: number; late: number }>> {
  let query = db
    .selectFrom('feedbacks')
    .innerJoin('assignments', 'assignments.id', 'feedbacks.assignment_id')
    .select((eb) => [
      departmentKey.as('department_id'),
      eb.fn.countAll().as('n'),
      eb.fn.sum(eb.case().when('feedbacks.on_time', '=', 0).then(1).else(0).end()).as('late'),
    ])
    .where('feedbacks.submitted_at', '>=', w.startIso)
    .where('feedbacks.submitted_at', '<', w.endIso);
  if (departmentIds) query = query.where('assignments.department_id', 'in', [...departmentIds]);
  const rows = await query.groupBy(departmentKey).execute();
  return new Map(rows.map((r) => [r.department_id, { feedbacks: n(r.n), late: n(r.late) }]));
}

/** Review decisions in the period on feedback and completions (department head and office), and the returns. */
export async function reviewCounts(
  db: Executor,
  departmentIds: readonly number[] | null,
  w: PeriodWindow,
): Promise<Map<number, { reviews: number; returned: number }>> {
  let query = db
    .selectFrom('item_events')
    .innerJoin('assignments', 'assignments.id', 'item_events.assignment_id')
    .select((eb) => [
      departmentKey.as('department_id'),
      eb.fn.countAll().as('n'),
      eb.fn
        .sum(
          eb
            .case()
            .when('item_events.kind', 'in', [...RETURNS])
            .then(1)
            .else(0)
            .end(),
        )
        .as('returned'),
    ])
    .where('item_events.kind', 'in', [...REVIEWS])
    .where('item_events.at', '>=', w.startIso)
    .where('item_events.at', '<', w.endIso);
  if (departmentIds) query = query.where('assignments.department_id', 'in', [...departmentIds]);
  const rows = await query.groupBy(departmentKey).execute();
  return new Map(rows.map((r) => [r.department_id, { reviews: n(r.n), returned: n(r.returned) }]));
}
