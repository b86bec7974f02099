import { sql, type Insertable, type Updateable } from 'kysely';
import { dialectOf, jsonArray, jsonTuple } from '../../platform/db/database.js';
import { prepared } from '../../platform/db/prepared.js';
import type { AssignmentTable, Executor } from '../../platform/db/schema.js';

// The statements of every assignment step and feedback submission are compiled once (prepared.ts).
const assignmentById = prepared((db: Executor, id: number) =>
  db.selectFrom('assignments').selectAll().where('id', '=', id),
);

export async function findAssignment(db: Executor, id: number) {
  return (await assignmentById(db, id))[0];
}
export type AssignmentRow = NonNullable<Awaited<ReturnType<typeof findAssignment>>>;

export function assignmentsOf(db: Executor, itemIds: readonly number[]) {
  if (itemIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('assignments')
    .selectAll()
    .where('item_id', 'in', itemIds)
    .orderBy('item_id')
    .orderBy('role', 'desc')
    .orderBy('id')
    .execute();
}

export interface AssignmentSummaryRow extends Pick<
  AssignmentTable,
  | 'item_id'
  | 'department_id'
  | 'role'
  | 'status'
  | 'deadline'
  | 'feedback_cycle'
  | 'closed_on_time'
  | 'feedback_owed_start'
  | 'feedback_owed_end'
> {
  id: number;
}
type S = AssignmentSummaryRow;
type SummaryTuple = [
  S['id'],
  S['item_id'],
  S['department_id'],
  S['role'],
  S['status'],
  S['deadline'],
  S['feedback_cycle'],
  S['closed_on_time'],
  S['feedback_owed_start'],
  S['feedback_owed_end'],
];

/** Lead before assist, then in the order assigned: how an item lists its departments. */
const byItemRoleId = (a: S, b: S) =>
  a.item_id - b.item_id || (a.role === b.role ? 0 : a.role < b.role ? 1 : -1) || a.id - b.id;

/**
 * What lists show of assignments and their lights need (views.ts), a page of items' worth, read back as
 * one JSON array of tuples: turning ~70 rows into row objects cost the list more than finding them.
 * Ordered here: sorting them in the aggregate doubled the statement's time.
 */
export async function assignmentSummariesOf(
  db: Executor,
  itemIds: readonly number[],
): Promise<AssignmentSummaryRow[]> {
  if (itemIds.length === 0) return [];
  const dialect = dialectOf(db);
  const columns = [
    'id',
    'item_id',
    'department_id',
    'role',
    'status',
    'deadline',
    'feedback_cycle',
    'closed_on_time',
    'feedback_owed_start',
    'feedback_owed_end',
  ].map((c) => sql.ref(c));
  const { summaries } = await db
    .selectFrom('assignments')
    .select(jsonArray(dialect, jsonTuple(dialect, columns)).as('summaries'))
    .where('item_id', 'in', itemIds)
    .executeTakeFirstOrThrow();
  return (JSON.parse(summaries) as SummaryTuple[])
    .map(([id, item_id, department_id, role, status, deadline, cycle, onTime, owedStart, owedEnd]) => ({
      id,
      item_id,
      department_id,
      role,
      status,
      deadline,
      feedback_cycle: cycle,
      closed_on_time: onTime,
      feedback_owed_start: owedStart,
      feedback_owed_end: owedEnd,
    }))
    .sort(byItemRoleId);
}

export async function insertAssignment(db: Executor, row: Insertable<AssignmentTable>): Promise<number> {
  return (await db.insertInto('assignments').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateAssignmentVersioned(
  db: Executor,
  id: number,
  version: number,
  changes: Updateable<AssignmentTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('assignments')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function updateAssignmentsOfItem(
  db: Executor,
  itemId: number,
  changes: Updateable<AssignmentTable>,
  onlyStatuses?: AssignmentTable['status'][],
): Promise<void> {
  let query = db
    .updateTable('assignments')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('item_id', '=', itemId);
  if (onlyStatuses) query = query.where('status', 'in', onlyStatuses);
  await query.execute();
}

export function feedbacksOf(db: Executor, assignmentIds: readonly number[]) {
  if (assignmentIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('feedbacks')
    .selectAll()
    .where('assignment_id', 'in', assignmentIds)
    .orderBy('assignment_id')
    .orderBy('period')
    .execute();
}

/** Only what lights and to-dos need: which periods each assignment has delivered. */
export function feedbackPeriodsOf(db: Executor, assignmentIds: readonly number[]) {
  if (assignmentIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('feedbacks')
    .select(['assignment_id', 'period', 'status'])
    .where('assignment_id', 'in', assignmentIds)
    .orderBy('assignment_id')
    .orderBy('period')
    .execute();
}
export type FeedbackPeriod = Awaited<ReturnType<typeof feedbackPeriodsOf>>[number];

/**
 * One assignment's feedback periods from the key `from` on (keys of one cycle sort as their periods;
 * '' for all): after a filing only the periods from the owed one matter, usually the one just filed.
 */
export const feedbackPeriodsFrom = prepared((db: Executor, assignmentId: number, from: string) =>
  db
    .selectFrom('feedbacks')
    .select(['assignment_id', 'period', 'status'])
    .where('assignment_id', '=', assignmentId)
    .where('period', '>=', from)
    .orderBy('period'),
);

const feedbackById = prepared((db: Executor, id: number) =>
  db.selectFrom('feedbacks').selectAll().where('id', '=', id),
);

export async function findFeedback(db: Executor, id: number) {
  return (await feedbackById(db, id))[0];
}
export type FeedbackRow = NonNullable<Awaited<ReturnType<typeof findFeedback>>>;

const feedbackOfPeriod = prepared((db: Executor, assignmentId: number, period: string) =>
  db
    .selectFrom('feedbacks')
    .selectAll()
    .where('assignment_id', '=', assignmentId)
    .where('period', '=', period),
);

export async function findFeedbackForPeriod(db: Executor, assignmentId: number, period: string) {
  return (await feedbackOfPeriod(db, assignmentId, period))[0];
}

const feedbackInsert = prepared(
  (
    db: Executor,
    assignmentId: number,
    period: string,
    dueDate: string,
    content: string,
    submittedBy: number,
    submittedAt: string,
    onTime: number,
  ) =>
    db
      .insertInto('feedbacks')
      .values({
        assignment_id: assignmentId,
        period,
        due_date: dueDate,
        content,
        submitted_by: submittedBy,
        submitted_at: submittedAt,
        on_time: onTime,
        status: 'submitted',
        updated_at: submittedAt,
      })
      .returningAll(),
);

/** A new feedback is submitted, and last updated when submitted; the stored row comes back. */
export async function insertFeedback(
  db: Executor,
  row: {
    assignment_id: number;
    period: string;
    due_date: string;
    content: string;
    submitted_by: number;
    submitted_at: string;
    on_time: number;
  },
) {
  const [inserted] = await feedbackInsert(
    db,
    row.assignment_id,
    row.period,
    row.due_date,
    row.content,
    row.submitted_by,
    row.submitted_at,
    row.on_time,
  );
  if (!inserted) throw new Error('feedback insert returned no row');
  return inserted;
}

export async function updateFeedbackVersioned(
  db: Executor,
  id: number,
  version: number,
  changes: {
    content?: string;
    submitted_at?: string;
    on_time?: number;
    status?: 'submitted' | 'head_approved' | 'approved' | 'returned';
    head_reviewed_by?: number | null;
    office_reviewed_by?: number | null;
    return_reason?: string | null;
    updated_at: string;
  },
): Promise<boolean> {
  const result = await db
    .updateTable('feedbacks')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function extensionsOf(db: Executor, assignmentIds: readonly number[]) {
  if (assignmentIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('extensions')
    .selectAll()
    .where('assignment_id', 'in', assignmentIds)
    .orderBy('id')
    .execute();
}

export function findExtension(db: Executor, id: number) {
  return db.selectFrom('extensions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertExtension(
  db: Executor,
  row: {
    assignment_id: number;
    old_deadline: string;
    new_deadline: string;
    reason: string;
    status: 'pending';
    requested_by: number;
    requested_at: string;
  },
): Promise<number> {
  return (await db.insertInto('extensions').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Decide a pending request; false when someone decided it first. */
export async function decideExtensionRow(
  db: Executor,
  id: number,
  decision: {
    status: 'approved' | 'refused';
    decided_by: number;
    decided_at: string;
    decision_note: string | null;
  },
): Promise<boolean> {
  const result = await db
    .updateTable('extensions')
    .set(decision)
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
