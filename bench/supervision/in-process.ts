/**
 * The measurements that call the services directly: the whole-organisation weekly circular, the
 * dashboard, the first page of the whole organisation's red items and the daily reminder sweep, each
 * with the time of its bare SQL beside it.
 */
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../server/src/platform/config.js';
import type { Actor, Ctx } from '../../server/src/platform/context.js';
import { openDatabase } from '../../server/src/platform/db/database.js';
import type { Db } from '../../server/src/platform/db/schema.js';
import { deriveKeys } from '../../server/src/platform/keys.js';
import { TestClock } from '../../server/src/platform/clock.js';
import { loadCalendar } from '../../server/src/modules/calendar/index.js';
import { prepareCircular } from '../../server/src/modules/supervision/circulars/service.js';
import { dashboard } from '../../server/src/modules/supervision/dashboard/service.js';
import { sweepReminders } from '../../server/src/modules/supervision/index.js';
import { listVisibleItems } from '../../server/src/modules/supervision/views.js';
import { SqlTimer, timeRuns, type Runs } from './timing.js';

/** The page the HTTP list measurement asks for (over-http.ts). */
export const LIST_QUERY = (departmentId: number) =>
  ({ departmentId, status: 'assigned', page: 2, pageSize: 20 }) as const;

/** What the benchmark can measure (`--part`); the in-process ones are measured here, null when left out. */
export const PARTS = ['circular', 'dashboard', 'lights', 'sweep', 'list', 'feedback'] as const;
export type Part = (typeof PARTS)[number];

export interface InProcessFigures {
  circularWeek: Runs | null;
  circularMonth: Runs | null;
  dashboard: Runs | null;
  /** The first page of the whole organisation's red items (the dashboard's red light opens it). */
  redItems: (Runs & { total: number }) | null;
  /** The busiest department's page the HTTP list asks for, built anew: what a request costs when no kept page serves it. */
  listBuilt: Runs | null;
  /** The first sweep on a database without reminders, then the next working day's. */
  firstSweep: Sweep | null;
  sweep: Sweep | null;
}

export interface Sweep {
  total: number;
  /** CPU of this process over the sweep (SQLite works in it): steadier than wall time on a busy machine. */
  cpu: number;
  sql: number;
  reminders: number;
  /** Notifications the sweep wrote: one per person, since several reminders make one digest. */
  notices: number;
  queries: number;
}

/** The two latest working days up to today, 09:00 in Beijing: when the daily sweep runs. */
async function sweepMoments(url: string): Promise<[Date, Date]> {
  const database = openDatabase(url);
  try {
    const calendar = await loadCalendar(database.db);
    const days: Date[] = [];
    for (let day = new Date(); days.length < 2; day = new Date(day.getTime() - 86_400_000)) {
      const date = day.toISOString().slice(0, 10);
      if (calendar.isWorkingDay(date)) days.unshift(new Date(`${date}T01:00:00Z`));
    }
    return [days[0] ?? new Date(), days[1] ?? new Date()];
  } finally {
    await database.close();
  }
}

/** Undo earlier runs' sweeps, so every run starts from a database that has sent no reminder yet. */
async function forgetSweeps(db: Db): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('deliveries').execute();
    await trx.deleteFrom('notifications').execute();
    await trx.deleteFrom('reminders').execute();
    await trx.deleteFrom('settings').where('key', '=', 'supervision_reminder_sweep').execute();
  });
}

async function noticeCount(db: Db): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('kind', '=', 'supervision.reminder')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function measureInProcess(
  url: string,
  supervisor: Actor,
  parts: ReadonlySet<Part>,
  busiest: number,
): Promise<InProcessFigures> {
  const timer = new SqlTimer();
  const database = openDatabase(url, { log: timer.log });
  const { db } = database;
  const [yesterday, today] = await sweepMoments(url);
  const clock = new TestClock(today);
  const ctx: Ctx = {
    actor: supervisor,
    clientIp: '127.0.0.1',
    clock,
    keys: deriveKeys(randomBytes(32)),
    config: loadConfig({ ...process.env, LUOSHI_DATA_DIR: '/tmp/luoshi-bench' }),
  };
  try {
    const circular = parts.has('circular');
    const circularWeek = circular
      ? await timeRuns(timer, 10, () => prepareCircular(db, ctx, { kind: 'week' }))
      : null;
    const circularMonth = circular
      ? await timeRuns(timer, 5, () => prepareCircular(db, ctx, { kind: 'month' }))
      : null;
    const leader = {
      ...ctx,
      actor: { id: 1, login: 'leader1', name: '领导1', departmentId: 1, roles: ['leader' as const] },
    };
    const board = parts.has('dashboard')
      ? await timeRuns(timer, 10, () => dashboard(db, leader, { scope: 'all', period: 'week' }))
      : null;
    let redItems: InProcessFigures['redItems'] = null;
    if (parts.has('lights')) {
      const red = () => listVisibleItems(db, ctx, { light: 'red', page: 1, pageSize: 20 });
      redItems = { ...(await timeRuns(timer, 5, red)), total: (await red()).total };
    }
    const listBuilt = parts.has('list')
      ? await timeRuns(timer, 20, () => listVisibleItems(db, ctx, LIST_QUERY(busiest)))
      : null;
    const others = { circularWeek, circularMonth, dashboard: board, redItems, listBuilt };
    if (!parts.has('sweep')) return { ...others, firstSweep: null, sweep: null };
    await forgetSweeps(database.db);
    const sweepAt = async (at: Date): Promise<Sweep> => {
      const before = await noticeCount(database.db);
      timer.reset();
      const start = performance.now();
      const cpu = process.cpuUsage();
      const swept = await sweepReminders(db, { ...ctx, actor: null, clock: new TestClock(at) });
      const used = process.cpuUsage(cpu);
      return {
        total: performance.now() - start,
        cpu: (used.user + used.system) / 1000,
        sql: timer.total,
        reminders: swept.reminders,
        notices: (await noticeCount(database.db)) - before,
        queries: timer.queries,
      };
    };
    const firstSweep = await sweepAt(yesterday);
    const sweep = await sweepAt(today);
    return { ...others, firstSweep, sweep };
  } finally {
    await database.close();
  }
}
