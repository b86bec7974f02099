import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { migrateTo, migrateUp } from '../../../platform/db/migrate.js';
import type { Db } from '../../../platform/db/schema.js';
import { openTestDatabase, TEST_DB } from '../../../test-support/database.js';

async function cycleIndexes(db: Db, dialect: string): Promise<string[]> {
  const { rows } =
    dialect === 'postgres'
      ? await sql<{ name: string }>`select indexname as name from pg_indexes
          where schemaname = current_schema() and tablename = 'assignments'`.execute(db)
      : await sql<{ name: string }>`select name from sqlite_master
          where type = 'index' and tbl_name = 'assignments'`.execute(db);
  return rows
    .map((r) => r.name)
    .filter((n) => n.includes('cycle'))
    .sort();
}

describe(`migration 0021: reminder candidates by first owed period [${TEST_DB}]`, () => {
  test('up replaces the (cycle, signed at) index with (cycle, owed start, signed at); down restores it', async () => {
    const database = await openTestDatabase(TEST_DB, { migrate: false });
    const { db } = database;
    try {
      await migrateTo(db, '0020_light_counts');
      assert.deepEqual(await cycleIndexes(db, database.dialect), ['assignments_acknowledged_cycle_idx']);
      await migrateUp(db);
      assert.deepEqual(await cycleIndexes(db, database.dialect), ['assignments_owed_cycle_idx']);
      await migrateTo(db, '0020_light_counts');
      assert.deepEqual(await cycleIndexes(db, database.dialect), ['assignments_acknowledged_cycle_idx']);
    } finally {
      await database.dispose();
    }
  });
});
