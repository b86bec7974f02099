import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { migrateTo, migrateUp } from '../../../../platform/db/migrate.js';
import { openTestDatabase, TEST_DB } from '../../../../test-support/database.js';

const AT = '2026-03-03T01:00:00.000Z';

describe(`migration 0018: open assignments per department [${TEST_DB}]`, () => {
  test('up fills the counts from 0013’s, triggers keep them, down removes them', async () => {
    const database = await openTestDatabase(TEST_DB, { migrate: false });
    const { db } = database;
    try {
      await migrateTo(db, '0017_owed_periods');
      await sql`insert into departments (id, parent_id, name, code, sort_order, created_at, updated_at)
        values (1, null, '督查室', 'dc', 0, ${AT}, ${AT}), (2, null, '办公室', 'bgs', 1, ${AT}, ${AT}),
          (3, null, '发改委', 'fgw', 2, ${AT}, ${AT})`.execute(db);
      await sql`insert into users (id, login, name, department_id, status, password_hash, password_changed_at,
          must_change_password, failed_logins, totp_enabled, is_demo, created_at, updated_at)
        values (1, 'supervisor', '督查员', 1, 'active', 'x', ${AT}, 0, 0, 0, 0, ${AT}, ${AT})`.execute(db);
      await sql`insert into items (id, year, seq, number, title, requirements, source_type, source_ref, urgency,
          difficult, responsible_leader_id, parent_id, status, deadline, working_days, feedback_cycle, standing,
          tags, created_by, return_reason, created_at, updated_at, closed_at)
        values (1, 2026, 1, '督〔2026〕1号', '事项', '按周反馈', 'meeting', '{}', 'normal', 0, null, null,
          'assigned', null, null, 'weekly', 0, '[]', 1, null, ${AT}, ${AT}, null)`.execute(db);
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
