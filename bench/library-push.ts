/**
 * Publish-notice benchmark (`npm run bench:library-push`): the real server as a child process (demo data),
 * N members (default 10,000) who may read member material and follow 纪律教育, each with a session written
 * straight into the database (logging 10,000 people in would measure argon2, not the push), and one
 * keep-alive SSE connection per member on /api/notify/stream. An editor then publishes a member-tier
 * material on that topic; measured is the time from the publish response to each client receiving its
 * notice: p50 / p99 / max, and the server's CPU time from creating the material to the last notice.
 * Target on SQLite: the last of 10,000 clients within 200 ms. First, as the reference on this machine at
 * this moment, the same clients and frames from a bare node:http broadcast (bench/library/bare-broadcast.ts;
 * `--skip-reference` leaves it out): the delays depend on the machine's load, the difference less so.
 *
 * 10,000 connections need ~10,000 file descriptors in this process and in the server: check `ulimit -n`
 * (raise it with `ulimit -n 65536` in the shell first if it is lower than clients + 1,000).
 *
 *   npm run bench:library-push -- --clients=10000 --only=sqlite|postgres [--tsx] [--skip-reference]
 *     [--warm=3]        (publishes after the first, cold one)
 *     [--profile=DIR]   (the server writes a V8 CPU profile into DIR when it stops)
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openDatabase } from '../server/src/platform/db/database.js';
import { newToken, sessionIdOf } from '../server/src/modules/identity/sessions.js';
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
import { percentile } from './supervision/timing.js';

const { values: opts } = parseArgs({
  options: {
    clients: { type: 'string', default: '10000' },
    only: { type: 'string' },
    tsx: { type: 'boolean', default: false },
    'skip-reference': { type: 'boolean', default: false },
    warm: { type: 'string', default: '3' },
    profile: { type: 'string' },
  },
});
const CLIENTS = Number(opts.clients);
const TOPIC = '纪律教育';
const TARGET_MS = 200;
const PG_URL = process.env.DATABASE_URL_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const command = serverCommand(opts.tsx ? 'tsx' : 'dist');

/** N members with a member grant, a subscription and a live session; returns their session tokens. */
async function seedMembers(databaseUrl: string, n: number): Promise<string[]> {
  const database = openDatabase(databaseUrl);
  const now = new Date();
  const at = now.toISOString();
  const tokens: string[] = [];
  try {
    await database.db.transaction().execute(async (trx) => {
      for (let i = 0; i < n; i += 500) {
        const batch = Array.from({ length: Math.min(500, n - i) }, (_, k) => i + k);
        const users = await trx
          .insertInto('users')
          .values(
            batch.map((k) => ({
              login: `push${String(k).padStart(5, '0')}`,
              name: `推送会员${k}`,
              department_id: null,
              status: 'active' as const,
              // Never signs in with a password: the session below is its way in.
              password_hash: '!',
              password_changed_at: at,
              must_change_password: 0,
              failed_logins: 0,
              locked_until: null,
              totp_secret: null,
              totp_enabled: 0,
              is_demo: 0,
              created_at: at,
              updated_at: at,
            })),
          )
          .returning('id')
          .execute();
        const ids = users.map((u) => u.id);
        await trx
          .insertInto('user_roles')
          .values(ids.map((user_id) => ({ user_id, role: 'member' })))
          .execute();
        await trx
          .insertInto('library_grants')
          .values(
            ids.map((member_id) => ({
              member_id,
              tier: 'member' as const,
              source: 'comp' as const,
              plan_id: null,
              order_id: null,
              code_id: null,
              starts_at: new Date(now.getTime() - 86_400_000).toISOString(),
              ends_at: new Date(now.getTime() + 30 * 86_400_000).toISOString(),
              back_years: 3,
              note: '推送基准',
              revoked_at: null,
              revoked_by: null,
              revoke_reason: null,
              created_by: null,
              created_at: at,
            })),
          )
          .execute();
        await trx
          .insertInto('library_subscriptions')
          .values(ids.map((user_id) => ({ user_id, kind: 'topic' as const, value: TOPIC, created_at: at })))
          .execute();
        const batchTokens = ids.map(() => newToken());
        await trx
          .insertInto('sessions')
          .values(
            ids.map((user_id, k) => ({
              id: sessionIdOf(batchTokens[k]!),
              user_id,
              csrf_token: newToken(),
              stage: 'full' as const,
              created_at: at,
              last_seen_at: at,
              expires_at: new Date(now.getTime() + 3_600_000).toISOString(),
              revoked_at: null,
              client_ip: '127.0.0.1',
              user_agent: 'bench',
            })),
          )
          .execute();
        tokens.push(...batchTokens);
      }
    });
  } finally {
    await database.close();
  }
  return tokens;
}

