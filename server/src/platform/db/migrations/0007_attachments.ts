import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../database.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not follow the current schema types */
type AnyDb = Kysely<any>;

/** Attachments of items (附件, 办结佐证, 反馈材料): rows pointing at files in the content store by SM3 hash. */
export async function up(db: AnyDb): Promise<void> {
  const dialect = dialectOf(db);
  const { timestamp } = columnTypes(dialect);
  const table = db.schema.createTable('attachments');
  await (
    dialect === 'postgres'
      ? table.addColumn('id', 'serial', (c) => c.primaryKey())
      : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
  )
    .addColumn('item_id', 'integer', (c) => c.notNull().references('items.id'))
    .addColumn('assignment_id', 'integer', (c) => c.references('assignments.id'))
    .addColumn('feedback_id', 'integer', (c) => c.references('feedbacks.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('file_hash', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('uploaded_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('uploaded_at', timestamp, (c) => c.notNull())
    .addColumn('deleted_at', timestamp)
    .addColumn('deleted_by', 'integer', (c) => c.references('users.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('attachments_item_idx').on('attachments').columns(['item_id', 'id']).execute();
  // The store keeps a file while any row, deleted or not, points at it: the audit trail may need it.
  await db.schema.createIndex('attachments_file_hash_idx').on('attachments').column('file_hash').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('attachments').execute();
}
