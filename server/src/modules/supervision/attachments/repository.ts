import type { Insertable } from 'kysely';
import type { Executor } from '../../../platform/db/schema.js';
import type { AttachmentTable } from './tables.js';

export function findAttachment(db: Executor, id: number) {
  return db
    .selectFrom('attachments')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}
export type AttachmentRow = NonNullable<Awaited<ReturnType<typeof findAttachment>>>;

export async function insertAttachment(db: Executor, row: Insertable<AttachmentTable>): Promise<number> {
  return (await db.insertInto('attachments').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** The item's attachments that are not deleted, oldest first. */
export function attachmentsOfItem(db: Executor, itemId: number) {
  return db
    .selectFrom('attachments')
    .selectAll()
    .where('item_id', '=', itemId)
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute();
}

/** Soft delete: the row and its file stay for the audit trail; false when the version moved on. */
export async function markDeleted(
  db: Executor,
  id: number,
  version: number,
  by: number,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('attachments')
    .set({ deleted_at: at, deleted_by: by, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