/** When each client received each notice, by its reader link; `wait` resolves once all clients have it. */
class Arrivals {
  private readonly byLink = new Map<string, number[]>();
  private awaited: { link: string; done: () => void } | null = null;
  duplicates = 0;

  constructor(private readonly expected: number) {}

  record(link: string, at: number): void {
    const times = this.byLink.get(link) ?? [];
    times.push(at);
    this.byLink.set(link, times);
    if (this.awaited?.link === link && times.length === this.expected) this.awaited.done();
  }

  times(link: string): number[] {
    return this.byLink.get(link) ?? [];
  }

  wait(link: string): Promise<void> {
    return new Promise((done) => {
      this.awaited = { link, done };
      if (this.times(link).length === this.expected) done();
    });
  }
}

interface Client {
  /** Resolves when the stream is subscribed (its first `unread` event). */
  ready: Promise<void>;
  close(): void;
}

/**
 * One SSE stream over a bare socket; each notification frame is stamped on arrival, once per client and
 * link. Not node:http's client: its parser cost ~15 µs a frame, so at 10,000 streams the client in this
 * one process, not the server, decided when the last notice was read. The body is not chunked (the
 * stream ends with its connection); only ASCII (the event names and links) is looked at.
 */
function openStream(port: number, path: string, token: string | null, arrivals: Arrivals): Client {
  const seen = new Set<string>();
  let buffer = '';
  let status: string | null = null;
  const socket = net.connect({ host: '127.0.0.1', port });
  const ready = new Promise<void>((resolve, reject) => {
    socket.on('connect', () => {
      const cookie = token ? `cookie: luoshi_sid=${token}\r\n` : '';
      socket.write(`GET ${path} HTTP/1.1\r\nhost: 127.0.0.1\r\naccept: text/event-stream\r\n${cookie}\r\n`);
    });
    socket.on('data', (chunk: Buffer) => {
      const t = performance.now();
      buffer += chunk.toString('latin1');
      if (status === null) {
        const line = buffer.indexOf('\r\n');
        if (line < 0) return;
        status = buffer.slice(0, line);
        if (!status.startsWith('HTTP/1.1 200')) reject(new Error(`通知流返回 ${status}`));
      }
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const event = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (event.includes('event: unread')) resolve();
        const link = /"link":"([^"]+)"/.exec(event)?.[1];
        if (!event.includes('event: notification') || !link) continue;
        if (seen.has(link)) arrivals.duplicates += 1;
        else {
          seen.add(link);
          arrivals.record(link, t);
        }
      }
    });
    socket.on('error', reject);
  });
  return { ready, close: () => socket.destroy() };
}

/** Open one stream per token (null: no session), 200 at a time, showing progress. */
async function openStreams(
  port: number,
  path: string,
  tokens: readonly (string | null)[],
  arrivals: Arrivals,
): Promise<Client[]> {
  const t = performance.now();
  const clients: Client[] = [];
  for (let i = 0; i < tokens.length; i += 200) {
    const batch = tokens.slice(i, i + 200).map((token) => openStream(port, path, token, arrivals));
    clients.push(...batch);
    await Promise.all(batch.map((c) => c.ready));
    if ((i / 200) % 10 === 9) process.stdout.write(`\r已连接 ${clients.length}/${tokens.length}`);
  }
  console.log(`\r已连接 ${clients.length} 个通知流：${Math.round(performance.now() - t)} ms`);
  return clients;
}

/**
 * Publish once (`publish` resolves when the response has arrived, with the notice's link), wait for
 * every client's notice and print p50 / p99 / max from the response, and the server's CPU time from the
 * first request to the last notice: unlike the delays, it hardly depends on what else the machine runs.
 */
async function measure(
  label: string,
  pid: number | undefined,
  arrivals: Arrivals,
  publish: () => Promise<string>,
): Promise<void> {
  const duplicatesBefore = arrivals.duplicates;
  const cpuBefore = cpuSeconds(pid);
  const clientCpuBefore = process.cpuUsage();
  const link = await publish();
  const respondedAt = performance.now();
  const timedOut = await Promise.race([
    arrivals.wait(link).then(() => false),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 30_000).unref()),
  ]);
  const cpuAfter = cpuSeconds(pid);
  const clientCpu = process.cpuUsage(clientCpuBefore);
  const times = arrivals.times(link);
  const delays = times.map((x) => Math.max(0, x - respondedAt)).sort((a, b) => a - b);
  const max = delays.at(-1) ?? NaN;
  const duplicates = arrivals.duplicates - duplicatesBefore;
  const cpu =
    cpuBefore === null || cpuAfter === null
      ? ''
      : `，服务进程 CPU ${Math.round((cpuAfter - cpuBefore) * 1000)} ms`;
  // The clients live in this one process: if it is busier than the server, it decides the delays.
  const clientMs = Math.round((clientCpu.user + clientCpu.system) / 1000);
  console.log(
    `${label}：收到通知 ${times.length}/${CLIENTS}${timedOut ? '（30 秒未收齐）' : ''}` +
      `${duplicates > 0 ? `，重复 ${duplicates} 条` : ''}${cpu}，客户端进程 CPU ${clientMs} ms（${loadAverage()}）`,
  );
  console.log(
    `  发布响应 → 通知到达：p50 ${percentile(delays, 50).toFixed(0)} ms，p99 ${percentile(delays, 99).toFixed(0)} ms，` +
      `最后一个 ${max.toFixed(0)} ms（目标：SQLite 上最后一个 ≤ ${TARGET_MS} ms）${max <= TARGET_MS ? ' ✓' : ' ✗'}`,
  );
}

