import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dialectOf, openDatabase } from '../platform/db/database.js';
import { migrateUp } from '../platform/db/migrate.js';
import type { Db } from '../platform/db/schema.js';
import { openTestDatabase, type DbKind } from './database.js';

/** Runs raw SQL against a database being tampered with; returns the rows of a query. */
export type Exec = (text: string) => Promise<Record<string, unknown>[]>;

export interface TrailCopies {
  /** Tamper with a fresh copy of the trail, then `use` the copy through the application's driver. */
  withTampered<T>(tamper: (exec: Exec) => Promise<void>, use: (db: Db) => Promise<T>): Promise<T>;
  dispose(): Promise<void>;
}

/**
 * Copies of one audit trail to tamper with, as an intruder with database access would. SQLite: the
 * trail is built once, the closed file copied for each use and changed with better-sqlite3 directly.
 * PostgreSQL: the trail is built in a fresh schema each time and the append-only trigger disabled
 * first (the schema owner may: the trigger stops the application, not the database's owner).
 */
export async function trailCopies(kind: DbKind, build: (db: Db) => Promise<void>): Promise<TrailCopies> {
  if (kind === 'postgres') {
    return {
      async withTampered(tamper, use) {
        const database = await openTestDatabase('postgres');
        try {
          await build(database.db);
          await allowTampering(database.db);
          await tamper(
            async (text) => (await sql.raw<Record<string, unknown>>(text).execute(database.db)).rows,
          );
          return await use(database.db);
        } finally {
          await database.dispose();
        }
      },
      dispose: async () => undefined,
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'luoshi-audit-'));
  const base = join(dir, 'base.db');
  const original = openDatabase(`sqlite:${base}`);
  await migrateUp(original.db);
  await build(original.db);
  // Closing the last connection folds the WAL into the file, so the file alone is the whole database.
  await original.close();
  let copies = 0;
  return {
    async withTampered(tamper, use) {
      const file = join(dir, `copy-${++copies}.db`);
      copyFileSync(base, file);
      const raw = new BetterSqlite3(file);
      try {
        await tamper(async (text) => {
          const statement = raw.prepare(text);
          if (statement.reader) return statement.all() as Record<string, unknown>[];
          statement.run();
          return [];
        });
      } finally {
        raw.close();
      }
      const copy = openDatabase(`sqlite:${file}`);
      try {
        return await use(copy.db);
      } finally {
        await copy.close();
      }
    },
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** PostgreSQL refuses to change audit_log until its owner disables the trigger; SQLite never refuses. */
export async function allowTampering(db: Db): Promise<void> {
  if (dialectOf(db) === 'postgres') await sql`alter table audit_log disable trigger user`.execute(db);
}

/** Make every audit insert fail, as a full disk or a broken audit table would. */
export async function breakAuditInserts(db: Db): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await sql`create function audit_log_broken() returns trigger language plpgsql as $$
      begin raise exception 'audit storage unavailable'; end $$`.execute(db);
    await sql`create trigger audit_log_broken before insert on audit_log
      for each row execute function audit_log_broken()`.execute(db);
  } else {
    await sql`create trigger audit_log_broken before insert on audit_log
      begin select raise(abort, 'audit storage unavailable'); end`.execute(db);
  }
}

export async function repairAuditInserts(db: Db): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await sql`drop trigger audit_log_broken on audit_log`.execute(db);
    await sql`drop function audit_log_broken()`.execute(db);
  } else {
    await sql`drop trigger audit_log_broken`.execute(db);
  }
}
