import type { Executor } from '../../../platform/db/schema.js';

/**
 * Which of these people edited a version of a material that stays (one someone else created): the
 * version history names them, so demo removal keeps them. Run after the materials they created went.
 */
export async function materialEditorsAmong(db: Executor, userIds: readonly number[]): Promise<number[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectFrom('library_material_versions')
    .select('edited_by')
    .distinct()
    .where('edited_by', 'in', [...userIds])
    .execute();
  return rows.map((r) => r.edited_by);
}
