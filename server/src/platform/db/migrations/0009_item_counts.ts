import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../database.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not follow the current schema types */
type AnyDb = Kysely<any>;

/**
 * How many items each department holds, by item status: the total of a department's item list without
 * counting 60,000 rows per request. Triggers keep it, so every write path (services, 台账 import, demo
 * removal, future code) updates it in its own transaction and it cannot drift.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('department_item_counts')
    .addColumn('department_id', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('department_item_counts_pk', ['department_id', 'status'])
    .execute();
  // A department's page of items, newest first, read in index order.
  await db.schema
    .createIndex('assignments_department_item_idx')
    .on('assignments')
    .columns(['department_id', 'item_id'])
    .execute();
  await sql`
    insert into department_item_counts (department_id, status, n)
    select a.department_id, i.status, count(*) from assignments a join items i on i.id = a.item_id
    group by a.department_id, i.status`.execute(db);

  if (dialectOf(db) === 'postgres') {
    await sql`
      create function department_item_counts_assignment() returns trigger language plpgsql as $$
      begin
        if tg_op in ('DELETE', 'UPDATE') then
          update department_item_counts set n = n - 1
          where department_id = old.department_id and status = (select status from items where id = old.item_id);
        end if;
        if tg_op in ('INSERT', 'UPDATE') then
          insert into department_item_counts (department_id, status, n)
          values (new.department_id, (select status from items where id = new.item_id), 1)
          on conflict (department_id, status) do update set n = department_item_counts.n + 1;
        end if;
        return null;
      end $$`.execute(db);
    await sql`create trigger department_item_counts_assignment
      after insert or delete or update of department_id, item_id on assignments
      for each row execute function department_item_counts_assignment()`.execute(db);
    await sql`
      create function department_item_counts_item() returns trigger language plpgsql as $$
      begin
        update department_item_counts set n = n - 1
        where status = old.status and department_id in (select department_id from assignments where item_id = new.id);
        insert into department_item_counts (department_id, status, n)
        select department_id, new.status, 1 from assignments where item_id = new.id
        on conflict (department_id, status) do update set n = department_item_counts.n + 1;
        return null;
      end $$`.execute(db);
    await sql`create trigger department_item_counts_item after update of status on items
      for each row when (old.status is distinct from new.status)
      execute function department_item_counts_item()`.execute(db);
    return;
  }

  // SQLite: "where true" tells the parser the upsert's ON CONFLICT belongs to the insert, not the select.
  await sql`create trigger department_item_counts_insert after insert on assignments begin
      insert into department_item_counts (department_id, status, n)
      select new.department_id, (select status from items where id = new.item_id), 1 where true
      on conflict (department_id, status) do update set n = n + 1;
    end`.execute(db);
  await sql`create trigger department_item_counts_delete after delete on assignments begin
      update department_item_counts set n = n - 1
      where department_id = old.department_id and status = (select status from items where id = old.item_id);
    end`.execute(db);
  await sql`create trigger department_item_counts_move after update of department_id, item_id on assignments begin
      update department_item_counts set n = n - 1
      where department_id = old.department_id and status = (select status from items where id = old.item_id);
      insert into department_item_counts (department_id, status, n)
      select new.department_id, (select status from items where id = new.item_id), 1 where true
      on conflict (department_id, status) do update set n = n + 1;
    end`.execute(db);
  await sql`create trigger department_item_counts_item after update of status on items
      when old.status <> new.status begin
      update department_item_counts set n = n - 1
      where status = old.status and department_id in (select department_id from assignments where item_id = new.id);
      insert into department_item_counts (department_id, status, n)
      select department_id, new.status, 1 from assignments where item_id = new.id and true
      on conflict (department_id, status) do update set n = n + 1;
    end`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await sql`drop trigger if exists department_item_counts_item on items`.execute(db);
    await sql`drop trigger if exists department_item_counts_assignment on assignments`.execute(db);
    await sql`drop function if exists department_item_counts_item()`.execute(db);
    await sql`drop function if exists department_item_counts_assignment()`.execute(db);
  } else {
    for (const name of ['item', 'move', 'delete', 'insert'])
      await sql`drop trigger if exists ${sql.raw(`department_item_counts_${name}`)}`.execute(db);
  }
  await db.schema.dropIndex('assignments_department_item_idx').execute();
  await db.schema.dropTable('department_item_counts').execute();
}
