import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../database.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not follow the current schema types */
type AnyDb = Kysely<any>;

/**
 * What the leader dashboard reads, made small:
 * - `open_department_counts`: open assignments per department, and those with a deadline, kept from the
 *   per-deadline counts of 0013 by triggers on that table. Overdue at a cutoff is then the dated ones
 *   less those due on or after the cutoff: a range over the few future deadlines through the covering
 *   index below, instead of every (department, deadline) row of 0013 (115,000 at province scale).
 * - `assignments_open_item_idx`: the open assignments of an item with what their lights read, so the
 *   watched list probes thousands of items without reading a table row.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('open_department_counts')
    .addColumn('department_id', 'integer', (c) => c.primaryKey())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('dated', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('open_assignment_counts_deadline_idx')
    .on('open_assignment_counts')
    .columns(['deadline', 'department_id', 'n'])
    .execute();
  await db.schema
    .createIndex('assignments_open_item_idx')
    .on('assignments')
    .columns([
      'item_id',
      'standing',
      'deadline',
      'feedback_owed_end',
      'feedback_owed_start',
      'status',
      'closed_at',
    ])
    .where(sql<boolean>`closed_at is null and status <> 'suspended'`)
    .execute();
  await sql`
    insert into open_department_counts (department_id, n, dated)
    select department_id, sum(n), sum(case when deadline <> '' then n else 0 end)
    from open_assignment_counts group by department_id`.execute(db);

  // Adds `sign` times the row's n to its department (a change of n is a leave and an enter).
  const add = (row: 'old' | 'new', sign: '+' | '-') => {
    const r = (column: string) => sql.raw(`${row}.${column}`);
    const s = sql.raw(sign);
    return sql`insert into open_department_counts (department_id, n, dated)
      values (${r('department_id')}, ${s}${r('n')}, case when ${r('deadline')} <> '' then ${s}${r('n')} else 0 end)
      on conflict (department_id) do update set n = open_department_counts.n + excluded.n,
        dated = open_department_counts.dated + excluded.dated`;
  };

  if (dialectOf(db) === 'postgres') {
    await sql`
      create function open_department_counts_keep() returns trigger language plpgsql as $$
      begin
        if tg_op in ('DELETE', 'UPDATE') then ${add('old', '-')}; end if;
        if tg_op in ('INSERT', 'UPDATE') then ${add('new', '+')}; end if;
        return null;
      end $$`.execute(db);
    await sql`create trigger open_department_counts_keep
      after insert or delete or update on open_assignment_counts
      for each row execute function open_department_counts_keep()`.execute(db);
    return;
  }
  // Statistics for the new index when the older ones have some: without them SQLite prefers the
  // analysed (item_id, department_id) key, which reads a table row per assignment.
  await sql`analyze assignments_open_item_idx`.execute(db);
  await sql`create trigger open_department_counts_insert after insert on open_assignment_counts
    begin ${add('new', '+')}; end`.execute(db);
  await sql`create trigger open_department_counts_delete after delete on open_assignment_counts
    begin ${add('old', '-')}; end`.execute(db);
  await sql`create trigger open_department_counts_update after update on open_assignment_counts
    begin ${add('old', '-')}; ${add('new', '+')}; end`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await sql`drop trigger if exists open_department_counts_keep on open_assignment_counts`.execute(db);
    await sql`drop function if exists open_department_counts_keep()`.execute(db);
  } else {
    for (const name of ['insert', 'delete', 'update'])
      await sql`drop trigger if exists ${sql.raw(`open_department_counts_${name}`)}`.execute(db);
  }
  await db.schema.dropIndex('assignments_open_item_idx').execute();
  await db.schema.dropIndex('open_assignment_counts_deadline_idx').execute();
  await db.schema.dropTable('open_department_counts').execute();
}
