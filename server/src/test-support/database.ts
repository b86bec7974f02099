import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../platform/db/database.js';
import { migrateUp } from '../platform/db/migrate.js';

export type DbKind = 'sqlite' | 'postgres';

/** The suite runs once per database: `LUOSHI_TEST_DB=sqlite|postgres` (scripts/test.mjs sets it). */
export const TEST_DB: DbKind = process.env.LUOSHI_TEST_DB === 'postgres' ? 'postgres' : 'sqlite';
export const PG_URL = process.env.DATABASE_URL_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase extends Database {
  dispose(): Promise<void>;
}

/** A fresh, empty database: a new SQLite file, or a new schema in the test PostgreSQL. */
export async function openTestDatabase(
  kind: DbKind = TEST_DB,
  options: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  let database: Database;
  let cleanup: () => Promise<void>;
  if (kind === 'postgres') {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    database = openDatabase(PG_URL, { pgSchema: schema, poolSize: 5 });
    cleanup = async () => {
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      await client.query(`drop schema ${schema} cascade`);
      await client.end();
    };
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'luoshi-test-'));
    database = openDatabase(`sqlite:${join(dir, 'test.db')}`);
    cleanup = () => Promise.resolve(rmSync(dir, { recursive: true, force: true }));
  }
  if (options.migrate !== false) await migrateUp(database.db);
  return {
    ...database,
    dispose: async () => {
      await database.close();
      await cleanup();
    },
  };
}
