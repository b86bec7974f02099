import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../../../platform/db/schema.js';
import type { LibraryPlanTable } from './tables.js';

export type PlanRow = Selectable<LibraryPlanTable>;

export function listPlans(db: Executor, activeOnly: boolean): Promise<PlanRow[]> {
  let query = db.selectFrom('library_plans').selectAll();
  if (activeOnly) query = query.where('active', '=', 1);
  return query.orderBy('tier').orderBy('price_cents').orderBy('id').execute();
}

export function findPlan(db: Executor, id: number): Promise<PlanRow | undefined> {
  return db.selectFrom('library_plans').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The free plan new members sign up to: the cheapest active free-tier plan, the oldest on a tie. */
export function signupPlan(db: Executor): Promise<PlanRow | undefined> {
  return db
    .selectFrom('library_plans')
    .selectAll()
    .where('tier', '=', 'free')
    .where('active', '=', 1)
    .orderBy('price_cents')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
}

export function findPlanByName(db: Executor, name: string): Promise<PlanRow | undefined> {
  return db.selectFrom('library_plans').selectAll().where('name', '=', name).executeTakeFirst();
}

export async function plansByIds(db: Executor, ids: readonly number[]): Promise<Map<number, PlanRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('library_plans')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export async function insertPlan(db: Executor, row: Insertable<LibraryPlanTable>): Promise<number> {
  const { id } = await db.insertInto('library_plans').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** Writes only if the row still has `version`; false means someone changed it meanwhile. */
export async function updatePlanVersioned(
  db: Executor,
  id: number,
  version: number,
  change: Updateable<LibraryPlanTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('library_plans')
    .set({ ...change, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
