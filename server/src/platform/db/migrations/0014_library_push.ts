import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../database.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not follow the current schema types */
type AnyDb = Kysely<any>;

/** 资料库 push: what each person follows (topics/campaigns and material types) for publish notices. */
export async function up(db: AnyDb): Promise<void> {
  const { timestamp } = columnTypes(dialectOf(db));
  await db.schema
    .createTable('library_subscriptions')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('library_subscriptions_pk', ['user_id', 'kind', 'value'])
    .execute();
  // The push looks up followers of one material's topics and type.
  await db.schema
    .createIndex('library_subscriptions_value_idx')
    .on('library_subscriptions')
    .columns(['kind', 'value', 'user_id'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('library_subscriptions').execute();
}
