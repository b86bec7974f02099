import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { migrateTo, migrateUp } from '../../../platform/db/migrate.js';
import type { Db } from '../../../platform/db/schema.js';
import { openTestDatabase, TEST_DB } from '../../../test-support/database.js';
import { insertLegacyDepartments, insertLegacyItem } from './legacy-rows.js';

const AT = '2026-03-03T01:00:00.000Z';

async function insertAssignment(db: Db, id: number, departmentId: number): Promise<void> {
  await sql`insert into assignments (id, item_id, department_id, role, status, accountable_user_id, deadline,
      feedback_cycle, assigned_at, acknowledged_at, completion_evidence, completion_requested_at,
      return_reason, closed_at, closed_on_time, updated_at, source_type, standing)
    values (${id}, 1, ${departmentId}, 'lead', 'assigned', null, null, 'weekly', ${AT}, null, null, null, null,
      null, null, ${AT}, 'meeting', 0)`.execute(db);
}

const copies = async (db: Db) =>
  (await db.selectFrom('assignments').select(['id', 'item_status']).orderBy('id').execute()).map(
    (r) => `${r.id}:${r.item_status}`,
  );

describe(`migration 0022: the item's status on its assignments [${TEST_DB}]`, () => {
  test('up copies it, triggers keep it on a new assignment and a status change, down removes it', async () => {
    const database = await openTestDatabase(TEST_DB, { migrate: false });
    const { db } = database;
    try {
      await migrateTo(db, '0021_reminder_candidates');
      await insertLegacyDepartments(db, AT, ['督查室', '发改委']);
      await insertLegacyItem(db, AT, { title: '推进项目', standing: false });
      await insertAssignment(db, 1, 1);

      await migrateUp(db);
      assert.deepEqual(await copies(db), ['1:assigned']);
      await insertAssignment(db, 2, 2);
      assert.deepEqual(await copies(db), ['1:assigned', '2:assigned']);
      await db.updateTable('items').set({ status: 'closed' }).where('id', '=', 1).execute();
      assert.deepEqual(await copies(db), ['1:closed', '2:closed']);
      // The department's closed items, newest first, as a range of the new index.
      const page = await db
        .selectFrom('assignments')
        .select('item_id')
        .where('department_id', '=', 2)
        .where('item_status', '=', 'closed')
        .orderBy('item_id', 'desc')
        .execute();
      assert.deepEqual(page, [{ item_id: 1 }]);

      await migrateTo(db, '0021_reminder_candidates');
      const columns =
        database.dialect === 'postgres'
          ? await sql<{ name: string }>`select column_name as name from information_schema.columns
              where table_schema = current_schema() and table_name = 'assignments'`.execute(db)
          : await sql<{ name: string }>`select name from pragma_table_info('assignments')`.execute(db);
      assert.ok(!columns.rows.some((c) => c.name === 'item_status'));
      // Without the triggers, writing the item still works.
      await db.updateTable('items').set({ status: 'assigned' }).where('id', '=', 1).execute();
    } finally {
      await database.dispose();
    }
  });
});
