import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../database.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not follow the current schema types */
type AnyDb = Kysely<any>;

/**
 * Open assignments (not closed, not suspended) counted per department and deadline ('' for none): a
 * circular's "overdue / in progress at the cutoff" sums these few rows instead of evaluating every open
 * assignment. Triggers keep it in the transaction of every change; open assignments made after a cutoff
 * are subtracted through the small partial index below.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('open_assignment_counts')
    .addColumn('department_id', 'integer', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('open_assignment_counts_pk', ['department_id', 'deadline'])
    .execute();
  await db.schema
    .createIndex('assignments_open_assigned_idx')
    .on('assignments')
    .columns(['assigned_at', 'department_id', 'deadline'])
    .where(sql<boolean>`closed_at is null and status <> 'suspended'`)
    .execute();
  await sql`
    insert into open_assignment_counts (department_id, deadline, n)
    select department_id, coalesce(deadline, ''), count(*) from assignments
    where closed_at is null and status <> 'suspended'
    group by department_id, coalesce(deadline, '')`.execute(db);

  const isOpen = (row: 'old' | 'new') => sql.raw(`${row}.closed_at is null and ${row}.status <> 'suspended'`);
  const minus = (row: 'old' | 'new') =>
    sql`update open_assignment_counts set n = n - 1
      where department_id = ${sql.raw(`${row}.department_id`)} and deadline = coalesce(${sql.raw(`${row}.deadline`)}, '')`;
  const plus = (row: 'old' | 'new') =>
    sql`insert into open_assignment_counts (department_id, deadline, n)
      values (${sql.raw(`${row}.department_id`)}, coalesce(${sql.raw(`${row}.deadline`)}, ''), 1)
      on conflict (department_id, deadline) do update set n = open_assignment_counts.n + 1`;

  if (dialectOf(db) === 'postgres') {
    await sql`
      create function open_assignment_counts_keep() returns trigger language plpgsql as $$
      begin
        if tg_op in ('DELETE', 'UPDATE') and ${isOpen('old')} then ${minus('old')}; end if;
        if tg_op in ('INSERT', 'UPDATE') and ${isOpen('new')} then ${plus('new')}; end if;
        return null;
      end $$`.execute(db);
    await sql`create trigger open_assignment_counts_keep
      after insert or delete or update of status, closed_at, deadline, department_id on assignments
      for each row execute function open_assignment_counts_keep()`.execute(db);
    return;
  }
  // SQLite: one trigger per event and condition; VALUES keeps the upsert unambiguous to its parser.
  await sql`create trigger open_assignment_counts_insert after insert on assignments
    when ${isOpen('new')} begin ${plus('new')}; end`.execute(db);
  await sql`create trigger open_assignment_counts_delete after delete on assignments
    when ${isOpen('old')} begin ${minus('old')}; end`.execute(db);
  await sql`create trigger open_assignment_counts_leave after update of status, closed_at, deadline, department_id
    on assignments when ${isOpen('old')} begin ${minus('old')}; end`.execute(db);
  await sql`create trigger open_assignment_counts_enter after update of status, closed_at, deadline, department_id
    on assignments when ${isOpen('new')} begin ${plus('new')}; end`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await sql`drop trigger if exists open_assignment_counts_keep on assignments`.execute(db);
    await sql`drop function if exists open_assignment_counts_keep()`.execute(db);
  } else {
    for (const name of ['insert', 'delete', 'leave', 'enter'])
      await sql`drop trigger if exists ${sql.raw(`open_assignment_counts_${name}`)}`.execute(db);
  }
  await db.schema.dropIndex('assignments_open_assigned_idx').execute();
  await db.schema.dropTable('open_assignment_counts').execute();
}
