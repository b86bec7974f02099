import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../database.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not follow the current schema types */
type AnyDb = Kysely<any>;

/** Attachments of library materials: rows pointing at files in the content store by SM3 hash. */
export async function up(db: AnyDb): Promise<void> {
  const dialect = dialectOf(db);
  const { timestamp } = columnTypes(dialect);
  const table = db.schema.createTable('library_attachments');
  await (
    dialect === 'postgres'
      ? table.addColumn('id', 'serial', (c) => c.primaryKey())
      : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
  )
    // Cascade as the material's versions do: only demo removal deletes materials.
    .addColumn('material_id', 'integer', (c) =>
      c.notNull().references('library_materials.id').onDelete('cascade'),
    )
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
  await db.schema
    .createIndex('library_attachments_material_idx')
    .on('library_attachments')
    .columns(['material_id', 'id'])
    .execute();
  await db.schema
    .createIndex('library_attachments_file_hash_idx')
    .on('library_attachments')
    .column('file_hash')
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('library_attachments').execute();
}
