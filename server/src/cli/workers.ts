import { hostname } from 'node:os';
import { DAY } from '../platform/clock.js';
import type { AppDeps } from '../platform/deps.js';
import { purgeIdempotencyKeys } from '../platform/http/idempotency-repository.js';
import { auditCheckpointJob } from '../modules/audit/index.js';
import { purgeSessions } from '../modules/identity/index.js';
import { libraryPublishJob } from '../modules/library/materials/index.js';
import { libraryPushJob } from '../modules/library/push/index.js';
import { notifyJobHandlers } from '../modules/notify/index.js';
import { supervisionReminderJob } from '../modules/supervision/index.js';
import {
  createJobRunner,
  type JobRunner,
  type JobRunnerOptions,
  type ScheduledJob,
} from '../modules/jobs/index.js';

const ago = (deps: AppDeps, ms: number) => new Date(deps.clock.now().getTime() - ms).toISOString();

/** Every scheduled job of the system. */
export const scheduledJobs: readonly ScheduledJob[] = [
  auditCheckpointJob,
  supervisionReminderJob,
  libraryPublishJob,
  libraryPushJob,
  {
    name: 'sessions.purge',
    intervalSeconds: DAY / 1000,
    // A day's grace: someone returning to an expired session is told it expired, not asked who they are.
    run: async (_payload, deps) => {
      await purgeSessions(deps.db, ago(deps, DAY));
    },
  },
  {
    name: 'idempotency.purge',
    intervalSeconds: DAY / 1000,
    run: async (_payload, deps) => {
      await purgeIdempotencyKeys(deps.db, ago(deps, 7 * DAY));
    },
  },
];

/** The runner of every job the system knows, as a worker process runs it. */
export function createWorkerRunner(
  deps: AppDeps,
  options: Omit<Partial<JobRunnerOptions>, 'deps' | 'handlers' | 'schedules'> = {},
): JobRunner {
  return createJobRunner({
    deps,
    handlers: {
      ...Object.fromEntries(scheduledJobs.map((job) => [job.name, job.run])),
      ...notifyJobHandlers,
    },
    schedules: scheduledJobs,
    workerId: `${hostname()}:${process.pid}`,
    ...options,
  });
}

/** Background work of a worker process; returns a function that stops it. */
export function startWorkers(deps: AppDeps): () => Promise<void> {
  const runner = createWorkerRunner(deps, { holdProcess: true });
  runner.start();
  return () => runner.stop();
}
