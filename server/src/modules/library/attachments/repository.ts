import type { Insertable } from 'kysely';
import type { Executor } from '../../../platform/db/schema.js';
import type { LibraryAttachmentTable } from './tables.js';

export function findAttachment(db: Executor, id: number) {
  return db
    .selectFrom('library_attachments')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}
export type AttachmentRow = NonNullable<Awaited<ReturnType<typeof findAttachment>>>;

export async function insertAttachment(
  db: Executor,
  row: Insertable<LibraryAttachmentTable>,
): Promise<number> {
  return (await db.insertInto('library_attachments').values(row).returning('id').executeTakeFirstOrThrow())
    .id;
}

/** The material's attachments that are not deleted, oldest first. */
export function attachmentsOfMaterial(db: Executor, materialId: number) {
  return db
    .selectFrom('library_attachments')
    .selectAll()
    .where('material_id', '=', materialId)
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
    .updateTable('library_attachments')
    .set({ deleted_at: at, deleted_by: by, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
