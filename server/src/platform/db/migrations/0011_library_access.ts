import type { CreateTableBuilder, Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../database.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not follow the current schema types */
type AnyDb = Kysely<any>;

function withId<T extends string>(table: CreateTableBuilder<T, never>, dialect: 'sqlite' | 'postgres') {
  return dialect === 'postgres'
    ? table.addColumn('id', 'serial', (c) => c.primaryKey())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

/** 资料库 access: plans, grants (权益), orders and redeem-code batches (兑换码). */
export async function up(db: AnyDb): Promise<void> {
  const dialect = dialectOf(db);
  const { timestamp, flag } = columnTypes(dialect);

  await withId(db.schema.createTable('library_plans'), dialect)
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('tier', 'text', (c) => c.notNull())
    .addColumn('period_unit', 'text', (c) => c.notNull())
    .addColumn('period_count', 'integer', (c) => c.notNull())
    .addColumn('back_years', 'integer', (c) => c.notNull().defaultTo(3))
    .addColumn('price_cents', 'integer', (c) => c.notNull())
    .addColumn('active', flag, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .execute();

  await withId(db.schema.createTable('library_orders'), dialect)
    .addColumn('member_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('library_plans.id'))
    .addColumn('amount_cents', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('paid_cents', 'integer')
    .addColumn('payment_ref', 'text')
    .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
    .addColumn('decided_at', timestamp)
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('library_orders_member_idx')
    .on('library_orders')
    .columns(['member_id', 'id'])
    .execute();
  await db.schema
    .createIndex('library_orders_status_idx')
    .on('library_orders')
    .columns(['status', 'id'])
    .execute();

  // Plain codes exist only until the batch's one export: after that only their hashes remain.
  await withId(db.schema.createTable('library_code_batches'), dialect)
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('library_plans.id'))
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('expires_at', timestamp, (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('pending_codes', 'text')
    .addColumn('exported_at', timestamp)
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .execute();

  await withId(db.schema.createTable('library_codes'), dialect)
    .addColumn('batch_id', 'integer', (c) => c.notNull().references('library_code_batches.id'))
    .addColumn('code_hash', 'text', (c) => c.notNull().unique())
    .addColumn('redeemed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('redeemed_at', timestamp)
    .execute();
  await db.schema
    .createIndex('library_codes_batch_idx')
    .on('library_codes')
    .columns(['batch_id', 'id'])
    .execute();
  await db.schema
    .createIndex('library_codes_redeemed_by_idx')
    .on('library_codes')
    .columns(['redeemed_by', 'redeemed_at'])
    .execute();

  await withId(db.schema.createTable('library_grants'), dialect)
    .addColumn('member_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('tier', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('plan_id', 'integer', (c) => c.references('library_plans.id'))
    .addColumn('order_id', 'integer', (c) => c.references('library_orders.id'))
    .addColumn('code_id', 'integer', (c) => c.references('library_codes.id'))
    .addColumn('starts_at', timestamp, (c) => c.notNull())
    .addColumn('ends_at', timestamp)
    .addColumn('back_years', 'integer', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('revoked_at', timestamp)
    .addColumn('revoked_by', 'integer', (c) => c.references('users.id'))
    .addColumn('revoke_reason', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .execute();
  // The access check reads one member's grants in start order.
  await db.schema
    .createIndex('library_grants_member_idx')
    .on('library_grants')
    .columns(['member_id', 'starts_at'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of [
    'library_grants',
    'library_codes',
    'library_code_batches',
    'library_orders',
    'library_plans',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
