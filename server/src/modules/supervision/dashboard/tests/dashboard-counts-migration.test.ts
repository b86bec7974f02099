import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { migrateTo, migrateUp } from '../../../../platform/db/migrate.js';
import { openTestDatabase, TEST_DB } from '../../../../test-support/database.js';
import { insertLegacyDepartments, insertLegacyItem } from '../../tests/legacy-rows.js';

const AT = '2026-03-03T01:00:00.000Z';

describe(`migration 0018: open assignments per department [${TEST_DB}]`, () => {
  test('up fills the counts from 0013’s, triggers keep them, down removes them', async () => {
    const database = await openTestDatabase(TEST_DB, { migrate: false });
    const { db } = database;
    try {
      await migrateTo(db, '0017_owed_periods');
      await insertLegacyDepartments(db, AT, ['督查室', '办公室', '发改委']);
      await insertLegacyItem(db, AT, { title: '事项', standing: false });
      const assignment = (id: number, department: number, deadline: string | null) =>
        sql`insert into assignments (id, item_id, department_id, role, status, accountable_user_id, deadline,
            feedback_cycle, assigned_at, acknowledged_at, completion_evidence, completion_requested_at,
            return_reason, closed_at, closed_on_time, updated_at)
          values (${id}, 1, ${department}, 'lead', 'assigned', null, ${deadline}, 'weekly', ${AT}, null, null,
            null, null, null, null, ${AT})`.execute(db);
      await assignment(1, 1, '2026-03-20');
      await assignment(2, 2, null);

      await migrateUp(db);
      const counts = async () =>
        (
          await sql<{ department_id: number; n: number; dated: number }>`
            select department_id, n, dated from open_department_counts where n <> 0 order by department_id`.execute(
            db,
          )
        ).rows.map((r) => [Number(r.department_id), Number(r.n), Number(r.dated)]);
      assert.deepEqual(await counts(), [
        [1, 1, 1],
        [2, 1, 0],
      ]);

      await assignment(3, 3, '2026-03-25');
      await sql`update assignments set deadline = '2026-04-01' where id = 2`.execute(db);
      assert.deepEqual(await counts(), [
        [1, 1, 1],
        [2, 1, 1],
        [3, 1, 1],
      ]);
      await sql`update assignments set closed_at = ${AT}, status = 'closed' where id = 1`.execute(db);
      await sql`delete from assignments where id = 3`.execute(db);
      await sql`update assignments set department_id = 3 where id = 2`.execute(db);
      assert.deepEqual(await counts(), [[3, 1, 1]]);

      await migrateTo(db, '0017_owed_periods');
      await assert.rejects(sql`select n from open_department_counts`.execute(db));
      await migrateUp(db);
      assert.deepEqual(await counts(), [[3, 1, 1]]);
    } finally {
      await database.dispose();
    }
  });
});
