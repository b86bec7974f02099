import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { migrateTo, migrateUp } from '../../../../platform/db/migrate.js';
import { openTestDatabase, TEST_DB } from '../../../../test-support/database.js';
import { insertLegacyDepartments, insertLegacyItem } from '../../tests/legacy-rows.js';

const AT = '2026-03-03T01:00:00.000Z';

describe(`migration 0019: assignments made and closed per Beijing date [${TEST_DB}]`, () => {
  test('up fills the day counts, triggers keep them, down removes them', async () => {
    const database = await openTestDatabase(TEST_DB, { migrate: false });
    const { db } = database;
    try {
      await migrateTo(db, '0018_dashboard_counts');
      await insertLegacyDepartments(db, AT, ['督查室', '办公室', '发改委', '财政局']);
      await insertLegacyItem(db, AT, { title: '事项', standing: false });
      const assignment = (id: number, status: string, assignedAt: string, closedAt: string | null) =>
        sql`insert into assignments (id, item_id, department_id, role, status, accountable_user_id, deadline,
            feedback_cycle, assigned_at, acknowledged_at, completion_evidence, completion_requested_at,
            return_reason, closed_at, closed_on_time, updated_at)
          values (${id}, 1, ${id}, 'lead', ${status}, null, '2026-03-20', 'weekly', ${assignedAt}, null, null,
            null, null, ${closedAt}, null, ${AT})`.execute(db);
      // Beijing dates: 16:00 UTC is the next day's midnight.
      await assignment(1, 'assigned', AT, null);
      await assignment(2, 'assigned', '2026-03-02T16:00:00.000Z', null);
      await assignment(3, 'closed', '2026-03-02T15:59:59.999Z', '2026-03-04T16:30:00.000Z');

      await migrateUp(db);
      const counts = async () =>
        (
          await sql<{ day: string; assigned: number; closed: number }>`
            select day, assigned, closed from assignment_day_counts
            where assigned <> 0 or closed <> 0 order by day`.execute(db)
        ).rows.map((r) => [r.day, Number(r.assigned), Number(r.closed)]);
      assert.deepEqual(await counts(), [
        ['2026-03-02', 1, 0],
        ['2026-03-03', 2, 0],
        ['2026-03-05', 0, 1],
      ]);

      await assignment(4, 'suspended', AT, null);
      assert.deepEqual((await counts())[1], ['2026-03-03', 2, 0], 'a suspended assignment is not counted');
      await sql`update assignments set status = 'assigned' where id = 4`.execute(db);
      await sql`update assignments set status = 'closed', closed_at = '2026-03-05T00:00:00.000Z' where id = 1`.execute(
        db,
      );
      await sql`update assignments set assigned_at = '2026-03-06T02:00:00.000Z' where id = 2`.execute(db);
      await sql`delete from assignments where id = 3`.execute(db);
      assert.deepEqual(await counts(), [
        ['2026-03-03', 2, 0],
        ['2026-03-05', 0, 1],
        ['2026-03-06', 1, 0],
      ]);
      await sql`update assignments set status = 'suspended' where id = 2`.execute(db);
      assert.deepEqual(await counts(), [
        ['2026-03-03', 2, 0],
        ['2026-03-05', 0, 1],
      ]);

      await migrateTo(db, '0018_dashboard_counts');
      await assert.rejects(sql`select day from assignment_day_counts`.execute(db));
      await migrateUp(db);
      assert.deepEqual(await counts(), [
        ['2026-03-03', 2, 0],
        ['2026-03-05', 0, 1],
      ]);
    } finally {
      await database.dispose();
    }
  });
});
