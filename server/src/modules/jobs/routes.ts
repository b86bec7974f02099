import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { mayManageJobs } from './policy.js';
import { listJobs, type JobRow } from './repository.js';
import { retryFailedJob } from './service.js';

const JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;

/** What administrators see of a job; the payload stays out, it may carry business data. */
const jobView = z.object({
  id: z.number(),
  name: z.string(),
  status: z.enum(JOB_STATUSES),
  attempts: z.number(),
  maxAttempts: z.number(),
  runAt: z.string(),
  lockedBy: z.string().nullable(),
  lockedUntil: z.string().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

function presentJob(row: JobRow): z.infer<typeof jobView> {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    runAt: row.run_at,
    lockedBy: row.locked_by,
    lockedUntil: row.locked_until,
    lastError: row.last_error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function jobRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;

  r.get(
    '/api/jobs',
    {
      schema: {
        tags: ['后台任务'],
        summary: '后台任务列表，最新的在前（系统管理员）',
        querystring: z.object({
          status: z.enum(JOB_STATUSES).optional(),
          name: z.string().trim().max(100).optional(),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: z.object({ total: z.number(), items: z.array(jobView) }) },
      },
    },
    async (req) => {
      mayManageJobs(req.ctx.actor);
      const { total, rows } = await listJobs(db, req.query);
      return { total, items: rows.map(presentJob) };
    },
  );

  r.post(
    '/api/jobs/:id/retry',
    {
      schema: {
        tags: ['后台任务'],
        summary: '重试执行失败的任务（系统管理员）',
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: { 200: jobView },
      },
    },
    async (req) => {
      mayManageJobs(req.ctx.actor);
      const job = await db.transaction().execute((trx) => retryFailedJob(trx, req.ctx, req.params.id));
      return presentJob(job);
    },
  );
}
