import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { migrateTo, migrateUp } from '../../../../platform/db/migrate.js';
import { openTestDatabase, TEST_DB } from '../../../../test-support/database.js';
import { insertLegacyDepartments, insertLegacyItem } from '../../tests/legacy-rows.js';
import { assertLightCountsKept, lightCountRows } from '../../tests/light-counts.js';

const AT = '2026-03-03T01:00:00.000Z';

describe(`migration 0020: open work per source, standing, deadline and owed period [${TEST_DB}]`, () => {
  test('up fills the light counts, triggers keep them, down removes them', async () => {
    const database = await openTestDatabase(TEST_DB, { migrate: false });
    const { db } = database;
    try {
      await migrateTo(db, '0019_assignment_day_counts');
      await insertLegacyDepartments(db, AT, ['督查室', '办公室', '发改委', '财政局', '教育局']);
      await insertLegacyItem(db, AT, { title: '事项', standing: false });
      const assignment = (
        id: number,
        status: string,
        deadline: string | null,
        owed: [string, string] | null,
        closedAt: string | null = null,
      ) =>
        sql`insert into assignments (id, item_id, department_id, role, status, accountable_user_id, deadline,
            feedback_cycle, assigned_at, acknowledged_at, completion_evidence, completion_requested_at,
            return_reason, closed_at, closed_on_time, updated_at, source_type, standing,
            feedback_owed_start, feedback_owed_end)
          values (${id}, 1, ${id}, 'lead', ${status}, null, ${deadline}, 'weekly', ${AT}, null, null,
            null, null, ${closedAt}, null, ${AT}, 'meeting', 0, ${owed?.[0] ?? null}, ${owed?.[1] ?? null})`.execute(
          db,
        );
      const week: [string, string] = ['2026-03-02', '2026-03-08'];
      await assignment(1, 'acknowledged', '2026-03-20', week);
      await assignment(2, 'assigned', '2026-03-20', null);
      await assignment(3, 'closed', '2026-03-20', null, '2026-03-04T02:00:00.000Z');
      await assignment(4, 'suspended', '2026-03-25', null);

      await migrateUp(db);
      assert.deepEqual(await lightCountRows(db, 'open_light_counts'), [['meeting', 0, '2026-03-20', 2]]);
      assert.deepEqual(await lightCountRows(db, 'owed_light_counts'), [
        ['meeting', 0, '2026-03-20', '2026-03-08', '2026-03-02', 1],
      ]);

      await assignment(5, 'acknowledged', null, week);
      await sql`update assignments set status = 'assigned' where id = 4`.execute(db);
      await sql`update assignments set feedback_owed_start = '2026-03-09', feedback_owed_end = '2026-03-15'
        where id = 1`.execute(db);
      await sql`update assignments set deadline = '2026-04-01', standing = 1, source_type = 'instruction'
        where id = 2`.execute(db);
      await sql`update assignments set status = 'closed', closed_at = ${AT} where id = 5`.execute(db);
      await sql`delete from assignments where id = 3`.execute(db);
      assert.deepEqual(await lightCountRows(db, 'open_light_counts'), [
        ['instruction', 1, '2026-04-01', 1],
        ['meeting', 0, '2026-03-20', 1],
        ['meeting', 0, '2026-03-25', 1],
      ]);
      assert.deepEqual(await lightCountRows(db, 'owed_light_counts'), [
        ['meeting', 0, '2026-03-20', '2026-03-15', '2026-03-09', 1],
      ]);
      await sql`update assignments set status = 'acknowledged', closed_at = null, deadline = null where id = 5`.execute(
        db,
      );
      await assertLightCountsKept(db, 'after the changes');

      await migrateTo(db, '0019_assignment_day_counts');
      await assert.rejects(sql`select n from open_light_counts`.execute(db));
      await assert.rejects(sql`select n from owed_light_counts`.execute(db));
      await migrateUp(db);
      await assertLightCountsKept(db, 'after down and up');
      assert.deepEqual((await lightCountRows(db, 'open_light_counts')).at(-1), [
        'meeting',
        0,
        '2026-03-25',
        1,
      ]);
    } finally {
      await database.dispose();
    }
  });
});
