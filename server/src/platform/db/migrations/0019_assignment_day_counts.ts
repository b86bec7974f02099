import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../database.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not follow the current schema types */
type AnyDb = Kysely<any>;

/**
 * `assignment_day_counts`: per Beijing date, the assignments made that day (not suspended) and those
 * closed that day, kept by triggers on `assignments`. The whole organisation's trend sums these few
 * rows instead of counting ~170,000 index entries over twelve ranges.
 */
export async function up(db: AnyDb): Promise<void> {
  const postgres = dialectOf(db) === 'postgres';
  // Timestamps are ISO text on SQLite and timestamptz on PostgreSQL; both give the same date.
  const day = (column: string) =>
    postgres
      ? sql.raw(`to_char((${column} at time zone 'UTC') + interval '8 hours', 'YYYY-MM-DD')`)
      : sql.raw(`date(${column}, '+8 hours')`);
  await db.schema
    .createTable('assignment_day_counts')
    .addColumn('day', 'text', (c) => c.primaryKey())
    .addColumn('assigned', 'integer', (c) => c.notNull())
    .addColumn('closed', 'integer', (c) => c.notNull())
    .execute();
  await sql`
    insert into assignment_day_counts (day, assigned, closed)
    select day, sum(assigned), sum(closed) from (
      select ${day('assigned_at')} as day, 1 as assigned, 0 as closed from assignments
        where assigned_at is not null and status <> 'suspended'
      union all
      select ${day('closed_at')}, 0, 1 from assignments where closed_at is not null
    ) t group by day`.execute(db);

  // Adds `sign` one to the row's assigned and closed days (a change is a leave and an enter).
  const add = (row: 'old' | 'new', sign: '+' | '-') => {
    const r = (column: string) => `${row}.${column}`;
    const s = sql.raw(`${sign}1`);
    return sql`insert into assignment_day_counts (day, assigned, closed)
        select ${day(r('assigned_at'))}, ${s}, 0
        where ${sql.raw(r('assigned_at'))} is not null and ${sql.raw(r('status'))} <> 'suspended'
        on conflict (day) do update set assigned = assignment_day_counts.assigned + excluded.assigned;
      insert into assignment_day_counts (day, assigned, closed)
        select ${day(r('closed_at'))}, 0, ${s}
        where ${sql.raw(r('closed_at'))} is not null
        on conflict (day) do update set closed = assignment_day_counts.closed + excluded.closed`;
  };

  if (postgres) {
    await sql`
      create function assignment_day_counts_keep() returns trigger language plpgsql as $$
      begin
        if tg_op in ('DELETE', 'UPDATE') then ${add('old', '-')}; end if;
        if tg_op in ('INSERT', 'UPDATE') then ${add('new', '+')}; end if;
        return null;
      end $$`.execute(db);
    await sql`create trigger assignment_day_counts_keep
      after insert or delete or update of status, assigned_at, closed_at on assignments
      for each row execute function assignment_day_counts_keep()`.execute(db);
    return;
  }
  await sql`create trigger assignment_day_counts_insert after insert on assignments
    begin ${add('new', '+')}; end`.execute(db);
  await sql`create trigger assignment_day_counts_delete after delete on assignments
    begin ${add('old', '-')}; end`.execute(db);
  await sql`create trigger assignment_day_counts_update after update of status, assigned_at, closed_at
    on assignments begin ${add('old', '-')}; ${add('new', '+')}; end`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await sql`drop trigger if exists assignment_day_counts_keep on assignments`.execute(db);
    await sql`drop function if exists assignment_day_counts_keep()`.execute(db);
  } else {
    for (const name of ['insert', 'delete', 'update'])
      await sql`drop trigger if exists ${sql.raw(`assignment_day_counts_${name}`)}`.execute(db);
  }
  await db.schema.dropTable('assignment_day_counts').execute();
}
