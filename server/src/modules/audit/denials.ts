import type { FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/schema.js';
import type { AppError } from '../../platform/http/errors.js';
import { recordAudit } from './record.js';

/** Permission denials are security events: each gets its own audit row, outside the failed request's transaction. */
export async function recordDenial(db: Db, error: AppError, req: FastifyRequest): Promise<void> {
  await db.transaction().execute((trx) =>
    recordAudit(trx, req.ctx, {
      action: error.code === 'CSRF_REJECTED' ? 'csrf.reject' : 'access.deny',
      objectType: 'route',
      objectId: `${req.method} ${req.routeOptions.url ?? req.url}`,
      outcome: 'denied',
      changes: { code: error.code, url: req.url },
    }),
  );
}
