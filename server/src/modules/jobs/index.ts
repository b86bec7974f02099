import type { Module } from '../../platform/http/app.js';
import { jobRoutes } from './routes.js';

/** The administrators' view of background jobs: GET /api/jobs, POST /api/jobs/:id/retry. */
export const jobsModule: Module = { name: 'jobs', register: jobRoutes };

export {
  createJobRunner,
  retryDelayMs,
  type JobHandler,
  type JobRunner,
  type JobRunnerOptions,
  type ScheduledJob,
} from './runner.js';
export { enqueueJob, enqueueJobsFrom, type EnqueueRequest } from './service.js';
