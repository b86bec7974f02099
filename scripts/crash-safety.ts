/**
 * Crash-safety check (`npm run crash:test`), not a unit test: the real server on a temporary SQLite data
 * directory, a write load of idempotent POSTs, SIGKILL at random moments, restart, and the client
 * retrying every unacknowledged request with the same Idempotency-Key. Then: every acknowledged write
 * is there, nothing was created twice, every retry resolved, the file is sound, the audit chain verifies.
 *
 *   npm run crash:test -- --kills=5 --seconds=60 --clients=4 --lost=0.01 [--keep]
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import {
  Browser,
  demoPassword,
  freePort,
  root,
  serverCommand,
  serverEnv,
  startServer,
  stop,
} from './support/server.js';

const { values: opts } = parseArgs({
  options: {
    kills: { type: 'string', default: '5' },
    seconds: { type: 'string', default: '60' },
    clients: { type: 'string', default: '4' },
    lost: { type: 'string', default: '0.01' },
    keep: { type: 'boolean', default: false },
  },
});
const KILLS = Number(opts.kills);
const SECONDS = Number(opts.seconds);
const CLIENTS = Number(opts.clients);
const LOST = Number(opts.lost);
const dataDir = mkdtempSync(join(tmpdir(), 'luoshi-crash-'));
const logFile = join(dataDir, 'server.log');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const port = await freePort();
const env = serverEnv(dataDir, port);
const command = serverCommand();

// ── the server ────────────────────────────────────────────────────────────────────────────────────
let server: { current: ChildProcess | null } = { current: null };
let password = '';
process.on('exit', () => server.current?.kill('SIGKILL'));

async function start(): Promise<void> {
  const started = await startServer(command.args, env, (chunk) => appendFileSync(logFile, chunk));
  server = { current: started.child };
  password ||= demoPassword(started.output) ?? '';
}

/** Resolved while the server is up; the client loops wait on it after a connection error. */
let up: Promise<void> = Promise.resolve();
let markUp: () => void = () => undefined;

// ── the client ────────────────────────────────────────────────────────────────────────────────────
// One signed-in browser shared by the loops: sessions live in the database, so the cookie should
// survive every restart; a 401 would make the loops sign in again (counted as relogins).
const browser = new Browser(`http://127.0.0.1:${port}`);
let loginInFlight: Promise<void> | null = null;
const relogin = () =>
  (loginInFlight ??= browser.login('sysadmin', password).finally(() => (loginInFlight = null)));

interface Job {
  code: string;
  key: string;
  attempts: number;
}
// prettier-ignore
const stats = { sent: 0, acknowledged: 0, retriedJobs: 0, retriedResolved: 0, relogins: 0, lost: 0, kills: 0, cutOff: 0, committedUnacked: 0 };
const acknowledged = new Map<string, number>(); // code → id from the 201 body
const retryQueue: Job[] = [];
const retried = new Set<string>();
const lostAnswers = new Map<string, number>(); // code → id of a 201 the client pretended not to get
const violations: string[] = [];
const inFlight = new Set<Job>();
let seq = 0;
let loadOver = false;

