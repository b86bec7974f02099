/**
 * `npm run bench:library`: 100,000 generated 公文-like materials of about 3,000 characters, indexed
 * through the search module's indexMaterials on SQLite and PostgreSQL; then the time to index and the
 * latency (p50/p99) of searches with highlighting and relevance order: a word in nearly every material
 * (发展), rare words, two words together, one character. Target on SQLite: every kind p99 ≤ 50 ms.
 *
 *   npm run bench:library -- [--scale=1] [--only=sqlite|postgres] [--queries=200] [--dir=…]
 *     [--reuse]   (search the materials a previous run left, when they are all there, instead of indexing anew)
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { indexMaterials, type SearchDocument } from '../server/src/modules/library/search/index.js';
import { searchLibrary } from '../server/src/modules/library/search/service.js';
import { systemClock } from '../server/src/platform/clock.js';
import { loadConfig } from '../server/src/platform/config.js';
import type { Ctx } from '../server/src/platform/context.js';
import { openDatabase, type Database } from '../server/src/platform/db/database.js';
import { migrateUp } from '../server/src/platform/db/migrate.js';
import { deriveKeys } from '../server/src/platform/keys.js';
import { buildChain, generator, RARE_WORDS } from './library/generate.js';
import { ms, percentile } from './supervision/timing.js';

const { values: opts } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    only: { type: 'string' },
    queries: { type: 'string', default: '200' },
    dir: { type: 'string', default: '/tmp/luoshi-bench-library' },
    reuse: { type: 'boolean', default: false },
  },
});
const total = Math.round(100_000 * Number(opts.scale));
const queries = Number(opts.queries);
const pgUrl = process.env.DATABASE_URL_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const BATCH = 500;

const ctx: Ctx = {
  actor: { id: 1, login: 'bench', name: '基准会员', departmentId: null, roles: ['member'] },
  clientIp: null,
  clock: systemClock,
  keys: deriveKeys(randomBytes(32)),
  config: loadConfig({}),
};

const KINDS: { label: string; queries: readonly string[] }[] = [
  { label: '常见词「发展」', queries: ['发展'] },
  { label: '罕见词', queries: RARE_WORDS },
  { label: '两个词', queries: ['发展 改革', '建设 安全', '推进 创新', '服务 保障'] },
  { label: '单字「党」', queries: ['党'] },
];

const sqliteFile = join(opts.dir, `library-${total}.db`);
const pgName = `luoshi_bench_library_${total}`;

function pgDatabaseUrl(): string {
  const url = new URL(pgUrl);
  url.pathname = `/${pgName}`;
  return url.toString();
}

async function freshDatabase(dialect: 'sqlite' | 'postgres'): Promise<Database> {
  mkdirSync(opts.dir, { recursive: true });
  if (dialect === 'sqlite') {
    for (const suffix of ['', '-wal', '-shm'])
      if (existsSync(sqliteFile + suffix)) rmSync(sqliteFile + suffix);
    return openDatabase(`sqlite:${sqliteFile}`);
  }
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${pgName} with (force)`);
  await admin.query(`create database ${pgName}`);
  await admin.end();
  return openDatabase(pgDatabaseUrl());
}

/** A previous run's database (--reuse), if it holds all `total` materials; null otherwise. */
async function previousDatabase(dialect: 'sqlite' | 'postgres'): Promise<Database | null> {
  if (dialect === 'sqlite' && !existsSync(sqliteFile)) return null;
  let database: Database;
  try {
    database = openDatabase(dialect === 'sqlite' ? `sqlite:${sqliteFile}` : pgDatabaseUrl());
    const row = await database.db
      .selectFrom('library_search_docs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    if (Number(row.n) === total) return database;
    await database.close();
  } catch {
    // No such database or no index in it: generate anew.
  }
  return null;
}

async function load(database: Database): Promise<{ seconds: number; indexing: number }> {
  const chain = buildChain(join(import.meta.dirname, '../../shared/corpus/official-texts'));
  const gen = generator(chain);
  const started = performance.now();
  let indexing = 0;
  for (let first = 1; first <= total; first += BATCH) {
    const docs: SearchDocument[] = [];
    for (let id = first; id < Math.min(total + 1, first + BATCH); id++) docs.push(gen.material(id, total));
    const t = performance.now();
    await database.db.transaction().execute((trx) => indexMaterials(trx, docs));
    indexing += performance.now() - t;
    const done = first + docs.length - 1;
    const rate = (done / indexing) * 1000;
    process.stdout.write(
      `\r  索引：${done.toLocaleString('zh-CN')} / ${total.toLocaleString('zh-CN')}（${rate.toFixed(0)} 篇/秒）   `,
    );
  }
  process.stdout.write('\n');
  if (database.dialect === 'postgres') await sql`vacuum analyze library_search_docs`.execute(database.db);
  else await sql`analyze`.execute(database.db);
  return { seconds: (performance.now() - started) / 1000, indexing: indexing / 1000 };
}

async function size(database: Database): Promise<string> {
  if (database.sqliteFile) return `${(statSync(database.sqliteFile).size / 2 ** 30).toFixed(2)} GiB`;
  const { rows } = await sql<{ bytes: number }>`select pg_database_size(current_database()) as bytes`.execute(
    database.db,
  );
  return `${(Number(rows[0]?.bytes ?? 0) / 2 ** 30).toFixed(2)} GiB`;
}

async function measure(database: Database) {
  const lines: string[] = [];
  for (const kind of KINDS) {
    for (const q of kind.queries) await searchLibrary(database.db, ctx, q, {}, 1);
    const times: number[] = [];
    let hits = 0;
    let more = false;
    let sample = '';
    for (let i = 0; i < queries; i++) {
      const q = kind.queries[i % kind.queries.length]!;
      const t = performance.now();
      const page = await searchLibrary(database.db, ctx, q, {}, 1);
      times.push(performance.now() - t);
      if (i < kind.queries.length) hits += page.total;
      more ||= page.more;
      const first = page.results.find((r) => r.snippet);
      if (!sample && first?.snippet) sample = first.snippet.text.slice(0, 40);
    }
    const p99 = percentile(times, 99);
    lines.push(
      `  ${kind.label.padEnd(8, '　')} p50 ${ms(percentile(times, 50))}，p99 ${ms(p99)}` +
        `${database.dialect === 'sqlite' ? `（目标 ≤ 50 ms：${p99 <= 50 ? '达标' : '未达标'}）` : ''}` +
        `；命中 ${Math.round(hits / kind.queries.length).toLocaleString('zh-CN')} 篇${more ? '以上（计数止于此）' : ''}；摘要例：${sample}…`,
    );
  }
  return lines;
}

async function run(dialect: 'sqlite' | 'postgres'): Promise<string[]> {
  console.log(`\n━━ ${dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'} ━━`);
  const previous = opts.reuse ? await previousDatabase(dialect) : null;
  const database = previous ?? (await freshDatabase(dialect));
  try {
    await migrateUp(database.db);
    const loaded = previous ? null : await load(database);
    console.log('  测量检索（含高亮、相关度排序、锁定判断）…');
    const label = dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL';
    const indexing = loaded
      ? `索引用时 ${loaded.indexing.toFixed(0)} 秒（含生成 ${loaded.seconds.toFixed(0)} 秒）`
      : '沿用上次生成的资料（--reuse，未重新索引）';
    return [
      `${label}：${total.toLocaleString('zh-CN')} 篇，${indexing}，库大小 ${await size(database)}`,
      ...(await measure(database)),
    ];
  } finally {
    await database.close();
  }
}

console.log(
  `资料库检索基准：${total.toLocaleString('zh-CN')} 篇资料，每次 ${queries} 次检索，CPU：${cpus().length} 核`,
);
const report: string[] = [];
for (const dialect of ['sqlite', 'postgres'] as const)
  if (!opts.only || opts.only === dialect) report.push(...(await run(dialect)));
console.log(`\n${report.join('\n')}`);
