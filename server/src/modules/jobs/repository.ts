import { sql, type RawBuilder, type Selectable } from 'kysely';
import { dialectOf, skipLocked, timestampParam } from '../../platform/db/database.js';
import type { Db, Executor, JobTable } from '../../platform/db/schema.js';

export type JobRow = Selectable<JobTable>;
export type JobStatus = JobTable['status'];

export interface NewJob {
  name: string;
  payload: string;
  uniqueKey: string | null;
  runAt: string;
  maxAttempts: number;
  now: string;
}

/**
 * Insert a queued job. A job whose unique_key already exists is not inserted again (ON CONFLICT DO
 * NOTHING, so the caller's PostgreSQL transaction is not aborted); the existing job's id is returned.
 */
export async function insertJob(db: Executor, job: NewJob): Promise<{ id: number; created: boolean }> {
  const inserted = await db
    .insertInto('jobs')
    .values({
      name: job.name,
      payload: job.payload,
      unique_key: job.uniqueKey,
      status: 'queued',
      run_at: job.runAt,
      attempts: 0,
      max_attempts: job.maxAttempts,
      created_at: job.now,
      updated_at: job.now,
    })
    .onConflict((oc) => oc.column('unique_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return { id: inserted.id, created: true };
  const existing = await db
    .selectFrom('jobs')
    .select('id')
    .where('unique_key', '=', job.uniqueKey)
    .executeTakeFirstOrThrow();
  return { id: existing.id, created: false };
}

/**
 * Insert one queued job per row of `source` (columns seq, payload, run_at), in seq order, inside the
 * database: for bulk writers such as the reminder sweep. Returns how many were written.
 */
export async function insertJobsFrom(
  db: Executor,
  job: { name: string; maxAttempts: number; now: string },
  source: RawBuilder<{ seq: number; payload: string; run_at: string }>,
): Promise<number> {
  const now = timestampParam(dialectOf(db), job.now);
  const result = await sql`
    insert into jobs (name, payload, unique_key, status, run_at, attempts, max_attempts, created_at, updated_at)
    select cast(${job.name} as text), s.payload, null, 'queued', s.run_at, 0, cast(${job.maxAttempts} as integer),
      ${now}, ${now}
    from (${source}) s where true order by s.seq`.execute(db);
  return Number(result.numAffectedRows ?? 0n);
}

/**
 * Claim the earliest due job for one worker, counting the attempt. On PostgreSQL SKIP LOCKED lets
 * concurrent workers pass each other's rows; on SQLite the BEGIN IMMEDIATE transaction serialises them.
 */
export function claimNextJob(
  db: Db,
  claim: { workerId: string; now: string; lockedUntil: string },
): Promise<JobRow | undefined> {
  const dialect = dialectOf(db);
  return db.transaction().execute((trx) =>
    trx
      .updateTable('jobs')
      .set((eb) => ({
        status: 'running',
        locked_by: claim.workerId,
        locked_until: claim.lockedUntil,
        attempts: eb('attempts', '+', 1),
        updated_at: claim.now,
      }))
      .where('id', '=', (eb) =>
        skipLocked(
          dialect,
          eb
            .selectFrom('jobs')
            .select('id')
            .where('status', '=', 'queued')
            .where('run_at', '<=', timestampParam(dialect, claim.now))
            .orderBy('run_at')
            .orderBy('id')
            .limit(1),
        ),
      )
      .returningAll()
      .executeTakeFirst(),
  );
}

/** Push the lock of a job this worker still holds further out; false when the worker lost it. */
export async function extendLock(
  db: Executor,
  id: number,
  workerId: string,
  lockedUntil: string,
): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({ locked_until: lockedUntil })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .where('locked_by', '=', workerId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Finish a run. Only the worker holding the lock may: a worker whose lock was recovered changes nothing. */
export async function finishJob(
  db: Executor,
  id: number,
  workerId: string,
  outcome:
    | { status: 'done'; now: string }
    | { status: 'queued'; now: string; runAt: string; error: string }
    | { status: 'failed'; now: string; error: string },
): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({
      status: outcome.status,
      locked_by: null,
      locked_until: null,
      updated_at: outcome.now,
      ...(outcome.status === 'queued' ? { run_at: outcome.runAt } : {}),
      ...(outcome.status !== 'done' ? { last_error: outcome.error } : {}),
    })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .where('locked_by', '=', workerId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Jobs whose worker died (lock expired) run again at once, since the lock time already served as the
 * wait; the lost run was counted when claimed, so those out of attempts fail instead.
 */
export async function recoverStaleJobs(db: Db, now: string, error: string): Promise<number> {
  const dialect = dialectOf(db);
  const stale = (trx: Executor) =>
    trx
      .updateTable('jobs')
      .set({ locked_by: null, locked_until: null, last_error: error, updated_at: now })
      .where('status', '=', 'running')
      .where('locked_until', '<', timestampParam(dialect, now));
  return db.transaction().execute(async (trx) => {
    const failed = await stale(trx)
      .set({ status: 'failed' })
      .where((eb) => eb('attempts', '>=', eb.ref('max_attempts')))
      .executeTakeFirst();
    const requeued = await stale(trx).set({ status: 'queued', run_at: now }).executeTakeFirst();
    return Number(failed.numUpdatedRows) + Number(requeued.numUpdatedRows);
  });
}

/** A failed job back in the queue with fresh attempts; undefined when it is not (or no longer) failed. */
export function requeueFailedJob(db: Executor, id: number, now: string): Promise<JobRow | undefined> {
  return db
    .updateTable('jobs')
    .set({ status: 'queued', attempts: 0, run_at: now, updated_at: now })
    .where('id', '=', id)
    .where('status', '=', 'failed')
    .returningAll()
    .executeTakeFirst();
}

export function findJob(db: Executor, id: number): Promise<JobRow | undefined> {
  return db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listJobs(
  db: Executor,
  filter: { status?: JobStatus | undefined; name?: string | undefined; page: number; pageSize: number },
): Promise<{ total: number; rows: JobRow[] }> {
  let query = db.selectFrom('jobs');
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.name) query = query.where('name', '=', filter.name);
  const { total } = await query
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  const rows = await query
    .selectAll()
    .orderBy('id', 'desc')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return { total: Number(total), rows };
}

/** Register schedules; an existing schedule keeps its next slot and takes the interval from the code. */
export async function upsertSchedules(
  db: Executor,
  schedules: readonly { name: string; intervalSeconds: number }[],
  firstRunAt: string,
): Promise<void> {
  if (schedules.length === 0) return;
  await db
    .insertInto('job_schedules')
    .values(
      schedules.map((s) => ({ name: s.name, interval_seconds: s.intervalSeconds, next_run_at: firstRunAt })),
    )
    .onConflict((oc) =>
      oc.column('name').doUpdateSet((eb) => ({ interval_seconds: eb.ref('excluded.interval_seconds') })),
    )
    .execute();
}

export function dueSchedules(db: Executor, names: readonly string[], now: string) {
  if (names.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('job_schedules')
    .selectAll()
    .where('name', 'in', names)
    .where('next_run_at', '<=', timestampParam(dialectOf(db), now))
    .execute();
}

/** Whether a job of this name is waiting or running, so a schedule does not stack a second run. */
export async function hasPendingJob(db: Executor, name: string): Promise<boolean> {
  const row = await db
    .selectFrom('jobs')
    .select('id')
    .where('name', '=', name)
    .where('status', 'in', ['queued', 'running'])
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Move a schedule from the slot it was read at to the next one; false when another process moved it first. */
export async function advanceSchedule(
  db: Executor,
  name: string,
  from: string,
  to: string,
): Promise<boolean> {
  const dialect = dialectOf(db);
  const result = await db
    .updateTable('job_schedules')
    .set({ next_run_at: to })
    .where('name', '=', name)
    .where('next_run_at', '=', timestampParam(dialect, from))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
