import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { migrateTo, migrateUp } from '../../../platform/db/migrate.js';
import type { Db, Executor } from '../../../platform/db/schema.js';
import { openTestDatabase, TEST_DB } from '../../../test-support/database.js';
import '../count-tables.js';
import { insertLegacyDepartments, insertLegacyItem } from './legacy-rows.js';

const AT = '2026-03-03T01:00:00.000Z';

async function insertAssignment(
  db: Executor,
  id: number,
  itemId: number,
  departmentId: number,
): Promise<void> {
  await sql`insert into assignments (id, item_id, department_id, role, status, accountable_user_id, deadline,
      feedback_cycle, assigned_at, acknowledged_at, completion_evidence, completion_requested_at,
      return_reason, closed_at, closed_on_time, updated_at, source_type, standing)
    values (${id}, ${itemId}, ${departmentId}, 'lead', 'assigned', null, null, 'weekly', ${AT}, null, null,
      null, null, null, null, ${AT}, 'meeting', 0)`.execute(db);
}

async function insertItem(db: Db, id: number): Promise<void> {
  await sql`insert into items (id, year, seq, number, title, requirements, source_type, source_ref, urgency,
      difficult, responsible_leader_id, parent_id, status, deadline, working_days, feedback_cycle, standing,
      tags, created_by, return_reason, created_at, updated_at, closed_at)
    values (${id}, 2026, ${id}, ${`督〔2026〕${id}号`}, '另一事项', '按周反馈', 'meeting', '{}', 'normal', 0,
      null, null, 'assigned', null, null, 'weekly', 0, '[]', 1, null, ${AT}, ${AT}, null)`.execute(db);
}

const versions = async (db: Executor) =>
  new Map(
    (await db.selectFrom('item_list_versions').select(['scope', 'version']).execute()).map((r) => [
      Number(r.scope),
      Number(r.version),
    ]),
  );

/** The scopes whose version a write raised (SQLite may raise one twice: 0022's copy trigger writes again). */
async function raisedBy(db: Db, write: () => Promise<unknown>): Promise<number[]> {
  const before = await versions(db);
  await write();
  const after = await versions(db);
  return [...after]
    .filter(([scope, v]) => v > (before.get(scope) ?? 0))
    .map(([scope]) => scope)
    .sort((a, b) => a - b);
}

describe(`migration 0023: item list versions [${TEST_DB}]`, () => {
  test('every write to an item or an assignment raises the lists that show it, and only those', async () => {
    const database = await openTestDatabase(TEST_DB, { migrate: false });
    const { db } = database;
    try {
      await migrateTo(db, '0022_department_status_page');
      await insertLegacyDepartments(db, AT, ['督查室', '发改委', '财政局', '交通局']);
      await insertLegacyItem(db, AT, { title: '推进项目', standing: false });
      await insertAssignment(db, 1, 1, 1);
      await migrateUp(db);
      // Every list already holding an item starts with a version, so a rename can reach it.
      assert.deepEqual(
        await versions(db),
        new Map([
          [0, 1],
          [1, 1],
        ]),
      );

      // A new assignment: the whole organisation, its department, and the item's other departments.
      assert.deepEqual(await raisedBy(db, () => insertAssignment(db, 2, 1, 2)), [0, 1, 2]);
      const title = () =>
        db.updateTable('items').set({ title: '加快推进项目' }).where('id', '=', 1).execute();
      assert.deepEqual(await raisedBy(db, title), [0, 1, 2]);
      const move = () =>
        db.updateTable('assignments').set({ department_id: 3 }).where('id', '=', 2).execute();
      assert.deepEqual(await raisedBy(db, move), [0, 1, 2, 3]);
      const owed = () =>
        db
          .updateTable('assignments')
          .set({ feedback_owed_start: '2026-03-09', feedback_owed_end: '2026-03-15' })
          .where('id', '=', 2)
          .execute();
      assert.deepEqual(await raisedBy(db, owed), [0, 1, 3]);
      assert.deepEqual(await raisedBy(db, () => insertItem(db, 2)), [0]);
      // Another item's departments are left alone.
      assert.deepEqual(await raisedBy(db, () => insertAssignment(db, 3, 2, 4)), [0, 4]);
      const retitle = () => db.updateTable('items').set({ title: '新标题' }).where('id', '=', 2).execute();
      assert.deepEqual(await raisedBy(db, retitle), [0, 4]);
      const remove = () => db.deleteFrom('assignments').where('id', '=', 2).execute();
      assert.deepEqual(await raisedBy(db, remove), [0, 1, 3]);
      const removeItem = async () => {
        await db.deleteFrom('assignments').where('item_id', '=', 2).execute();
        await db.deleteFrom('items').where('id', '=', 2).execute();
      };
      assert.deepEqual(await raisedBy(db, removeItem), [0, 4]);
      // The lists show the responsible leader's name: a rename raises them all, a write leaving it does not.
      const rename = (name: string) => db.updateTable('users').set({ name }).where('id', '=', 1).execute();
      assert.deepEqual(await raisedBy(db, () => rename('陈志刚')), [0, 1, 2, 3, 4]);
      assert.deepEqual(await raisedBy(db, () => rename('陈志刚')), []);

      await migrateTo(db, '0022_department_status_page');
      const tables =
        database.dialect === 'postgres'
          ? await sql<{ name: string }>`select table_name as name from information_schema.tables
              where table_schema = current_schema()`.execute(db)
          : await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db);
      assert.ok(!tables.rows.some((t) => t.name === 'item_list_versions'));
      // Without the triggers, writing still works.
      await db.updateTable('items').set({ title: '推进项目' }).where('id', '=', 1).execute();
      await insertAssignment(db, 4, 1, 4);
    } finally {
      await database.dispose();
    }
  });

  test('on PostgreSQL the versions move when the transaction commits, not before', async (t) => {
    if (TEST_DB !== 'postgres') return t.skip('SQLite has one writer at a time and raises in place');
    const database = await openTestDatabase(TEST_DB, { migrate: false });
    const { db } = database;
    try {
      await migrateTo(db, '0022_department_status_page');
      await insertLegacyDepartments(db, AT, ['督查室']);
      await insertLegacyItem(db, AT, { title: '推进项目', standing: false });
      await migrateUp(db);
      await db.transaction().execute(async (trx) => {
        await insertAssignment(trx, 1, 1, 1);
        await trx.updateTable('items').set({ title: '改' }).where('id', '=', 1).execute();
        assert.deepEqual(await versions(trx), new Map([[0, 1]]));
      });
      assert.deepEqual(
        await versions(db),
        new Map([
          [0, 3],
          [1, 2],
        ]),
      );
    } finally {
      await database.dispose();
    }
  });
});
