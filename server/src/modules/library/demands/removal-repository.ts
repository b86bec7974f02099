import type { Executor } from '../../../platform/db/schema.js';

/**
 * Removes the demand-board rows of people about to be deleted (the demo organisation): their demands and
 * votes (others' counts follow), and answers pointing at materials they wrote, which go with them. Runs
 * before the materials are removed.
 */
export async function removeDemandsOf(db: Executor, userIds: readonly number[]): Promise<void> {
  if (userIds.length === 0) return;
  const ids = [...userIds];
  const theirs = db.selectFrom('library_demands').select('id').where('requested_by', 'in', ids);
  await db
    .deleteFrom('library_demand_votes')
    .where((eb) => eb.or([eb('user_id', 'in', ids), eb('demand_id', 'in', theirs)]))
    .execute();
  await db.deleteFrom('library_demands').where('requested_by', 'in', ids).execute();
  await db
    .updateTable('library_demands')
    .set((eb) => ({
      votes: eb
        .selectFrom('library_demand_votes as v')
        .select((v) => v.fn.countAll<number>().as('n'))
        .whereRef('v.demand_id', '=', 'library_demands.id'),
    }))
    .execute();
  const written = db.selectFrom('library_materials').select('id').where('created_by', 'in', ids);
  await db
    .updateTable('library_demands')
    .set({ material_id: null })
    .where('material_id', 'in', written)
    .execute();
  await db.updateTable('library_demands').set({ decided_by: null }).where('decided_by', 'in', ids).execute();
}