async function send(job: Job): Promise<'done' | 'retry'> {
  job.attempts++;
  stats.sent++;
  inFlight.add(job);
  // Kills rarely land between COMMIT and the response, so a share of answers is also thrown away, as if
  // the connection had dropped just before the client read it. The server cannot tell the difference:
  // the retry must be answered from the idempotency record, with the same id, not create again or 409.
  const loseAnswer = !retried.has(job.key) && Math.random() < LOST;
  try {
    const res = await browser.fetch('/api/departments', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': job.key },
      // The body is a pure function of the job, so a retry hashes to the same idempotency request.
      body: JSON.stringify({ name: `压测部门 ${job.code}`, code: job.code, parentId: null }),
      signal: AbortSignal.timeout(15_000),
    });
    const body = (await res.json()) as { id?: number; code?: string };
    if (res.status === 201 && typeof body.id === 'number' && loseAnswer) {
      stats.lost++;
      stats.committedUnacked++;
      lostAnswers.set(job.code, body.id);
      retried.add(job.key);
      stats.retriedJobs++;
      return 'retry';
    }
    if (res.status === 201 && typeof body.id === 'number') {
      const lost = lostAnswers.get(job.code);
      if (lost !== undefined && lost !== body.id)
        violations.push(`${job.code}：重试返回 id ${body.id}，与丢失的首次响应 id ${lost} 不同`);
      acknowledged.set(job.code, body.id);
      stats.acknowledged++;
      if (retried.has(job.key)) stats.retriedResolved++;
      return 'done';
    }
    if (res.status === 401) {
      stats.relogins++;
      await relogin();
      return 'retry';
    }
    violations.push(`${job.code} 第 ${job.attempts} 次：HTTP ${res.status} ${JSON.stringify(body)}`);
    return 'done';
  } catch {
    // Connection refused/reset or timed out: the server may or may not have committed. Same key again.
    if (!retried.has(job.key)) {
      retried.add(job.key);
      stats.retriedJobs++;
    }
    return 'retry';
  } finally {
    inFlight.delete(job);
  }
}

async function clientLoop(id: number): Promise<void> {
  for (;;) {
    const job =
      retryQueue.shift() ??
      (loadOver ? undefined : { code: `crash-${id}-${seq++}`, key: randomUUID(), attempts: 0 });
    if (!job) return;
    if (job.attempts > 50) {
      violations.push(`${job.code}：重试 50 次仍未成功`);
      continue;
    }
    if ((await send(job)) === 'retry') {
      retryQueue.push(job);
      await up;
      await sleep(20);
    }
  }
}

/**
 * Which of the unacknowledged requests had committed before the kill: their retries must be answered
 * from the idempotency record, not create again. Read-only, so the WAL the crash left behind is
 * recovered by the restarted server, not by this check.
 */
function committedOf(codes: string[]): number {
  if (codes.length === 0) return 0;
  try {
    const handle = new BetterSqlite3(join(dataDir, 'luoshi.db'), { readonly: true });
    try {
      const found = handle
        .prepare(`select count(*) as n from departments where code in (${codes.map(() => '?').join(',')})`)
        .get(...codes) as { n: number };
      return found.n;
    } finally {
      handle.close();
    }
  } catch (error) {
    console.log(`  （未能读取杀后的数据库：${error instanceof Error ? error.message : String(error)}）`);
    return 0;
  }
}

async function killer(): Promise<void> {
  const slot = (SECONDS * 1000) / KILLS;
  for (let i = 0; i < KILLS; i++) {
    await sleep(slot * (0.3 + Math.random() * 0.6));
    up = new Promise((r) => (markUp = r));
    if (server.current) await stop(server.current, 'SIGKILL');
    stats.kills++;
    // A snapshot taken before the kill would include requests whose answer was already on its way.
    // Once the server is gone every cut-off request fails fast (reset/refused) and waits in the retry
    // queue: exactly the unacknowledged ones.
    await sleep(500);
    const caught = [...retryQueue, ...inFlight].map((j) => j.code);
    stats.cutOff += caught.length;
    const committed = committedOf(caught);
    stats.committedUnacked += committed;
    await start();
    markUp();
    console.log(
      `  第 ${i + 1} 次强杀（SIGKILL）并重启：未确认的请求 ${caught.length} 个，其中已提交 ${committed} 个`,
    );
  }
}

// ── run ───────────────────────────────────────────────────────────────────────────────────────────
console.log(
  `崩溃安全测试：${CLIENTS} 个客户端并发写入，约 ${SECONDS} 秒内强杀 ${KILLS} 次；` +
    `服务运行方式 ${command.label}；数据目录 ${dataDir}`,
);
await start();
await browser.login('sysadmin', password);
const loops = Array.from({ length: CLIENTS }, (_, i) => clientLoop(i));
await killer();
await sleep(3000); // a stretch of normal running after the last restart
loadOver = true;
await Promise.all(loops);
// Every loop has drained the retry queue; a loop that exited early leaves the rest to the others.
while (retryQueue.length > 0) await clientLoop(CLIENTS);

if (server.current) await stop(server.current, 'SIGTERM');

