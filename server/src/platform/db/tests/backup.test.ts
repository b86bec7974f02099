import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase, type Database } from '../database.js';
import { migrateUp } from '../migrate.js';
import { BackupError, backupDatabase, restoreDatabase, sidecarOf, verifyBackup } from '../backup.js';
import { PG_URL, TEST_DB } from '../../../test-support/database.js';

/**
 * pg_dump works per database, so on PostgreSQL each run gets a database of its own rather than the
 * schema the other tests use. A private probe table keeps this test independent of module tables.
 */
async function freshDatabase(dir: string): Promise<{ url: string; drop: () => Promise<void> }> {
  if (TEST_DB === 'sqlite') return { url: `sqlite:${join(dir, 'live.db')}`, drop: () => Promise.resolve() };
  const name = `luoshi_backup_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

async function probes(database: Database): Promise<string[]> {
  const { rows } = await sql<{ note: string }>`select note from backup_probe order by note`.execute(
    database.db,
  );
  return rows.map((r) => r.note);
}

describe(`backup and restore [${TEST_DB}]`, () => {
  let dir: string;
  let url: string;
  let drop: () => Promise<void>;
  const open = () => openDatabase(url, { poolSize: 2 });
  /** Restore with the live database closed, as the operator would with the server stopped. */
  const notesAfter = async (work: () => Promise<unknown>): Promise<string[]> => {
    await work().catch(() => undefined);
    const db = open();
    try {
      return await probes(db);
    } finally {
      await db.close();
    }
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'luoshi-backup-'));
    ({ url, drop } = await freshDatabase(dir));
    const db = open();
    await migrateUp(db.db);
    await sql`create table backup_probe (note varchar(40) primary key)`.execute(db.db);
    await sql`insert into backup_probe (note) values ('one'), ('two')`.execute(db.db);
    await db.close();
  });
  after(async () => {
    await drop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('backup → modify → restore brings the data back; a later table is dropped', async () => {
    const file = join(dir, 'good.backup');
    const live = open();
    // Taken while a connection is open and writing: the backup is online.
    const result = await backupDatabase(url, file);
    await sql`insert into backup_probe (note) values ('three')`.execute(live.db);
    await sql`delete from backup_probe where note = 'one'`.execute(live.db);
    await sql`create table later_table (x integer)`.execute(live.db);
    assert.deepEqual(await probes(live), ['three', 'two']);
    await live.close();

    assert.equal(result.dialect, TEST_DB);
    assert.match(readFileSync(sidecarOf(file), 'utf8'), new RegExp(`^${result.checksum}  good.backup\\n$`));
    assert.equal(await verifyBackup(url, file), 'match');
    await assert.rejects(backupDatabase(url, file), /已存在/);

    const restored = await restoreDatabase(url, file);
    assert.equal(restored.sidecar, 'match');
    const db = open();
    try {
      assert.deepEqual(await probes(db), ['one', 'two']);
      const tables = await db.db.introspection.getTables();
      assert.ok(!tables.some((t) => t.name === 'later_table'), 'a table created after the backup is gone');
      assert.ok(tables.some((t) => t.name === 'users'));
      if (TEST_DB === 'sqlite') assert.ok(restored.previous && existsSync(restored.previous));
    } finally {
      await db.close();
    }
  });

  test('a truncated or altered backup is refused and the live database is unchanged', async () => {
    const file = join(dir, 'base.backup');
    await backupDatabase(url, file);
    const db = open();
    await sql`insert into backup_probe (note) values ('after-backup')`.execute(db.db);
    await db.close();
    const expected = ['after-backup', 'one', 'two'];

    // Cut short, sidecar present: the checksum catches it.
    const cut = join(dir, 'cut.backup');
    copyFileSync(file, cut);
    copyFileSync(sidecarOf(file), sidecarOf(cut));
    truncateSync(cut, Math.floor(statSync(file).size / 2));
    await assert.rejects(
      restoreDatabase(url, cut),
      (e: Error) => e instanceof BackupError && /SM3 校验和/.test(e.message),
    );
    assert.deepEqual(await notesAfter(() => restoreDatabase(url, cut)), expected);

    // Cut short without a sidecar: the integrity check of the file itself catches it.
    rmSync(sidecarOf(cut));
    await assert.rejects(
      restoreDatabase(url, cut),
      (e: Error) => e instanceof BackupError && /拒绝使用/.test(e.message),
    );
    assert.deepEqual(await notesAfter(() => restoreDatabase(url, cut)), expected);

    // One byte short, no sidecar: SQLite's own integrity check misses this; the page-count check and
    // pg_restore's full read do not.
    copyFileSync(file, cut);
    truncateSync(cut, statSync(file).size - 1);
    await assert.rejects(restoreDatabase(url, cut), BackupError);
    assert.deepEqual(await notesAfter(() => restoreDatabase(url, cut)), expected);

    // Bytes overwritten in the middle, no sidecar.
    const garbled = join(dir, 'garbled.backup');
    const bytes = readFileSync(file);
    bytes.fill(0x5a, Math.floor(bytes.length / 3), Math.floor(bytes.length / 3) + 4096);
    writeFileSync(garbled, bytes);
    await assert.rejects(restoreDatabase(url, garbled), BackupError);
    assert.deepEqual(await notesAfter(() => restoreDatabase(url, garbled)), expected);

    // Not a backup at all.
    const junk = join(dir, 'junk.backup');
    writeFileSync(junk, 'not a database');
    await assert.rejects(restoreDatabase(url, junk), BackupError);
    await assert.rejects(restoreDatabase(url, join(dir, 'missing.backup')), /不存在/);
    assert.deepEqual(await notesAfter(() => Promise.resolve()), expected);
  });

  test('a sound database that is not Luoshi’s is refused', { skip: TEST_DB !== 'sqlite' }, async () => {
    const foreign = join(dir, 'foreign.db');
    const handle = new BetterSqlite3(foreign);
    handle.exec('create table something (x)');
    handle.close();
    await assert.rejects(restoreDatabase(url, foreign), /kysely_migration/);
  });

  test('restore is refused while another connection holds the database', async () => {
    const file = join(dir, 'busy.backup');
    await backupDatabase(url, file);
    const server = open();
    try {
      await sql`insert into backup_probe (note) values ('while-open')`.execute(server.db);
      await assert.rejects(restoreDatabase(url, file), (e: Error) => /其他/.test(e.message));
      assert.ok((await probes(server)).includes('while-open'));
    } finally {
      await server.close();
    }
  });
});
