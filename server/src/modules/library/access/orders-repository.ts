import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../../../platform/db/schema.js';
import type { LibraryOrderTable, OrderStatus } from './tables.js';

export type OrderRow = Selectable<LibraryOrderTable>;

export async function insertOrder(db: Executor, row: Insertable<LibraryOrderTable>): Promise<number> {
  const { id } = await db.insertInto('library_orders').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export function findOrder(db: Executor, id: number): Promise<OrderRow | undefined> {
  return db.selectFrom('library_orders').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Decides a pending order at `version` only; false means it was decided or changed meanwhile. */
export async function decideOrder(
  db: Executor,
  id: number,
  version: number,
  change: Updateable<LibraryOrderTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('library_orders')
    .set({ ...change, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface OrderFilter {
  memberId?: number | undefined;
  status?: OrderStatus | undefined;
  page: number;
  pageSize: number;
}

export async function listOrders(
  db: Executor,
  filter: OrderFilter,
): Promise<{ total: number; rows: OrderRow[] }> {
  let query = db.selectFrom('library_orders');
  if (filter.memberId !== undefined) query = query.where('member_id', '=', filter.memberId);
  if (filter.status) query = query.where('status', '=', filter.status);
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .selectAll()
    .orderBy('id', 'desc')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return { total: Number(total.n), rows };
}
