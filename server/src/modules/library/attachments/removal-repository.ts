import type { Executor } from '../../../platform/db/schema.js';

/**
 * Before people are deleted (the demo organisation): the files they attached go, whatever material they
 * are on (a material they created goes with its files already); a deletion they made keeps its fact,
 * not their name.
 */
export async function removeAttachmentsOf(db: Executor, userIds: readonly number[]): Promise<void> {
  if (userIds.length === 0) return;
  const ids = [...userIds];
  await db.deleteFrom('library_attachments').where('uploaded_by', 'in', ids).execute();
  await db
    .updateTable('library_attachments')
    .set({ deleted_by: null })
    .where('deleted_by', 'in', ids)
    .execute();
}
