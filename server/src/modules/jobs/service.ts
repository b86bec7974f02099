import type { RawBuilder } from 'kysely';
import type { Executor } from '../../platform/db/schema.js';
import { nowIso, type Ctx } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { recordAudit } from '../audit/index.js';
import { findJob, insertJob, insertJobsFrom, requeueFailedJob, type JobRow } from './repository.js';
import { DEFAULT_MAX_ATTEMPTS } from './runner.js';

export interface EnqueueRequest {
  name: string;
  /** JSON-serialisable; the handler receives it parsed. */
  payload: unknown;
  runAt?: string;
  /** The same logical job (e.g. "reminder:task:42") is enqueued once, however often this is called. */
  uniqueKey?: string;
  maxAttempts?: number;
}

/**
 * Queue a job inside the caller's transaction, so it exists exactly when the change that asked for
 * it commits. Returns the job's id; `created` is false when the unique key was already queued.
 */
export function enqueueJob(
  trx: Executor,
  ctx: Ctx,
  job: EnqueueRequest,
): Promise<{ id: number; created: boolean }> {
  const maxAttempts = job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new Error('maxAttempts 应为正整数');
  const now = nowIso(ctx);
  return insertJob(trx, {
    name: job.name,
    payload: JSON.stringify(job.payload ?? null),
    uniqueKey: job.uniqueKey ?? null,
    // Normalised to UTC ISO: SQLite compares run_at as text.
    runAt: job.runAt ? new Date(job.runAt).toISOString() : now,
    maxAttempts,
    now,
  });
}

/** enqueueJob for many jobs of one name at once, from rows the database selects (seq, payload, run_at). */
export function enqueueJobsFrom(
  trx: Executor,
  ctx: Ctx,
  job: { name: string; maxAttempts: number },
  source: RawBuilder<{ seq: number; payload: string; run_at: string }>,
): Promise<number> {
  return insertJobsFrom(trx, { ...job, now: nowIso(ctx) }, source);
}

/** An administrator puts a failed job back in the queue with its attempts reset. */
export async function retryFailedJob(trx: Executor, ctx: Ctx, id: number): Promise<JobRow> {
  const before = await findJob(trx, id);
  if (!before) throw notFound('任务');
  const job = await requeueFailedJob(trx, id, nowIso(ctx));
  if (!job) throw new AppError('INVALID_STATE', '只有执行失败的任务可以重试');
  await recordAudit(trx, ctx, {
    action: 'job.retry',
    objectType: 'job',
    objectId: id,
    changes: {
      name: job.name,
      status: { before: before.status, after: job.status },
      attempts: { before: before.attempts, after: job.attempts },
      lastError: before.last_error,
    },
  });
  return job;
}
