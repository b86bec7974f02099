import type { CreateTableBuilder, Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../database.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not follow the current schema types */
type AnyDb = Kysely<any>;

function withId<T extends string>(table: CreateTableBuilder<T, never>, dialect: 'sqlite' | 'postgres') {
  return dialect === 'postgres'
    ? table.addColumn('id', 'serial', (c) => c.primaryKey())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

export async function up(db: AnyDb): Promise<void> {
  const dialect = dialectOf(db);
  const { timestamp, flag } = columnTypes(dialect);

  await withId(db.schema.createTable('items'), dialect)
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('requirements', 'text', (c) => c.notNull())
    .addColumn('source_type', 'text', (c) => c.notNull())
    .addColumn('source_ref', 'text', (c) => c.notNull())
    .addColumn('urgency', 'text', (c) => c.notNull())
    .addColumn('difficult', flag, (c) => c.notNull().defaultTo(0))
    .addColumn('responsible_leader_id', 'integer', (c) => c.references('users.id'))
    .addColumn('parent_id', 'integer', (c) => c.references('items.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text')
    .addColumn('working_days', 'integer')
    .addColumn('feedback_cycle', 'text', (c) => c.notNull())
    .addColumn('standing', flag, (c) => c.notNull().defaultTo(0))
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('return_reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .addColumn('closed_at', timestamp)
    .addUniqueConstraint('items_year_seq_uq', ['year', 'seq'])
    .execute();
  await db.schema.createIndex('items_parent_idx').on('items').column('parent_id').execute();
  await db.schema.createIndex('items_status_idx').on('items').columns(['status', 'id']).execute();

  await db.schema
    .createTable('item_watchers')
    .addColumn('item_id', 'integer', (c) => c.notNull().references('items.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addPrimaryKeyConstraint('item_watchers_pk', ['item_id', 'user_id'])
    .execute();

  await withId(db.schema.createTable('assignments'), dialect)
    .addColumn('item_id', 'integer', (c) => c.notNull().references('items.id'))
    .addColumn('department_id', 'integer', (c) => c.notNull().references('departments.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('accountable_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('deadline', 'text')
    .addColumn('feedback_cycle', 'text', (c) => c.notNull())
    .addColumn('assigned_at', timestamp, (c) => c.notNull())
    .addColumn('acknowledged_at', timestamp)
    .addColumn('completion_evidence', 'text')
    .addColumn('completion_requested_at', timestamp)
    .addColumn('return_reason', 'text')
    .addColumn('closed_at', timestamp)
    .addColumn('closed_on_time', flag)
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .addUniqueConstraint('assignments_item_department_uq', ['item_id', 'department_id'])
    .execute();
  await db.schema
    .createIndex('assignments_department_status_idx')
    .on('assignments')
    .columns(['department_id', 'status'])
    .execute();
  // To-dos and reminder sweeps look for open work by status, nearest deadline first.
  await db.schema
    .createIndex('assignments_status_deadline_idx')
    .on('assignments')
    .columns(['status', 'deadline'])
    .execute();

  await withId(db.schema.createTable('feedbacks'), dialect)
    .addColumn('assignment_id', 'integer', (c) => c.notNull().references('assignments.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('submitted_at', timestamp, (c) => c.notNull())
    .addColumn('on_time', flag, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('head_reviewed_by', 'integer')
    .addColumn('office_reviewed_by', 'integer')
    .addColumn('return_reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .addUniqueConstraint('feedbacks_assignment_period_uq', ['assignment_id', 'period'])
    .execute();

  await withId(db.schema.createTable('extensions'), dialect)
    .addColumn('assignment_id', 'integer', (c) => c.notNull().references('assignments.id'))
    .addColumn('old_deadline', 'text', (c) => c.notNull())
    .addColumn('new_deadline', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('requested_at', timestamp, (c) => c.notNull())
    .addColumn('decided_by', 'integer')
    .addColumn('decided_at', timestamp)
    .addColumn('decision_note', 'text')
    .execute();
  await db.schema.createIndex('extensions_assignment_idx').on('extensions').column('assignment_id').execute();

  await withId(db.schema.createTable('item_events'), dialect)
    .addColumn('item_id', 'integer', (c) => c.notNull().references('items.id'))
    .addColumn('assignment_id', 'integer')
    .addColumn('at', timestamp, (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('item_events_item_idx').on('item_events').columns(['item_id', 'id']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of ['item_events', 'extensions', 'feedbacks', 'assignments', 'item_watchers', 'items']) {
    await db.schema.dropTable(table).execute();
  }
}
