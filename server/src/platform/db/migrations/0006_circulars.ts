import { sql, type CreateTableBuilder, type Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../database.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not follow the current schema types */
type AnyDb = Kysely<any>;

function withId<T extends string>(table: CreateTableBuilder<T, never>, dialect: 'sqlite' | 'postgres') {
  return dialect === 'postgres'
    ? table.addColumn('id', 'serial', (c) => c.primaryKey())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

/** Circulars (通报), accountability records (责任追究) and the indexes behind their period aggregates. */
export async function up(db: AnyDb): Promise<void> {
  const dialect = dialectOf(db);
  const { timestamp, flag } = columnTypes(dialect);

  await withId(db.schema.createTable('circulars'), dialect)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('scope_all', flag, (c) => c.notNull())
    .addColumn('source_type', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('organ_name', 'text', (c) => c.notNull())
    .addColumn('doc_number', 'text')
    .addColumn('recipients', 'text', (c) => c.notNull())
    .addColumn('lead_text', 'text', (c) => c.notNull())
    .addColumn('closing_text', 'text', (c) => c.notNull())
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('printed_by', 'text', (c) => c.notNull())
    .addColumn('printed_on', 'text', (c) => c.notNull())
    .addColumn('stats', 'text', (c) => c.notNull())
    .addColumn('generated_at', timestamp, (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('published_at', timestamp)
    .addColumn('published_by', 'integer', (c) => c.references('users.id'))
    .addColumn('archived_at', timestamp)
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('circulars_status_idx').on('circulars').columns(['status', 'id']).execute();

  // The departments a scoped circular is addressed to; a whole-organisation circular has no rows here.
  await db.schema
    .createTable('circular_departments')
    .addColumn('circular_id', 'integer', (c) => c.notNull().references('circulars.id').onDelete('cascade'))
    .addColumn('department_id', 'integer', (c) => c.notNull().references('departments.id'))
    .addPrimaryKeyConstraint('circular_departments_pk', ['circular_id', 'department_id'])
    .execute();
  await db.schema
    .createIndex('circular_departments_department_idx')
    .on('circular_departments')
    .columns(['department_id', 'circular_id'])
    .execute();

  await withId(db.schema.createTable('accountability_records'), dialect)
    .addColumn('assignment_id', 'integer', (c) => c.notNull().references('assignments.id'))
    .addColumn('item_id', 'integer', (c) => c.notNull().references('items.id'))
    .addColumn('department_id', 'integer', (c) => c.notNull().references('departments.id'))
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('responsible_user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('decided_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('decided_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('rectification_note', 'text')
    .addColumn('closing_note', 'text')
    .addColumn('closed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('closed_at', timestamp)
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('accountability_department_idx')
    .on('accountability_records')
    .columns(['department_id', 'id'])
    .execute();
  await db.schema
    .createIndex('accountability_assignment_idx')
    .on('accountability_records')
    .column('assignment_id')
    .execute();

  // Period aggregates read only index entries: closures in a date range, assignments made in a range,
  // and the open assignments at a cutoff (partial: the open set stays small while history grows).
  // The closure index leaves out open rows, so "closed_at is null" is answered by the open index alone;
  // item_id lets a circular limited to one source type probe its item list (items_source_type_idx)
  // without reading rows.
  await db.schema
    .createIndex('assignments_closed_at_idx')
    .on('assignments')
    .columns(['closed_at', 'department_id', 'closed_on_time', 'deadline', 'assigned_at', 'item_id'])
    .where(sql.ref('closed_at'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('assignments_assigned_at_idx')
    .on('assignments')
    .columns(['assigned_at', 'department_id', 'status', 'item_id'])
    .execute();
  await db.schema
    .createIndex('assignments_unclosed_department_idx')
    .on('assignments')
    .columns(['department_id', 'deadline', 'assigned_at', 'status', 'item_id'])
    .where(sql.ref('closed_at'), 'is', null)
    .execute();
  // The overdue list walks open assignments oldest deadline first and stops at its limit.
  await db.schema
    .createIndex('assignments_unclosed_deadline_idx')
    .on('assignments')
    .columns(['deadline', 'id'])
    .where(sql.ref('closed_at'), 'is', null)
    .execute();
  await db.schema.createIndex('items_source_type_idx').on('items').columns(['source_type', 'id']).execute();

  // Assessment: late feedback per period, and review decisions (approve/return) per period.
  await db.schema.createIndex('feedbacks_submitted_at_idx').on('feedbacks').column('submitted_at').execute();
  await db.schema
    .createIndex('item_events_kind_at_idx')
    .on('item_events')
    .columns(['kind', 'at', 'assignment_id'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const index of [
    'item_events_kind_at_idx',
    'feedbacks_submitted_at_idx',
    'assignments_unclosed_deadline_idx',
    'assignments_unclosed_department_idx',
    'assignments_assigned_at_idx',
    'assignments_closed_at_idx',
    'items_source_type_idx',
  ]) {
    await db.schema.dropIndex(index).execute();
  }
  for (const table of ['accountability_records', 'circular_departments', 'circulars']) {
    await db.schema.dropTable(table).execute();
  }
}
