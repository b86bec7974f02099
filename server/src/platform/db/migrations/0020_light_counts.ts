import { sql, type Kysely, type RawBuilder } from 'kysely';
import { dialectOf } from '../database.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not follow the current schema types */
type AnyDb = Kysely<any>;

/**
 * What the whole organisation's lights count, kept by triggers on `assignments` (open work only: not
 * closed, not suspended; '' for no deadline or no owed period):
 * - `open_light_counts`: per source type, standing and deadline. Red and due-soon are sums over the few
 *   rows before today's warning bound (~7,000 rows at province scale instead of 170,000 index entries).
 * - `owed_light_counts`: the same per first owed feedback period (0017), for signed work that owes one.
 *   Whether it is owed today moves with the date, so only the rows after the warning bound are read
 *   (~6,000 instead of 50,000 index entries).
 * - `open_assignment_counts_department_idx`: 0013's per-deadline counts by department, so the ranking's
 *   open work due after a cutoff is one seek per department without a sort, instead of grouping every
 *   future deadline's row (~34,000) in a temporary b-tree: 15 → 7 ms with the totals at province scale.
 */
const tables = {
  open_light_counts: ['source_type', 'standing', 'deadline'],
  owed_light_counts: ['source_type', 'standing', 'deadline', 'feedback_owed_end', 'feedback_owed_start'],
} as const;
type Table = keyof typeof tables;

const textKey = (column: string) => column !== 'standing';
const value = (row: string, column: string) =>
  sql.raw(textKey(column) ? `coalesce(${row}${column}, '')` : `${row}${column}`);
const counted = (row: string, table: Table): RawBuilder<unknown> =>
  sql.raw(
    `${row}closed_at is null and ${row}status <> 'suspended'` +
      (table === 'owed_light_counts' ? ` and ${row}feedback_owed_start is not null` : ''),
  );

export async function up(db: AnyDb): Promise<void> {
  const postgres = dialectOf(db) === 'postgres';
  await db.schema
    .createIndex('open_assignment_counts_department_idx')
    .on('open_assignment_counts')
    .columns(['department_id', 'deadline', 'n'])
    .execute();
  // Without statistics SQLite would rather seek the primary key and read n from the table row.
  if (!postgres) await sql`analyze open_assignment_counts_department_idx`.execute(db);
  for (const [table, columns] of Object.entries(tables) as [Table, readonly string[]][]) {
    let create = db.schema.createTable(table);
    for (const column of columns)
      create = create.addColumn(column, textKey(column) ? 'text' : 'integer', (c) => c.notNull());
    await create
      .addColumn('n', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${table}_pk`, [...columns] as never[])
      .execute();
    const keys = sql.join(columns.map((c) => sql.ref(c)));
    await sql`insert into ${sql.table(table)} (${keys}, n)
      select ${sql.join(columns.map((c) => value('', c)))}, count(*) from assignments
      where ${counted('', table)} group by ${sql.join(columns.map((c) => value('', c)))}`.execute(db);

    // Adds `sign` one to the row's key when the row counts (a change is a leave and an enter).
    const add = (row: 'old' | 'new', sign: '+' | '-') =>
      sql`insert into ${sql.table(table)} (${keys}, n)
        select ${sql.join(columns.map((c) => value(`${row}.`, c)))}, ${sql.raw(`${sign}1`)}
        where ${counted(`${row}.`, table)}
        on conflict (${keys}) do update set n = ${sql.table(table)}.n + excluded.n`;
    const watched = sql.raw(['status', 'closed_at', ...columns].join(', '));
    if (postgres) {
      await sql`
        create function ${sql.raw(`${table}_keep`)}() returns trigger language plpgsql as $$
        begin
          if tg_op in ('DELETE', 'UPDATE') then ${add('old', '-')}; end if;
          if tg_op in ('INSERT', 'UPDATE') then ${add('new', '+')}; end if;
          return null;
        end $$`.execute(db);
      await sql`create trigger ${sql.raw(`${table}_keep`)}
        after insert or delete or update of ${watched} on assignments
        for each row execute function ${sql.raw(`${table}_keep`)}()`.execute(db);
      continue;
    }
    await sql`create trigger ${sql.raw(`${table}_insert`)} after insert on assignments
      begin ${add('new', '+')}; end`.execute(db);
    await sql`create trigger ${sql.raw(`${table}_delete`)} after delete on assignments
      begin ${add('old', '-')}; end`.execute(db);
    await sql`create trigger ${sql.raw(`${table}_update`)} after update of ${watched} on assignments
      begin ${add('old', '-')}; ${add('new', '+')}; end`.execute(db);
  }
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of Object.keys(tables)) {
    if (dialectOf(db) === 'postgres') {
      await sql`drop trigger if exists ${sql.raw(`${table}_keep`)} on assignments`.execute(db);
      await sql`drop function if exists ${sql.raw(`${table}_keep`)}()`.execute(db);
    } else {
      for (const name of ['insert', 'delete', 'update'])
        await sql`drop trigger if exists ${sql.raw(`${table}_${name}`)}`.execute(db);
    }
    await db.schema.dropTable(table).execute();
  }
  // If exists: the index joined this migration after its first commit.
  await db.schema.dropIndex('open_assignment_counts_department_idx').ifExists().execute();
}
