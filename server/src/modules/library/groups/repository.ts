import type { Insertable, Updateable } from 'kysely';
import type { LibraryTierName } from '../../../../../shared/src/library.js';
import type { Executor } from '../../../platform/db/schema.js';
import type { LibraryGroupTable } from './tables.js';

export function findGroup(db: Executor, id: number) {
  return db.selectFrom('library_groups').selectAll().where('id', '=', id).executeTakeFirst();
}
export type GroupRow = NonNullable<Awaited<ReturnType<typeof findGroup>>>;

/** Every group, member tier first; `tiers` narrows to the tiers given. */
export function listGroups(db: Executor, tiers?: readonly LibraryTierName[]) {
  let q = db.selectFrom('library_groups').selectAll();
  if (tiers) q = q.where('tier', 'in', [...tiers]);
  return q.orderBy('tier', 'desc').orderBy('id').execute();
}

export async function insertGroup(db: Executor, row: Insertable<LibraryGroupTable>): Promise<number> {
  const { id } = await db.insertInto('library_groups').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updateGroupVersioned(
  db: Executor,
  id: number,
  version: number,
  changes: Updateable<LibraryGroupTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('library_groups')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteGroupVersioned(db: Executor, id: number, version: number): Promise<boolean> {
  const result = await db
    .deleteFrom('library_groups')
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
