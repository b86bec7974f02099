import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { migrateTo, migrateUp } from '../../../platform/db/migrate.js';
import { openTestDatabase, TEST_DB } from '../../../test-support/database.js';
import { ensureOwedPeriods } from '../owed-periods.js';
import { insertLegacyDepartments, insertLegacyItem } from './legacy-rows.js';

const AT = '2026-03-03T01:00:00.000Z';

describe(`migration 0017: owed periods, source type and standing on assignments [${TEST_DB}]`, () => {
  test('up copies the item’s source type and standing, start-up fills the owed period once, down removes all of it', async () => {
    const database = await openTestDatabase(TEST_DB, { migrate: false });
    const { db } = database;
    try {
      await migrateTo(db, '0016_library_attachments');
      // Rows as 0016 knows them, written with SQL: the services already expect 0017's columns.
      await insertLegacyDepartments(db, AT, ['督查室']);
      await insertLegacyItem(db, AT, { title: '长期事项', standing: true });
      await sql`insert into assignments (id, item_id, department_id, role, status, accountable_user_id, deadline,
          feedback_cycle, assigned_at, acknowledged_at, completion_evidence, completion_requested_at,
          return_reason, closed_at, closed_on_time, updated_at)
        values (1, 1, 1, 'lead', 'acknowledged', 1, null, 'weekly', ${AT}, ${AT}, null, null, null, null, null,
          ${AT})`.execute(db);

      await migrateUp(db);
      const row = () =>
        db
          .selectFrom('assignments')
          .select(['source_type', 'standing', 'feedback_owed_start', 'feedback_owed_end'])
          .executeTakeFirstOrThrow();
      assert.deepEqual(await row(), {
        source_type: 'meeting',
        standing: 1,
        feedback_owed_start: null,
        feedback_owed_end: null,
      });
      await ensureOwedPeriods(db, AT);
      // Signed on Tuesday 3 March with nothing reported: the week of 2 to 8 March is owed.
      assert.deepEqual(await row(), {
        source_type: 'meeting',
        standing: 1,
        feedback_owed_start: '2026-03-02',
        feedback_owed_end: '2026-03-08',
      });
      await db
        .updateTable('assignments')
        .set({ feedback_owed_start: null, feedback_owed_end: null })
        .execute();
      await ensureOwedPeriods(db, AT);
      assert.equal((await row()).feedback_owed_start, null, 'filled once: the settings row records it');

      await migrateTo(db, '0016_library_attachments');
      await assert.rejects(sql`select source_type from assignments`.execute(db));
      const settings = await sql<{ key: string }>`select key from settings`.execute(db);
      assert.ok(!settings.rows.some((r) => r.key === 'supervision_owed_periods'));
    } finally {
      await database.dispose();
    }
  });
});