const loadAverage = () => `负载 ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`;

async function run(label: string, databaseUrl: string | undefined): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'luoshi-bench-push-'));
  const port = await freePort();
  const env = { ...serverEnv(dataDir, port, databaseUrl), NODE_ENV: 'production' };
  const url = databaseUrl ?? `sqlite:${join(dataDir, 'luoshi.db')}`;
  console.log(`\n== ${label}（服务：${command.label}，${CLIENTS} 个客户端）`);
  const profile = opts.profile ? ['--cpu-prof', `--cpu-prof-dir=${opts.profile}`] : [];
  const { child, output } = await startServer([...profile, ...command.args], env);
  let clients: Client[] = [];
  try {
    const password = demoPassword(output);
    if (!password) throw new Error('服务输出中没有演示密码');
    const t = performance.now();
    const tokens = await seedMembers(url, CLIENTS);
    console.log(`写入 ${CLIENTS} 名会员、授权、订阅与会话：${Math.round(performance.now() - t)} ms`);

    const arrivals = new Arrivals(CLIENTS);
    clients = await openStreams(port, '/api/notify/stream', tokens, arrivals);
    const editor = new Browser(`http://127.0.0.1:${port}`);
    await editor.login('editor1', password);
    // The first publish runs the push's code for the first time (cold JIT); the second is the steady state.
    const warm = Array.from({ length: Number(opts.warm) }, (_, i) => `再次发布 ${i + 1}`);
    for (const round of ['首次发布（冷启动）', ...warm])
      await measure(round, child.pid, arrivals, () => publishMaterial(editor, round));
  } finally {
    for (const c of clients) c.close();
    await stop(child, 'SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Create and publish a member-tier material on the followed topic; returns its reader link. */
async function publishMaterial(editor: Browser, round: string): Promise<string> {
  const created = await editor.fetch('/api/library/editor/materials', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      title: `在纪律教育专题党课上的讲话（推送基准·${round}）`,
      type: '讲话',
      topics: [TOPIC],
      occasion: null,
      tier: 'member',
      body: '一、学习党纪\n正文不随通知发送。',
      headings: [0],
      note: '基准测试',
      keyPoints: [],
    }),
  });
  if (created.status !== 201) throw new Error(`新建资料失败：${created.status} ${await created.text()}`);
  const m = (await created.json()) as { id: number; version: number };
  const published = await editor.fetch(`/api/library/editor/materials/${m.id}/publish`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ version: m.version }),
  });
  if (published.status !== 200) throw new Error(`发布失败：${published.status}`);
  return `/library/materials/${m.id}`;
}

/** The same streams and frames from a bare node:http server (bench/library/bare-broadcast.ts). */
async function reference(): Promise<void> {
  console.log(`\n== 对照：裸 node:http 广播（无数据库，${CLIENTS} 个客户端）`);
  const { child, output } = await startServer(
    ['--import', 'tsx', 'bench/library/bare-broadcast.ts'],
    process.env,
  );
  let clients: Client[] = [];
  try {
    const port = Number(/已启动 (\d+)/.exec(output)?.[1]);
    const arrivals = new Arrivals(CLIENTS);
    clients = await openStreams(port, '/stream', Array<null>(CLIENTS).fill(null), arrivals);
    for (const [i, round] of ['首次广播', '再次广播'].entries()) {
      const link = `/library/materials/reference-${i}`;
      await measure(round, child.pid, arrivals, async () => {
        await fetch(`http://127.0.0.1:${port}/publish?link=${encodeURIComponent(link)}`, { method: 'POST' });
        return link;
      });
    }
  } finally {
    for (const c of clients) c.close();
    await stop(child, 'SIGTERM');
  }
}

if (!opts['skip-reference']) await reference();
if (opts.only !== 'postgres') await run('SQLite', undefined);
if (opts.only !== 'sqlite') {
  const name = `luoshi_bench_push_${process.pid}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  try {
    const target = new URL(PG_URL);
    target.pathname = `/${name}`;
    await run('PostgreSQL', target.toString());
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
