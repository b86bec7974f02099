import type { Executor } from '../../../platform/db/schema.js';

/**
 * Removes the library access rows of people about to be deleted (the demo organisation): their grants
 * and orders, the code batches they generated; rows they only decided keep their facts, not their names.
 */
export async function removeAccessOf(db: Executor, userIds: readonly number[]): Promise<void> {
  if (userIds.length === 0) return;
  const ids = [...userIds];
  const batches = db.selectFrom('library_code_batches').select('id').where('created_by', 'in', ids);
  const codes = db.selectFrom('library_codes').select('id').where('batch_id', 'in', batches);
  await db
    .deleteFrom('library_grants')
    .where((eb) => eb.or([eb('member_id', 'in', ids), eb('code_id', 'in', codes)]))
    .execute();
  await db.updateTable('library_grants').set({ created_by: null }).where('created_by', 'in', ids).execute();
  await db.updateTable('library_grants').set({ revoked_by: null }).where('revoked_by', 'in', ids).execute();
  await db.deleteFrom('library_codes').where('batch_id', 'in', batches).execute();
  await db.deleteFrom('library_code_batches').where('created_by', 'in', ids).execute();
  await db.updateTable('library_codes').set({ redeemed_by: null }).where('redeemed_by', 'in', ids).execute();
  await db
    .deleteFrom('library_grants')
    .where('order_id', 'in', db.selectFrom('library_orders').select('id').where('member_id', 'in', ids))
    .execute();
  await db.deleteFrom('library_orders').where('member_id', 'in', ids).execute();
  await db.updateTable('library_orders').set({ decided_by: null }).where('decided_by', 'in', ids).execute();
}
