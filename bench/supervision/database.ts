/** The benchmark's databases: a generated data set kept between runs, on SQLite and on PostgreSQL. */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { hashPassword } from '../../server/src/modules/identity/passwords.js';
import { loadCalendar } from '../../server/src/modules/calendar/index.js';
import { openDatabase, sqliteFileFromUrl, type Database } from '../../server/src/platform/db/database.js';
import { migrateUp } from '../../server/src/platform/db/migrate.js';
import { ensureOwedPeriods } from '../../server/src/modules/supervision/index.js';
import { pgWriter, sqliteWriter } from './bulk.js';
import { generate, type DataSet } from './generate.js';

export const BENCH_PASSWORD = 'Bench@2026';

export interface Prepared {
  url: string;
  data: Omit<DataSet, 'loadOf'> & { load: [number, number][] };
}

function progressLine(label: string, done: number, total: number): void {
  process.stdout.write(
    `\r  生成${label}：${done.toLocaleString('zh-CN')} / ${total.toLocaleString('zh-CN')}   `,
  );
  if (done === total) process.stdout.write('\n');
}

/**
 * `work` on a copy of a SQLite data set (its WAL folded in first), removed afterwards: feedback uses up
 * what it reports, one per period, so each run on the copy starts from the same data. PostgreSQL: the
 * data set itself (a later run there reports on other assignments).
 */
export async function onScratchCopy<T>(url: string, work: (url: string) => Promise<T>): Promise<T> {
  if (!url.startsWith('sqlite:')) return work(url);
  const file = sqliteFileFromUrl(url);
  const handle = new BetterSqlite3(file);
  handle.pragma('wal_checkpoint(TRUNCATE)');
  handle.close();
  const copy = `${file}.scratch`;
  copyFileSync(file, copy);
  try {
    return await work(`sqlite:${copy}`);
  } finally {
    for (const f of [copy, `${copy}-wal`, `${copy}-shm`]) rmSync(f, { force: true });
  }
}

/** Generate once per (dialect, scale); later runs reuse the database named in the stamp file. */
export async function prepare(
  dialect: 'sqlite' | 'postgres',
  options: { dir: string; pgUrl: string; scale: number; fresh: boolean },
): Promise<Prepared> {
  mkdirSync(options.dir, { recursive: true });
  const stamp = join(options.dir, `${dialect}-${options.scale}.json`);
  if (!options.fresh && existsSync(stamp)) {
    const kept = JSON.parse(readFileSync(stamp, 'utf8')) as Prepared;
    console.log(`  使用已生成的数据集（${kept.url.replace(/\/\/[^@]*@/, '//')}；--fresh 重新生成）`);
    await upgrade(kept.url);
    return kept;
  }
  let url: string;
  if (dialect === 'sqlite') {
    const file = join(options.dir, `bench-${options.scale}.db`);
    for (const suffix of ['', '-wal', '-shm'])
      if (existsSync(file + suffix)) writeFileSync(file + suffix, '');
    url = `sqlite:${file}`;
  } else {
    const name = `luoshi_bench_${String(options.scale).replace('.', '_')}`;
    const admin = new pg.Client({ connectionString: options.pgUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    await admin.end();
    const u = new URL(options.pgUrl);
    u.pathname = `/${name}`;
    url = u.toString();
  }
  const database = openDatabase(url);
  const started = Date.now();
  try {
    await migrateUp(database.db);
    const calendar = await loadCalendar(database.db);
    const common = {
      scale: options.scale,
      now: new Date(),
      passwordHash: await hashPassword(BENCH_PASSWORD, false),
      calendar,
    };
    const data = await withWriter(database, (writer) => generate(writer, common, progressLine));
    console.log(
      `  生成完成：${data.departments} 个部门，${data.users} 个用户，${data.items} 个事项，` +
        `${data.assignments} 个交办，${data.feedbacks} 条反馈；最忙部门 ${data.loadOf.get(data.departmentsByLoad[0] ?? 0)} 个交办；` +
        `用时 ${((Date.now() - started) / 1000).toFixed(0)} 秒`,
    );
    const { loadOf, ...rest } = data;
    const prepared: Prepared = { url, data: { ...rest, load: [...loadOf] } };
    writeFileSync(stamp, JSON.stringify(prepared));
    return prepared;
  } finally {
    await database.close();
  }
}

/** A kept data set from older code: new migrations, then what the server's start-up fills after them. */
async function upgrade(url: string): Promise<void> {
  const database = openDatabase(url);
  try {
    await migrateUp(database.db);
    await ensureOwedPeriods(database.db, new Date().toISOString());
  } finally {
    await database.close();
  }
}

async function withWriter<T>(
  database: Database,
  work: (writer: ReturnType<typeof sqliteWriter>) => Promise<T>,
): Promise<T> {
  if (database.sqliteHandle) {
    database.sqliteHandle.pragma('synchronous = OFF');
    // Nine million rows into a dozen indexes: keep the b-trees in memory while loading.
    database.sqliteHandle.pragma('cache_size = -2000000');
    return work(sqliteWriter(database.sqliteHandle));
  }
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query('set synchronous_commit = off');
    return await work(pgWriter(client));
  } finally {
    await client.end();
  }
}
