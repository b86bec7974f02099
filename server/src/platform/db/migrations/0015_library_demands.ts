import type { CreateTableBuilder, Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../database.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not follow the current schema types */
type AnyDb = Kysely<any>;

function withId<T extends string>(table: CreateTableBuilder<T, never>, dialect: 'sqlite' | 'postgres') {
  return dialect === 'postgres'
    ? table.addColumn('id', 'serial', (c) => c.primaryKey())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

/** 资料库 demand board (需求征集) with its votes, and the member groups (会员群, 免费群) per tier. */
export async function up(db: AnyDb): Promise<void> {
  const dialect = dialectOf(db);
  const { timestamp } = columnTypes(dialect);

  // `votes` is kept in the transaction of each vote, so the board sorts without counting.
  await withId(db.schema.createTable('library_demands'), dialect)
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('topic', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('votes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('requested_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('material_id', 'integer', (c) => c.references('library_materials.id'))
    .addColumn('answer_note', 'text')
    .addColumn('close_reason', 'text')
    .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
    .addColumn('decided_at', timestamp)
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('library_demands_votes_idx')
    .on('library_demands')
    .columns(['status', 'votes', 'id'])
    .execute();

  await db.schema
    .createTable('library_demand_votes')
    .addColumn('demand_id', 'integer', (c) => c.notNull().references('library_demands.id'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('library_demand_votes_pk', ['demand_id', 'user_id'])
    .execute();

  await withId(db.schema.createTable('library_groups'), dialect)
    .addColumn('tier', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('join_link', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of ['library_groups', 'library_demand_votes', 'library_demands'])
    await db.schema.dropTable(table).execute();
}
