import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../database.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not follow the current schema types */
type AnyDb = Kysely<any>;

/**
 * A department's items of one status, newest first, read as an index range: the item's status copied
 * onto its assignments. Walking the (department, item) index and checking each item's status read five
 * items for every one listed when a fifth of the department's items had that status. Triggers keep the
 * copy, so every write path (services, 台账 import, demo removal) keeps it in its own transaction.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('assignments')
    .addColumn('item_status', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await sql`update assignments set item_status = (select status from items where items.id = assignments.item_id)`.execute(
    db,
  );
  await db.schema
    .createIndex('assignments_department_item_status_idx')
    .on('assignments')
    .columns(['department_id', 'item_status', 'item_id'])
    .execute();

  if (dialectOf(db) === 'postgres') {
    await sql`
      create function assignments_item_status_copy() returns trigger language plpgsql as $$
      begin
        new.item_status := (select status from items where id = new.item_id);
        return new;
      end $$`.execute(db);
    await sql`create trigger assignments_item_status_copy
      before insert or update of item_id on assignments
      for each row execute function assignments_item_status_copy()`.execute(db);
    await sql`
      create function assignments_item_status_follow() returns trigger language plpgsql as $$
      begin
        update assignments set item_status = new.status where item_id = new.id;
        return null;
      end $$`.execute(db);
    await sql`create trigger assignments_item_status_follow after update of status on items
      for each row when (old.status is distinct from new.status)
      execute function assignments_item_status_follow()`.execute(db);
    return;
  }

  await sql`create trigger assignments_item_status_copy after insert on assignments begin
      update assignments set item_status = (select status from items where id = new.item_id) where id = new.id;
    end`.execute(db);
  await sql`create trigger assignments_item_status_move after update of item_id on assignments begin
      update assignments set item_status = (select status from items where id = new.item_id) where id = new.id;
    end`.execute(db);
  await sql`create trigger assignments_item_status_follow after update of status on items
      when old.status <> new.status begin
      update assignments set item_status = new.status where item_id = new.id;
    end`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await sql`drop trigger if exists assignments_item_status_follow on items`.execute(db);
    await sql`drop trigger if exists assignments_item_status_copy on assignments`.execute(db);
    await sql`drop function if exists assignments_item_status_follow()`.execute(db);
    await sql`drop function if exists assignments_item_status_copy()`.execute(db);
  } else {
    for (const name of ['follow', 'move', 'copy'])
      await sql`drop trigger if exists ${sql.raw(`assignments_item_status_${name}`)}`.execute(db);
  }
  await db.schema.dropIndex('assignments_department_item_status_idx').execute();
  await db.schema.alterTable('assignments').dropColumn('item_status').execute();
}
