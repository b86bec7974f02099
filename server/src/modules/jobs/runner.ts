import type { AppDeps } from '../../platform/deps.js';
import { HOUR, MINUTE } from '../../platform/clock.js';
import {
  advanceSchedule,
  claimNextJob,
  dueSchedules,
  extendLock,
  finishJob,
  hasPendingJob,
  insertJob,
  recoverStaleJobs,
  upsertSchedules,
  type JobRow,
} from './repository.js';

/** Does one job's work. Throwing makes the job retry later; handlers must tolerate running again. */
export type JobHandler = (payload: unknown, deps: AppDeps) => Promise<void>;

/** A job the worker runs every `intervalSeconds`, in one process at a time. */
export interface ScheduledJob {
  name: string;
  intervalSeconds: number;
  run: JobHandler;
}

export interface JobRunnerOptions {
  deps: AppDeps;
  handlers: Readonly<Record<string, JobHandler>>;
  schedules?: readonly { name: string; intervalSeconds: number }[];
  /** Names this process in locked_by, so administrators can see who holds a job. */
  workerId: string;
  pollMs?: number;
  /** How long a claim holds before another worker may take the job over; renewed while the job runs. */
  lockMs?: number;
  /** Keep the process alive while polling: a worker-only process has nothing else holding it open. */
  holdProcess?: boolean;
  log?: (message: string, error?: unknown) => void;
}

export interface JobRunner {
  /** Run every due job, one at a time, until none is due (as of deps.clock); resolves to how many ran. */
  runDue(): Promise<number>;
  start(): void;
  /** Stop polling and wait for the job in hand; jobs still due stay queued for the next start. */
  stop(): Promise<void>;
}

export const DEFAULT_MAX_ATTEMPTS = 5;
const STALE_LOCK_ERROR = '执行超时：任务锁已过期，处理它的进程可能已中断';
const MAX_ERROR_LENGTH = 2000;

/** Wait before retry `attempt` + 1: 30 s, 1 min, 2 min, … capped at one hour. */
export function retryDelayMs(attempt: number): number {
  return Math.min(30_000 * 2 ** (attempt - 1), HOUR);
}

/** The first slot after `now` on the grid that starts at `from`, so a late tick skips missed slots. */
export function nextSlot(from: string, intervalSeconds: number, now: Date): string {
  const start = Date.parse(from);
  const step = intervalSeconds * 1000;
  return new Date(start + (Math.floor((now.getTime() - start) / step) + 1) * step).toISOString();
}

export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const { deps, handlers, workerId } = options;
  const { db, clock } = deps;
  const schedules = options.schedules ?? [];
  const pollMs = options.pollMs ?? 5_000;
  const lockMs = options.lockMs ?? 5 * MINUTE;
  const log = options.log ?? ((message, error) => console.error(`[jobs] ${message}`, error ?? ''));
  for (const s of schedules) {
    if (!Number.isInteger(s.intervalSeconds) || s.intervalSeconds <= 0)
      throw new Error(`定时任务 ${s.name} 的间隔应为正整数秒`);
    if (!Object.hasOwn(handlers, s.name)) throw new Error(`定时任务 ${s.name} 没有处理程序`);
  }

  const iso = (offsetMs = 0) => new Date(clock.now().getTime() + offsetMs).toISOString();
  let schedulesRegistered = false;
  let draining: Promise<number> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let polling = false;
  /** Set by stop(): the job in hand finishes, no further one is claimed. */
  let stopping = false;

  async function tickSchedules(): Promise<void> {
    if (!schedulesRegistered) {
      await upsertSchedules(db, schedules, iso());
      schedulesRegistered = true;
    }
    const now = clock.now();
    const due = await dueSchedules(
      db,
      schedules.map((s) => s.name),
      now.toISOString(),
    );
    for (const schedule of due) {
      await db.transaction().execute(async (trx) => {
        // The slot waits (not advanced) while the previous run is queued or running, so runs never overlap.
        if (await hasPendingJob(trx, schedule.name)) return;
        const next = nextSlot(schedule.next_run_at, schedule.interval_seconds, now);
        if (!(await advanceSchedule(trx, schedule.name, schedule.next_run_at, next))) return;
        await insertJob(trx, {
          name: schedule.name,
          payload: '{}',
          uniqueKey: `${schedule.name}@${schedule.next_run_at}`,
          runAt: schedule.next_run_at,
          maxAttempts: DEFAULT_MAX_ATTEMPTS,
          now: now.toISOString(),
        });
      });
    }
  }

  async function execute(job: JobRow): Promise<void> {
    const heartbeat = setInterval(() => {
      extendLock(db, job.id, workerId, iso(lockMs)).catch((error: unknown) =>
        log(`任务 ${job.name}#${job.id} 续锁失败`, error),
      );
    }, lockMs / 3);
    heartbeat.unref();
    let outcome: Parameters<typeof finishJob>[3];
    try {
      const handler = Object.hasOwn(handlers, job.name) ? handlers[job.name] : undefined;
      if (!handler) throw new Error(`没有名为 ${job.name} 的任务处理程序`);
      await handler(JSON.parse(job.payload), deps);
      outcome = { status: 'done', now: iso() };
    } catch (error) {
      log(`任务 ${job.name}#${job.id} 第 ${job.attempts} 次执行失败`, error);
      const message = (error instanceof Error ? error.message : String(error)).slice(0, MAX_ERROR_LENGTH);
      outcome =
        job.attempts >= job.max_attempts
          ? { status: 'failed', now: iso(), error: message }
          : { status: 'queued', now: iso(), runAt: iso(retryDelayMs(job.attempts)), error: message };
    } finally {
      clearInterval(heartbeat);
    }
    if (!(await finishJob(db, job.id, workerId, outcome)))
      log(`任务 ${job.name}#${job.id} 的锁已被其他进程收回，本次结果未记录`);
  }

  async function drain(): Promise<number> {
    await recoverStaleJobs(db, iso(), STALE_LOCK_ERROR);
    await tickSchedules();
    let ran = 0;
    while (!stopping) {
      const job = await claimNextJob(db, { workerId, now: iso(), lockedUntil: iso(lockMs) });
      if (!job) break;
      await execute(job);
      ran++;
    }
    return ran;
  }

  const runDue = () => (draining ??= drain().finally(() => (draining = null)));

  function poll(): void {
    runDue()
      .catch((error: unknown) => log('后台任务轮询失败', error))
      .finally(() => {
        if (!polling) return;
        timer = setTimeout(poll, pollMs);
        if (!options.holdProcess) timer.unref();
      });
  }

  return {
    runDue,
    start() {
      if (polling) return;
      polling = true;
      stopping = false;
      poll();
    },
    async stop() {
      polling = false;
      stopping = true;
      if (timer) clearTimeout(timer);
      await draining?.catch(() => undefined);
    },
  };
}
