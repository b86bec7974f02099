/**
 * The measurements over HTTP, against the compiled server on the generated database: the item list of
 * the busiest and of a median department, and feedback submissions with their audit rows.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../server/src/platform/db/database.js';
import {
  Browser,
  cpuSeconds,
  freePort,
  serverCommand,
  serverEnv,
  startServer,
  stop,
} from '../../scripts/support/server.js';
import { BENCH_PASSWORD } from './database.js';
import { autocannon } from '../autocannon.js';
import { LIST_QUERY } from './in-process.js';

export interface ListFigures {
  departmentId: number;
  assignments: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  /** Server CPU per request in microseconds: hardly moved by what else the machine runs. */
  cpuMicros: number | null;
  /** This process's (autocannon's) CPU per request: near a whole core, the load, not the server, sets the pace. */
  clientCpuMicros: number;
}

export interface FeedbackFigures {
  perSecond: number;
  /** Assignments the run could report on: fewer than the requests made means repeats, refused. */
  available: number;
  accepted: number;
  refused: number;
  p99: number;
  cpuMicros: number | null;
}

export interface Server {
  base: string;
  pid: number | undefined;
}

/** Server CPU per request over `run`. */
async function withCpu<T extends { total: number }>(
  server: Server,
  run: () => Promise<T>,
): Promise<[T, number | null]> {
  const before = cpuSeconds(server.pid);
  const result = await run();
  const after = cpuSeconds(server.pid);
  return [
    result,
    before === null || after === null || result.total === 0 ? null : ((after - before) * 1e6) / result.total,
  ];
}

/** `profileDir`: the server writes a V8 CPU profile there when it stops (see --profile). */
export async function withServer<T>(
  url: string,
  work: (server: Server) => Promise<T>,
  profileDir?: string,
): Promise<T> {
  const dataDir = mkdtempSync(join(tmpdir(), 'luoshi-bench-http-'));
  const port = await freePort();
  // Web only: the hourly jobs must not run a sweep in the middle of a measurement.
  const command = serverCommand('dist');
  const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const { child } = await startServer([...profile, ...command.args, '--role', 'web'], {
    ...serverEnv(dataDir, port, url),
    NODE_ENV: 'production',
    // The feedback measurement signs in one handler per department it needs: up to all 2,000 within a minute.
    LUOSHI_LOGIN_RATE_LIMIT: '100000',
  });
  try {
    return await work({ base: `http://127.0.0.1:${port}`, pid: child.pid });
  } finally {
    await stop(child, 'SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function measureList(
  server: Server,
  login: string,
  departmentId: number,
  assignments: number,
  seconds: number,
): Promise<ListFigures> {
  const { base } = server;
  const user = new Browser(base);
  await user.login(login, BENCH_PASSWORD);
  const query = Object.entries(LIST_QUERY(departmentId)).map(([k, v]): [string, string] => [k, String(v)]);
  const path = `/api/items?${new URLSearchParams(query).toString()}`;
  const check = await user.fetch(path);
  if (check.status !== 200) throw new Error(`列表返回 ${check.status}：${await check.text()}`);
  const load = { url: base + path, connections: 50, headers: user.headers() };
  await autocannon({ ...load, duration: 2 });
  const client = process.cpuUsage();
  const [r, cpuMicros] = await withCpu(server, async () => {
    const result = await autocannon({ ...load, duration: seconds });
    return { ...result, total: result.requests.total };
  });
  const used = process.cpuUsage(client);
  return {
    cpuMicros,
    clientCpuMicros: (used.user + used.system) / Math.max(1, r.total),
    departmentId,
    assignments,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts + r.non2xx,
  };
}

/** Acknowledged assignments of a department that can take their current period's feedback. */
async function openAssignments(url: string, departmentId: number): Promise<number[]> {
  const database = openDatabase(url);
  try {
    const rows = await database.db
      .selectFrom('assignments')
      .select('id')
      .where('department_id', '=', departmentId)
      .where('status', '=', 'acknowledged')
      // A one-off feedback, once given, is the only one.
      .where('feedback_cycle', '<>', 'once')
      // Earlier runs reported these today: their current period is taken.
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('feedbacks')
              .select('feedbacks.id')
              .whereRef('feedbacks.assignment_id', '=', 'assignments.id')
              .where(
                'feedbacks.submitted_at',
                '>=',
                `${new Date().toISOString().slice(0, 10)}T00:00:00.000Z`,
              ),
          ),
        ),
      )
      .execute();
    return rows.map((r) => r.id);
  } finally {
    await database.close();
  }
}

/**
 * Handlers submit feedback concurrently over 50 connections, each request on an assignment of the
 * handler's own department that was not reported today, none twice: departments are taken busiest first
 * until there are enough assignments for `perSecond` submissions a second (every run uses up what it
 * reports, so a run never repeats an assignment an earlier one filled).
 */
export async function measureFeedback(
  server: Server,
  url: string,
  departments: readonly { id: number; handler: string }[],
  seconds: number,
  perSecond = 3000,
): Promise<FeedbackFigures> {
  const { base } = server;
  const work: { id: number; path: string; headers: Record<string, string> }[] = [];
  for (const { id, handler } of departments) {
    if (work.length >= perSecond * seconds) break;
    const ids = await openAssignments(url, id);
    if (ids.length === 0) continue;
    const user = new Browser(base);
    await user.login(handler, BENCH_PASSWORD);
    const headers = user.headers({ 'content-type': 'application/json' });
    for (const assignment of ids)
      work.push({ id: assignment, path: `/api/assignments/${assignment}/feedbacks`, headers });
  }
  // In id order the departments interleave, as many handlers at once would.
  work.sort((a, b) => a.id - b.id);
  let next = 0;
  const [r, cpuMicros] = await withCpu(server, async () => {
    const result = await autocannon({
      url: base,
      connections: 50,
      duration: seconds,
      requests: [
        {
          method: 'POST',
          setupRequest: (req) => ({
            ...req,
            path: work[next % work.length]?.path ?? '/',
            headers: work[next++ % work.length]?.headers ?? {},
            body: JSON.stringify({ content: '本期按计划推进，已完成阶段任务。' }),
          }),
        },
      ],
    });
    return { ...result, total: result.requests.total };
  });
  const accepted = r.requests.total - r.non2xx - r.errors;
  return {
    perSecond: accepted / seconds,
    accepted,
    refused: r.non2xx + r.errors + r.timeouts,
    p99: r.latency.p99,
    cpuMicros,
    available: work.length,
  };
}
