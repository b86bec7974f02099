import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { serialLock } from '../db/database.js';
import type { Db, Tx } from '../db/schema.js';
import { nowIso, type Ctx } from '../context.js';
import { AppError, invalid } from './errors.js';
import { findIdempotencyKey, saveIdempotencyKey } from './idempotency-repository.js';

export interface Created<T> {
  status: number;
  body: T;
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return (
    e.code === '23505' ||
    e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    /UNIQUE constraint failed/.test(e.message ?? '')
  );
}

/**
 * Run a creating request in one transaction. With an `Idempotency-Key` header the response is stored
 * in that same transaction, so a retried request returns the first response and never creates twice.
 */
export async function createOnce<T>(
  req: FastifyRequest,
  db: Db,
  ctx: Ctx,
  run: (trx: Tx) => Promise<T>,
  status = 201,
): Promise<Created<T>> {
  const header = req.headers['idempotency-key'];
  const key = Array.isArray(header) ? header[0] : header;
  if (key === undefined) return { status, body: await db.transaction().execute(run) };
  if (key.length < 8 || key.length > 200) throw invalid('Idempotency-Key', '长度应为 8～200 个字符');
  const scope = ctx.actor ? `user:${ctx.actor.id}` : `anon:${ctx.clientIp ?? ''}`;
  const requestHash = createHash('sm3')
    .update(
      `${req.method} ${req.routeOptions.url ?? req.url}\n${JSON.stringify(req.params ?? {})}\n${JSON.stringify(req.body ?? null)}`,
    )
    .digest('hex');

  const attempt = () =>
    db.transaction().execute(async (trx): Promise<Created<T>> => {
      // Requests with the same key wait for each other, so the second sees the first one's stored response.
      await serialLock(trx, createHash('sm3').update(`${scope}\n${key}`).digest().readInt32BE(0));
      const existing = await findIdempotencyKey(trx, scope, key);
      if (existing) {
        if (existing.request_hash !== requestHash) throw new AppError('IDEMPOTENCY_MISMATCH');
        return { status: existing.status_code, body: JSON.parse(existing.response_body) as T };
      }
      const body = await run(trx);
      await saveIdempotencyKey(trx, {
        scope,
        key,
        request_hash: requestHash,
        status_code: status,
        response_body: JSON.stringify(body),
        created_at: nowIso(ctx),
      });
      return { status, body };
    });

  try {
    return await attempt();
  } catch (error) {
    // A concurrent request with the same key committed first: answer with its stored response.
    if (isUniqueViolation(error)) return attempt();
    throw error;
  }
}
