import { sql } from 'kysely';
import { DAY } from '../../platform/clock.js';
import { dialectOf, serialLock } from '../../platform/db/database.js';
import type { Db } from '../../platform/db/schema.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/http/errors.js';
import { PURGE_ACTION, purgeBoundary } from './boundary.js';
import { purgeMac, type PurgeFacts } from './hash.js';
import { AUDIT_CHAIN_LOCK, recordAudit } from './record.js';
import { deleteRowsUpTo, firstSeqAtOrAfter, headRow, lastRowBelow } from './repository.js';
import { verifyAuditTrail } from './verify.js';

/** 等保三级: audit records are kept at least six months. The PostgreSQL trigger enforces the same. */
export const RETENTION_DAYS = 183;

function parseBefore(before: string): Date {
  const at = /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/.test(before) ? new Date(before) : new Date(NaN);
  if (Number.isNaN(at.getTime()))
    throw new AppError('VALIDATION_FAILED', '清理截止日期：应为 YYYY-MM-DD 格式的日期', { field: 'before' });
  return at;
}

/**
 * Delete the audit rows written before `before` (a date is UTC midnight), keeping at least
 * RETENTION_DAYS. The purge leaves an 'audit.purge' record whose MAC lets verify accept the chain's
 * new start; see boundary.ts.
 */
export async function purgeAudit(
  db: Db,
  ctx: Ctx,
  before: string,
): Promise<{ rows: number; upToSeq: number; before: string }> {
  const cutoff = parseBefore(before);
  const latest = new Date(ctx.clock.now().getTime() - RETENTION_DAYS * DAY);
  if (cutoff > latest)
    throw new AppError(
      'VALIDATION_FAILED',
      `清理截止日期：审计日志至少保留 ${RETENTION_DAYS} 天，截止日期不能晚于 ${latest.toISOString().slice(0, 10)}`,
      { field: 'before' },
    );
  // Deleting rows from a trail that already fails would erase the evidence of the tampering.
  const check = await verifyAuditTrail(db, ctx.keys);
  if (check.firstBad)
    throw new AppError(
      'INVALID_STATE',
      `审计日志校验未通过（第 ${check.firstBad.seq} 条，${check.firstBad.reason}），不能清理`,
    );
  const iso = cutoff.toISOString();

  return db.transaction().execute(async (trx) => {
    await serialLock(trx, AUDIT_CHAIN_LOCK);
    const head = await headRow(trx);
    const { boundary, forged } = await purgeBoundary(trx, ctx.keys, head?.seq ?? 0);
    if (forged) throw new AppError('INVALID_STATE', `审计日志校验未通过（第 ${forged.seq} 条），不能清理`);
    // Delete a prefix of the chain — never a row above one that stays, even if clocks made `at`
    // run backwards — and never the head, which the purge record must link to.
    const keepFrom = Math.min((await firstSeqAtOrAfter(trx, iso)) ?? Infinity, head?.seq ?? 0);
    const lastGone = await lastRowBelow(trx, keepFrom);
    let facts: PurgeFacts = { before: iso, rows: 0, ...boundary };
    if (lastGone) {
      // The append-only trigger lets this transaction delete rows older than this instant only.
      if (dialectOf(trx) === 'postgres')
        await sql`select set_config('luoshi.audit_purge_before', ${iso}, true)`.execute(trx);
      const rows = await deleteRowsUpTo(trx, lastGone.seq);
      facts = {
        before: iso,
        rows,
        upToSeq: lastGone.seq,
        headHash: lastGone.hash,
        purgedTotal: boundary.purgedTotal + rows,
      };
    }
    await recordAudit(trx, ctx, {
      action: PURGE_ACTION,
      objectType: 'audit_log',
      changes: { ...facts, mac: purgeMac(ctx.keys.auditMac, facts) },
    });
    return { rows: facts.rows, upToSeq: facts.upToSeq, before: iso };
  });
}
