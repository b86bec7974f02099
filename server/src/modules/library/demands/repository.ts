import type { Insertable, Updateable } from 'kysely';
import type { DemandSort, DemandStatus } from '../../../../../shared/src/library-demands.js';
import type { Executor } from '../../../platform/db/schema.js';
import type { LibraryDemandTable } from './tables.js';

export function findDemand(db: Executor, id: number) {
  return db.selectFrom('library_demands').selectAll().where('id', '=', id).executeTakeFirst();
}
export type DemandRow = NonNullable<Awaited<ReturnType<typeof findDemand>>>;

export async function insertDemand(db: Executor, row: Insertable<LibraryDemandTable>): Promise<number> {
  const { id } = await db.insertInto('library_demands').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** Update an open demand at the expected version; false when it moved on meanwhile. */
export async function decideDemand(
  db: Executor,
  id: number,
  version: number,
  changes: Updateable<LibraryDemandTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('library_demands')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** One vote per person: true when this call added it; the count moves in the same transaction. */
export async function addVote(db: Executor, demandId: number, userId: number, at: string): Promise<boolean> {
  const inserted = await db
    .insertInto('library_demand_votes')
    .values({ demand_id: demandId, user_id: userId, created_at: at })
    .onConflict((oc) => oc.columns(['demand_id', 'user_id']).doNothing())
    .returning('user_id')
    .executeTakeFirst();
  if (!inserted) return false;
  await db
    .updateTable('library_demands')
    .set((eb) => ({ votes: eb('votes', '+', 1) }))
    .where('id', '=', demandId)
    .execute();
  return true;
}

/** Withdraw the person's vote: true when there was one. */
export async function removeVote(db: Executor, demandId: number, userId: number): Promise<boolean> {
  const deleted = await db
    .deleteFrom('library_demand_votes')
    .where('demand_id', '=', demandId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (Number(deleted.numDeletedRows) !== 1) return false;
  await db
    .updateTable('library_demands')
    .set((eb) => ({ votes: eb('votes', '-', 1) }))
    .where('id', '=', demandId)
    .execute();
  return true;
}

export async function voterIds(db: Executor, demandId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('library_demand_votes')
    .select('user_id')
    .where('demand_id', '=', demandId)
    .execute();
  return rows.map((r) => r.user_id);
}

export interface DemandFilter {
  status?: DemandStatus;
  sort: DemandSort;
  page: number;
  pageSize: number;
}

/** The board's rows with the requester's and decider's names, the answer's title and the viewer's vote. */
function boardQuery(db: Executor, viewerId: number) {
  return db
    .selectFrom('library_demands as d')
    .innerJoin('users as r', 'r.id', 'd.requested_by')
    .leftJoin('users as e', 'e.id', 'd.decided_by')
    .leftJoin('library_materials as m', 'm.id', 'd.material_id')
    .leftJoin('library_demand_votes as v', (join) =>
      join.onRef('v.demand_id', '=', 'd.id').on('v.user_id', '=', viewerId),
    )
    .selectAll('d')
    .select(['r.name as requester_name', 'e.name as decider_name', 'm.title as material_title'])
    .select((eb) => eb('v.user_id', 'is not', null).as('voted'));
}
export type BoardRow = Awaited<ReturnType<ReturnType<typeof boardQuery>['executeTakeFirstOrThrow']>>;

export async function listDemands(db: Executor, viewerId: number, filter: DemandFilter) {
  let count = db.selectFrom('library_demands').select((eb) => eb.fn.countAll<number>().as('n'));
  let rows = boardQuery(db, viewerId);
  if (filter.status) {
    count = count.where('status', '=', filter.status);
    rows = rows.where('d.status', '=', filter.status);
  }
  if (filter.sort === 'votes') rows = rows.orderBy('d.votes', 'desc');
  const items = await rows
    .orderBy('d.id', 'desc')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  const { n } = await count.executeTakeFirstOrThrow();
  return { total: Number(n), items };
}

export function findBoardRow(db: Executor, viewerId: number, id: number) {
  return boardQuery(db, viewerId).where('d.id', '=', id).executeTakeFirst();
}

/** The answer's title for the notice; a published material's title is shown to every reader anyway. */
export async function materialTitle(db: Executor, materialId: number): Promise<string> {
  const row = await db
    .selectFrom('library_materials')
    .select('title')
    .where('id', '=', materialId)
    .executeTakeFirstOrThrow();
  return row.title;
}
