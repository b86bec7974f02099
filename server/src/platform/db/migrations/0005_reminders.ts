import { sql, type CreateTableBuilder, type Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../database.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not follow the current schema types */
type AnyDb = Kysely<any>;

function withId<T extends string>(table: CreateTableBuilder<T, never>, dialect: 'sqlite' | 'postgres') {
  return dialect === 'postgres'
    ? table.addColumn('id', 'serial', (c) => c.primaryKey())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

/** Supervision reminders (sent once each), 催办 with their recipients, and indexes for the daily sweep. */
export async function up(db: AnyDb): Promise<void> {
  const dialect = dialectOf(db);
  const { timestamp } = columnTypes(dialect);

  await withId(db.schema.createTable('reminders'), dialect)
    .addColumn('assignment_id', 'integer', (c) => c.notNull().references('assignments.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('period', 'text')
    .addColumn('created_at', timestamp, (c) => c.notNull())
    // The key that makes each reminder happen once, however many workers sweep at the same time.
    .addUniqueConstraint('reminders_key_uq', ['assignment_id', 'kind', 'due_date', 'level'])
    .execute();

  await withId(db.schema.createTable('chases'), dialect)
    .addColumn('assignment_id', 'integer', (c) => c.notNull().references('assignments.id'))
    .addColumn('item_id', 'integer', (c) => c.notNull().references('items.id'))
    .addColumn('chaser_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('reply', 'text')
    .addColumn('replied_by', 'integer', (c) => c.references('users.id'))
    .addColumn('replied_at', timestamp)
    .execute();
  await db.schema
    .createIndex('chases_assignment_idx')
    .on('chases')
    .columns(['assignment_id', 'id'])
    .execute();

  await db.schema
    .createTable('chase_recipients')
    .addColumn('chase_id', 'integer', (c) => c.notNull().references('chases.id'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('read_at', timestamp)
    .addPrimaryKeyConstraint('chase_recipients_pk', ['chase_id', 'user_id'])
    .execute();
  await db.schema.createIndex('chase_recipients_user_idx').on('chase_recipients').column('user_id').execute();

  // The sweep reads only open assignments by deadline, or by cycle and signing time: partial indexes
  // keep those reads proportional to the open work, not to all history.
  await db.schema
    .createIndex('assignments_open_deadline_idx')
    .on('assignments')
    .column('deadline')
    .where(sql.ref('status'), 'in', [sql.lit('assigned'), sql.lit('acknowledged')])
    .execute();
  await db.schema
    .createIndex('assignments_acknowledged_cycle_idx')
    .on('assignments')
    .columns(['feedback_cycle', 'acknowledged_at'])
    .where(sql.ref('status'), '=', sql.lit('acknowledged'))
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('assignments_acknowledged_cycle_idx').execute();
  await db.schema.dropIndex('assignments_open_deadline_idx').execute();
  for (const table of ['chase_recipients', 'chases', 'reminders']) {
    await db.schema.dropTable(table).execute();
  }
}
