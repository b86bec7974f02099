import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { migrateDownAll, migrateUp, migrationStatus } from '../migrate.js';
import { openTestDatabase, TEST_DB } from '../../../test-support/database.js';

async function tables(db: Parameters<typeof migrateUp>[0], dialect: string): Promise<string[]> {
  const rows =
    dialect === 'postgres'
      ? await sql<{
          name: string;
        }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(
          db,
        )
      : await sql<{
          name: string;
        }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db);
  return rows.rows
    .map((r) => r.name)
    .filter((n) => !n.startsWith('kysely_'))
    .sort();
}

describe(`migrations [${TEST_DB}]`, () => {
  test('up → down → up leaves the same schema, and down removes everything', async () => {
    const database = await openTestDatabase(TEST_DB, { migrate: false });
    try {
      await migrateUp(database.db);
      const first = await tables(database.db, database.dialect);
      assert.ok(first.includes('users') && first.includes('audit_log') && first.includes('jobs'));
      assert.ok(first.includes('library_attachments'), '0016');
      assert.ok((await migrationStatus(database.db)).every((m) => m.executedAt !== null));
      await migrateDownAll(database.db);
      assert.deepEqual(await tables(database.db, database.dialect), []);
      await migrateUp(database.db);
      assert.deepEqual(await tables(database.db, database.dialect), first);
    } finally {
      await database.dispose();
    }
  });
});
