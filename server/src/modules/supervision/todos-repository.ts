import type { Executor } from '../../platform/db/schema.js';

/** Open work rows for the to-do list, each with its item's number and title. */
export function assignmentsInStatus(db: Executor, statuses: string[], departmentId: number | null) {
  let query = db
    .selectFrom('assignments')
    .innerJoin('items', 'items.id', 'assignments.item_id')
    .select([
      'assignments.id',
      'assignments.item_id',
      'assignments.status',
      'assignments.deadline',
      'assignments.feedback_cycle',
      'assignments.feedback_owed_start',
      'items.number',
      'items.title',
      'items.responsible_leader_id',
    ])
    .where('assignments.status', 'in', statuses as never[]);
  if (departmentId !== null) query = query.where('assignments.department_id', '=', departmentId);
  return query.orderBy('assignments.deadline').limit(200).execute();
}

export function feedbacksInStatus(
  db: Executor,
  status: 'submitted' | 'head_approved',
  departmentId: number | null,
) {
  let query = db
    .selectFrom('feedbacks')
    .innerJoin('assignments', 'assignments.id', 'feedbacks.assignment_id')
    .innerJoin('items', 'items.id', 'assignments.item_id')
    .select(['feedbacks.id', 'feedbacks.period', 'assignments.item_id', 'items.number', 'items.title'])
    .where('feedbacks.status', '=', status);
  if (departmentId !== null) query = query.where('assignments.department_id', '=', departmentId);
  return query.orderBy('feedbacks.id').limit(200).execute();
}

export function pendingExtensions(db: Executor) {
  return db
    .selectFrom('extensions')
    .innerJoin('assignments', 'assignments.id', 'extensions.assignment_id')
    .innerJoin('items', 'items.id', 'assignments.item_id')
    .select([
      'extensions.id',
      'extensions.new_deadline',
      'assignments.item_id',
      'items.number',
      'items.title',
    ])
    .where('extensions.status', '=', 'pending')
    .orderBy('extensions.id')
    .limit(200)
    .execute();
}

export function itemsInStatus(db: Executor, status: 'pending_approval' | 'approved') {
  return db
    .selectFrom('items')
    .select(['id', 'number', 'title'])
    .where('status', '=', status)
    .orderBy('id')
    .limit(200)
    .execute();
}
