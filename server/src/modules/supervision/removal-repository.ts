import type { Executor } from '../../platform/db/schema.js';

/**
 * Delete the items created by the given people with everything that hangs off them, children before
 * parents, so no foreign key is left dangling. Used by `demo remove`; audit rows stay (append-only).
 */
export async function deleteItemsCreatedBy(db: Executor, userIds: readonly number[]): Promise<number> {
  if (userIds.length === 0) return 0;
  const items = (
    await db
      .selectFrom('items')
      .select('id')
      .where('created_by', 'in', [...userIds])
      .orderBy('id', 'desc')
      .execute()
  ).map((r) => r.id);
  if (items.length === 0) return 0;
  const assignments = (
    await db.selectFrom('assignments').select('id').where('item_id', 'in', items).execute()
  ).map((r) => r.id);
  const chases = (await db.selectFrom('chases').select('id').where('item_id', 'in', items).execute()).map(
    (r) => r.id,
  );
  if (chases.length > 0) await db.deleteFrom('chase_recipients').where('chase_id', 'in', chases).execute();
  await db.deleteFrom('attachments').where('item_id', 'in', items).execute();
  await db.deleteFrom('accountability_records').where('item_id', 'in', items).execute();
  await db.deleteFrom('chases').where('item_id', 'in', items).execute();
  if (assignments.length > 0) {
    await db.deleteFrom('reminders').where('assignment_id', 'in', assignments).execute();
    await db.deleteFrom('extensions').where('assignment_id', 'in', assignments).execute();
    await db.deleteFrom('feedbacks').where('assignment_id', 'in', assignments).execute();
  }
  await db.deleteFrom('item_events').where('item_id', 'in', items).execute();
  await db.deleteFrom('item_watchers').where('item_id', 'in', items).execute();
  await db.deleteFrom('assignments').where('item_id', 'in', items).execute();
  // Sub-items (任务分解) have higher ids than their parents: descending ids delete children first.
  for (const id of items) await db.deleteFrom('items').where('id', '=', id).execute();
  return items.length;
}
