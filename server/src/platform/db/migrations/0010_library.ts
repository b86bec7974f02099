import { sql, type CreateTableBuilder, type Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../database.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not follow the current schema types */
type AnyDb = Kysely<any>;

function withId<T extends string>(table: CreateTableBuilder<T, never>, dialect: 'sqlite' | 'postgres') {
  return dialect === 'postgres'
    ? table.addColumn('id', 'serial', (c) => c.primaryKey())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

/** 资料库 materials: the latest text of each material, every earlier version, topics and the publish outbox. */
export async function up(db: AnyDb): Promise<void> {
  const dialect = dialectOf(db);
  const { timestamp } = columnTypes(dialect);

  await withId(db.schema.createTable('library_materials'), dialect)
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('topics', 'text', (c) => c.notNull())
    .addColumn('occasion', 'text')
    .addColumn('tier', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('headings', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('key_points', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('scheduled_at', timestamp)
    .addColumn('published_at', timestamp)
    .addColumn('withdrawn_at', timestamp)
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('library_materials_status_idx')
    .on('library_materials')
    .columns(['status', 'published_at', 'id'])
    .execute();
  // The publishing job looks only at scheduled materials whose time has come.
  await db.schema
    .createIndex('library_materials_scheduled_idx')
    .on('library_materials')
    .column('scheduled_at')
    .where(sql.ref('status'), '=', 'scheduled')
    .execute();

  await withId(db.schema.createTable('library_material_versions'), dialect)
    .addColumn('material_id', 'integer', (c) =>
      c.notNull().references('library_materials.id').onDelete('cascade'),
    )
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('topics', 'text', (c) => c.notNull())
    .addColumn('occasion', 'text')
    .addColumn('tier', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('headings', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('key_points', 'text', (c) => c.notNull())
    .addColumn('edited_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('edited_at', timestamp, (c) => c.notNull())
    .addUniqueConstraint('library_material_versions_revision_uq', ['material_id', 'revision'])
    .execute();

  await db.schema
    .createTable('library_material_topics')
    .addColumn('material_id', 'integer', (c) =>
      c.notNull().references('library_materials.id').onDelete('cascade'),
    )
    .addColumn('topic', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('library_material_topics_pk', ['material_id', 'topic'])
    .execute();
  await db.schema
    .createIndex('library_material_topics_topic_idx')
    .on('library_material_topics')
    .columns(['topic', 'material_id'])
    .execute();

  // Written in the publishing transaction; the real-time push reads unprocessed rows in id order.
  await withId(db.schema.createTable('library_outbox'), dialect)
    .addColumn('material_id', 'integer', (c) =>
      c.notNull().references('library_materials.id').onDelete('cascade'),
    )
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('processed_at', timestamp)
    .execute();
  await db.schema
    .createIndex('library_outbox_pending_idx')
    .on('library_outbox')
    .column('id')
    .where(sql.ref('processed_at'), 'is', null)
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of [
    'library_outbox',
    'library_material_topics',
    'library_material_versions',
    'library_materials',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
