import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../../platform/db/schema.js';
import type { AccountabilityRecordTable, AccountabilityStatus } from './tables.js';

export async function insertRecord(
  db: Executor,
  row: Insertable<AccountabilityRecordTable>,
): Promise<number> {
  return (await db.insertInto('accountability_records').values(row).returning('id').executeTakeFirstOrThrow())
    .id;
}

export async function updateRecordVersioned(
  db: Executor,
  id: number,
  version: number,
  from: AccountabilityStatus,
  changes: Updateable<AccountabilityRecordTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('accountability_records')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Records with the names people read: item number and title, department, responsible, decider, closer. */
function withNames(db: Executor) {
  return db
    .selectFrom('accountability_records as a')
    .innerJoin('items', 'items.id', 'a.item_id')
    .innerJoin('departments', 'departments.id', 'a.department_id')
    .innerJoin('users as responsible', 'responsible.id', 'a.responsible_user_id')
    .innerJoin('users as decider', 'decider.id', 'a.decided_by')
    .leftJoin('users as closer', 'closer.id', 'a.closed_by')
    .selectAll('a')
    .select([
      'items.number as item_number',
      'items.title as item_title',
      'departments.name as department_name',
      'responsible.name as responsible_name',
      'decider.name as decider_name',
      'closer.name as closer_name',
    ]);
}

export function findRecord(db: Executor, id: number) {
  return withNames(db).where('a.id', '=', id).executeTakeFirst();
}
export type RecordRow = NonNullable<Awaited<ReturnType<typeof findRecord>>>;

export interface RecordFilter {
  departmentId?: number | undefined;
  assignmentId?: number | undefined;
  status?: AccountabilityStatus | undefined;
  page: number;
  pageSize: number;
}

export async function listRecords(db: Executor, filter: RecordFilter) {
  let query = withNames(db);
  if (filter.departmentId !== undefined) query = query.where('a.department_id', '=', filter.departmentId);
  if (filter.assignmentId !== undefined) query = query.where('a.assignment_id', '=', filter.assignmentId);
  if (filter.status) query = query.where('a.status', '=', filter.status);
  const total = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await query
    .orderBy('a.id', 'desc')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return { total: Number(total.n), rows };
}

/** Returns at review (退回) of the assignment's feedback or completion, from its timeline. */
export async function countReturns(db: Executor, assignmentId: number): Promise<number> {
  const row = await db
    .selectFrom('item_events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('assignment_id', '=', assignmentId)
    .where('kind', 'in', ['feedback_return', 'return_completion'])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Whether the person may decide on accountability: a leader or a supervisor. */
export async function isDecider(db: Executor, userId: number): Promise<boolean> {
  const row = await db
    .selectFrom('user_roles')
    .innerJoin('users', 'users.id', 'user_roles.user_id')
    .select('user_roles.user_id')
    .where('user_roles.user_id', '=', userId)
    .where('users.status', '=', 'active')
    .where('user_roles.role', 'in', ['leader', 'supervisor'])
    .executeTakeFirst();
  return row !== undefined;
}