// ── checks ────────────────────────────────────────────────────────────────────────────────────────
const handle = new BetterSqlite3(join(dataDir, 'luoshi.db'), { readonly: true });
const integrity = (handle.pragma('integrity_check') as { integrity_check: string }[])
  .map((r) => r.integrity_check)
  .join('; ');
const rows = handle
  .prepare(
    "select code, count(*) as n, min(id) as id from departments where code like 'crash-%' group by code",
  )
  .all() as { code: string; n: number; id: number }[];
handle.close();
const present = new Map(rows.map((r) => [r.code, r]));
const duplicates = rows.filter((r) => r.n > 1).length;
const missing = [...acknowledged.keys()].filter((code) => !present.has(code));
const wrongId = [...acknowledged].filter(([code, id]) => present.get(code) && present.get(code)?.id !== id);
const unacknowledgedRows = rows.filter((r) => !acknowledged.has(r.code)).length;

let auditResult = '未检查（server/src/cli/audit.ts 不存在）';
let auditOk = true;
if (existsSync(join(root, 'server/src/cli/audit.ts'))) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/main.ts', 'audit', 'verify'], {
    cwd: root,
    env,
    encoding: 'utf8',
  });
  const output = `${run.stdout}${run.stderr}`.trim();
  if (output.includes('落实 Luoshi 命令行')) auditResult = '未检查（audit 命令尚未接入 main.ts）';
  else {
    auditOk = run.status === 0;
    auditResult = `${auditOk ? '通过' : `失败（退出码 ${run.status}）`}：${output.split('\n').slice(-3).join(' ')}`;
  }
}

const checks: [boolean, string][] = [
  [duplicates === 0, `${duplicates} 个编码被创建了不止一次`],
  [missing.length === 0, `已确认（201）但不在库中：${missing.slice(0, 10).join(', ')}`],
  [
    wrongId.length === 0,
    `重试返回的 id 与库中不符：${wrongId
      .map(([c]) => c)
      .slice(0, 10)
      .join(', ')}`,
  ],
  [unacknowledgedRows === 0, `库中有 ${unacknowledgedRows} 条记录从未得到确认`],
  [
    stats.retriedResolved === stats.retriedJobs,
    `重试未全部解决：${stats.retriedResolved}/${stats.retriedJobs}`,
  ],
  [integrity === 'ok', `PRAGMA integrity_check：${integrity}`],
  [auditOk, `审计链校验失败：${auditResult}`],
];
for (const [ok, problem] of checks) if (!ok) violations.push(problem);

console.log(`
结果
  发送请求（含重试）   ${stats.sent}
  已确认（HTTP 201）   ${stats.acknowledged}
  重试的请求           ${stats.retriedJobs}（已解决 ${stats.retriedResolved}）
  强杀次数             ${stats.kills}（被切断的请求 ${stats.cutOff} 个）
  已提交但未确认       ${stats.committedUnacked}（强杀前已提交的与丢弃响应的；重试都须返回原响应）
  丢弃的响应           ${stats.lost}（模拟响应在途中丢失；重试须返回同一 id）
  重新登录             ${stats.relogins}（会话存于数据库，重启后 cookie 仍有效时为 0）
  库中记录             ${rows.length}
  重复                 ${duplicates}
  缺失                 ${missing.length}
  完整性检查           ${integrity}
  审计链               ${auditResult}`);

if (violations.length > 0) {
  console.log(`\n✘ 发现 ${violations.length} 个问题：\n  ${violations.slice(0, 20).join('\n  ')}`);
  console.log(`服务日志：${logFile}\n${readFileSync(logFile, 'utf8').split('\n').slice(-15).join('\n')}`);
  process.exit(1);
}
if (stats.committedUnacked === 0)
  console.log(
    '\n注意：本次没有“已提交但未确认”的请求，按幂等键重放原响应的路径未被覆盖；可加大 --lost 再跑。',
  );
console.log('\n✔ 崩溃安全：所有已确认的写入都在，无重复，重试全部解决，数据库完整');
if (!opts.keep) rmSync(dataDir, { recursive: true, force: true });
