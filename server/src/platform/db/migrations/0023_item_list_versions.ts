import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../database.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not follow the current schema types */
type AnyDb = Kysely<any>;

/**
 * A version number for each department's item list (scope = its id) and for the whole organisation's
 * (scope 0), raised by triggers whenever an item or an assignment that such a list shows is written, so
 * a server may keep a page it has built until the version moves. Every department assigned to an item
 * sees the item's other assignments in its list, so a change raises all of them. A list also shows the
 * responsible leader's name, so renaming a person (rare) raises every list. Triggers, so every write path
 * (services, 台账 import, other modules' rectification items, demo removal) raises them in its own
 * transaction. Every list with an item in it starts with a row, so a rename reaches every kept page.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('item_list_versions')
    .addColumn('scope', 'integer', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await sql`insert into item_list_versions (scope, version)
    select 0, 1 union select distinct department_id, 1 from assignments`.execute(db);

  if (dialectOf(db) === 'postgres') {
    // Deferred to the commit, after the transaction's other writes, so the shared rows are locked last and
    // briefly; in scope order, so two committing transactions cannot wait on each other.
    await sql`
      create function item_list_versions_raise(item_ids bigint[], departments bigint[]) returns void
      language sql as $$
        insert into item_list_versions (scope, version)
          select scope, 1 from (
            select 0 as scope
            union select unnest(departments)
            union select department_id from assignments where item_id = any(item_ids)
          ) s where scope is not null order by scope
        on conflict (scope) do update set version = item_list_versions.version + 1
      $$`.execute(db);
    await sql`
      create function item_list_versions_item() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' then
          perform item_list_versions_raise(array[old.id], array[]::bigint[]);
        else
          perform item_list_versions_raise(array[new.id], array[]::bigint[]);
        end if;
        return null;
      end $$`.execute(db);
    await sql`
      create function item_list_versions_assignment() returns trigger language plpgsql as $$
      begin
        if tg_op = 'INSERT' then
          perform item_list_versions_raise(array[new.item_id], array[new.department_id]);
        elsif tg_op = 'UPDATE' then
          perform item_list_versions_raise(array[old.item_id, new.item_id], array[old.department_id, new.department_id]);
        else
          perform item_list_versions_raise(array[old.item_id], array[old.department_id]);
        end if;
        return null;
      end $$`.execute(db);
    await sql`
      create function item_list_versions_rename() returns trigger language plpgsql as $$
      begin
        perform 1 from item_list_versions order by scope for update;
        update item_list_versions set version = version + 1;
        return null;
      end $$`.execute(db);
    await sql`create constraint trigger item_list_versions_rename after update of name on users
      deferrable initially deferred for each row when (old.name is distinct from new.name)
      execute function item_list_versions_rename()`.execute(db);
    await sql`create constraint trigger item_list_versions_item after insert or update or delete on items
      deferrable initially deferred for each row execute function item_list_versions_item()`.execute(db);
    await sql`create constraint trigger item_list_versions_assignment
      after insert or update or delete on assignments
      deferrable initially deferred for each row execute function item_list_versions_assignment()`.execute(
      db,
    );
    return;
  }

  // SQLite: one writer at a time, so the rows are raised where the write happens. A department gets its
  // row with its first assignment (an upsert); every other write updates rows that exist, which costs a
  // feedback submission a third less than upserting them (fewer pages touched, no temporary table).
  const upsert = (itemIds: string, departments: string) => `
    insert into item_list_versions (scope, version)
      select scope, 1 from (
        select 0 as scope
        union select value from json_each(json_array(${departments}))
        union select department_id from assignments where item_id in (${itemIds})
      ) where true
    on conflict (scope) do update set version = version + 1;`;
  const raise = (itemId: string, extra = '') => `
    update item_list_versions set version = version + 1 where scope in (
      select 0${extra} union all select department_id from assignments where item_id = ${itemId});`;
  const moved = 'old.item_id <> new.item_id or old.department_id <> new.department_id';
  const triggers: [string, string, string][] = [
    ['item_insert', 'after insert on items', raise('new.id')],
    ['item_update', 'after update on items', raise('new.id')],
    ['item_delete', 'after delete on items', raise('old.id')],
    ['assignment_insert', 'after insert on assignments', upsert('new.item_id', 'new.department_id')],
    ['assignment_update', `after update on assignments when not (${moved})`, raise('new.item_id')],
    [
      'assignment_move',
      `after update of item_id, department_id on assignments when ${moved}`,
      upsert('old.item_id, new.item_id', 'old.department_id, new.department_id'),
    ],
    [
      'assignment_delete',
      'after delete on assignments',
      raise('old.item_id', ' union all select old.department_id'),
    ],
    [
      'rename',
      'after update of name on users when old.name <> new.name',
      'update item_list_versions set version = version + 1;',
    ],
  ];
  for (const [name, event, body] of triggers)
    await sql`create trigger ${sql.raw(`item_list_versions_${name}`)} ${sql.raw(event)} begin ${sql.raw(body)} end`.execute(
      db,
    );
}

export async function down(db: AnyDb): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await sql`drop trigger if exists item_list_versions_item on items`.execute(db);
    await sql`drop trigger if exists item_list_versions_assignment on assignments`.execute(db);
    await sql`drop trigger if exists item_list_versions_rename on users`.execute(db);
    await sql`drop function if exists item_list_versions_rename()`.execute(db);
    await sql`drop function if exists item_list_versions_item()`.execute(db);
    await sql`drop function if exists item_list_versions_assignment()`.execute(db);
    await sql`drop function if exists item_list_versions_raise(bigint[], bigint[])`.execute(db);
  } else {
    for (const name of [
      'item_insert',
      'item_update',
      'item_delete',
      'assignment_insert',
      'assignment_update',
      'assignment_move',
      'assignment_delete',
      'rename',
    ])
      await sql`drop trigger if exists ${sql.raw(`item_list_versions_${name}`)}`.execute(db);
  }
  await db.schema.dropTable('item_list_versions').execute();
}
