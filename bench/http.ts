/**
 * HTTP benchmark (`npm run bench:http`): the real server as a child process, autocannon with 50
 * connections over loopback for 10 s against the authenticated read GET /api/home/todos, on SQLite and,
 * when reachable, on a fresh PostgreSQL database. Target: ≥ 3,000 req/s on SQLite on a 2-core machine.
 *
 *   npm run bench:http -- --seconds=10 --connections=50 --login=leader1 --only=sqlite|postgres [--policy] [--tsx]
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import {
  Browser,
  cpuSeconds,
  demoPassword,
  freePort,
  serverCommand,
  serverEnv,
  startServer,
  stop,
} from '../scripts/support/server.js';
import { autocannon } from './autocannon.js';

const { values: opts } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    login: { type: 'string', default: 'leader1' },
    only: { type: 'string' },
    policy: { type: 'boolean', default: false },
    tsx: { type: 'boolean', default: false },
  },
});
const PG_URL = process.env.DATABASE_URL_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
// The compiled server is what production runs; tsx costs start-up time, next to nothing per request.
const command = serverCommand(opts.tsx ? 'tsx' : 'dist');

function reachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = createConnection({ host: hostname, port: Number(port || 5432), timeout: 1500 });
    socket.on('connect', () => (socket.destroy(), resolve(true)));
    socket.on('error', () => resolve(false));
    socket.on('timeout', () => (socket.destroy(), resolve(false)));
  });
}

/**
 * `--policy`: save the (unchanged) security policy once, as a security administrator would, so the
 * settings row exists and every request parses it — the demo database has no such row.
 */
async function savePolicy(base: string, password: string): Promise<void> {
  const admin = new Browser(base);
  await admin.login('secadmin', password);
  const current = await admin.fetch('/api/security/policy');
  const res = await admin.fetch('/api/security/policy', {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: await current.text(),
  });
  if (res.status !== 200) throw new Error(`保存安全策略失败：${res.status} ${await res.text()}`);
}

interface Figures {
  dialect: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  requests: number;
  /** Server CPU per request, in microseconds (null off Linux). */
  cpuMicros: number | null;
}

async function bench(dialect: string, databaseUrl?: string): Promise<Figures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'luoshi-bench-'));
  const port = await freePort();
  const env = { ...serverEnv(dataDir, port, databaseUrl), NODE_ENV: 'production' };
  const { child, output } = await startServer(command.args, env);
  try {
    const password = demoPassword(output);
    if (!password) throw new Error('没有载入演示数据（数据库不是空的？）');
    const base = `http://127.0.0.1:${port}`;
    if (opts.policy) await savePolicy(base, password);
    const user = new Browser(base);
    await user.login(opts.login, password);
    const check = await user.fetch('/api/home/todos');
    if (check.status !== 200) throw new Error(`待办接口返回 ${check.status}：${await check.text()}`);
    const load = {
      url: `${base}/api/home/todos`,
      connections: Number(opts.connections),
      headers: user.headers(),
    };
    // Warm-up: JIT, statement caches and the connection pool, so the measured run is steady state.
    await autocannon({ ...load, duration: 2 });
    const cpuBefore = cpuSeconds(child.pid);
    const r = await autocannon({ ...load, duration: Number(opts.seconds) });
    const cpuAfter = cpuSeconds(child.pid);
    return {
      dialect,
      rps: r.requests.average,
      p50: r.latency.p50,
      p99: r.latency.p99,
      errors: r.errors + r.timeouts + r.non2xx,
      requests: r.requests.total,
      cpuMicros:
        cpuBefore === null || cpuAfter === null ? null : ((cpuAfter - cpuBefore) * 1e6) / r.requests.total,
    };
  } finally {
    await stop(child, 'SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A database of its own, so the server starts on an empty one and loads the demo organisation. */
async function withFreshPgDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  const name = `luoshi_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  try {
    return await work(url.toString());
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

const results: Figures[] = [];
console.log(
  `GET /api/home/todos（登录为 ${opts.login}${opts.policy ? '，已保存安全策略' : ''}），` +
    `${opts.connections} 个连接，${opts.seconds} 秒；服务运行方式：${command.label}；` +
    `CPU：${cpus().length} 核 ${cpus()[0]?.model ?? ''}`,
);
if (!opts.only || opts.only === 'sqlite') results.push(await bench('SQLite'));
if (!opts.only || opts.only === 'postgres') {
  if (await reachable(PG_URL)) results.push(await withFreshPgDatabase((url) => bench('PostgreSQL', url)));
  else console.log(`跳过 PostgreSQL：${new URL(PG_URL).host} 无法连接（设置 DATABASE_URL_PG）`);
}

const cell = (value: string | number, width: number) => String(value).padStart(width);
console.log(
  '\n数据库       请求/秒  p50 (ms)  p99 (ms)  错误  请求总数  服务端 CPU/请求  单核上限（请求/秒）',
);
for (const f of results)
  console.log(
    [
      f.dialect.padEnd(10),
      cell(f.rps.toFixed(0), 9),
      cell(f.p50, 9),
      cell(f.p99, 9),
      cell(f.errors, 5),
      cell(f.requests, 9),
      f.cpuMicros === null
        ? '—'
        : `${cell(f.cpuMicros.toFixed(0), 12)} µs  ${cell((1e6 / f.cpuMicros).toFixed(0), 12)}`,
    ].join(' '),
  );
const load = loadavg().map((x) => x.toFixed(1));
console.log(`测量时系统负载（1/5/15 分钟）：${load.join(' / ')}（高于核数说明有其他进程争用 CPU）`);
const sqlite = results.find((f) => f.dialect === 'SQLite');
if (sqlite) console.log(`SQLite 目标 ≥ 3000 请求/秒：${sqlite.rps >= 3000 ? '达到' : '未达到'}`);
if (results.some((f) => f.errors > 0)) process.exitCode = 1;
