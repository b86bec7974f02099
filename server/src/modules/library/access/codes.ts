import { createHash, randomInt } from 'node:crypto';
import { REDEEM_CODE_ALPHABET } from '../../../../../shared/src/library.js';
import { nowIso, type Ctx } from '../../../platform/context.js';
import type { Executor, Tx } from '../../../platform/db/schema.js';
import { AppError, invalid, notFound } from '../../../platform/http/errors.js';
import { decryptField, encryptField } from '../../../platform/keys.js';
import { recordAudit } from '../../audit/index.js';
import {
  claimCode,
  findBatch,
  findCode,
  insertBatch,
  insertCodes,
  listBatches,
  takePendingCodes,
} from './codes-repository.js';
import { issueGrant } from './grants.js';
import { loadPlan } from './plans.js';
import { mayAdministerAccess, mayHoldMembership } from './policy.js';

const GROUPS = 4;
const GROUP_LENGTH = 4;

/** 16 characters of 32 (80 bits), shown as XXXX-XXXX-XXXX-XXXX. */
export function newCode(): string {
  const chars = Array.from({ length: GROUPS * GROUP_LENGTH }, () => REDEEM_CODE_ALPHABET[randomInt(32)]);
  return Array.from({ length: GROUPS }, (_, i) =>
    chars.slice(i * GROUP_LENGTH, (i + 1) * GROUP_LENGTH).join(''),
  ).join('-');
}

/** Case, spaces and dashes do not matter when a member types a code. */
export function normalizeCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

/** Only hashes are kept: a copy of the database gives no usable code. */
const hashCode = (code: string) => createHash('sm3').update(normalizeCode(code)).digest('hex');

export async function generateBatch(
  trx: Tx,
  ctx: Ctx,
  input: { planId: number; count: number; expiresAt: string; note: string },
): Promise<number> {
  const admin = mayAdministerAccess(ctx.actor, '生成兑换码');
  const plan = await loadPlan(trx, input.planId);
  if (plan.tier !== 'member') throw new AppError('INVALID_STATE', '方案：兑换码只能兑换会员方案');
  if (input.expiresAt <= nowIso(ctx)) throw invalid('有效期至', '应晚于当前时间');
  const codes = new Set<string>();
  while (codes.size < input.count) codes.add(newCode());
  const list = [...codes];
  const id = await insertBatch(trx, {
    plan_id: plan.id,
    count: list.length,
    expires_at: input.expiresAt,
    note: input.note,
    pending_codes: encryptField(ctx.keys, JSON.stringify(list)),
    created_by: admin.id,
    created_at: nowIso(ctx),
  });
  await insertCodes(trx, id, list.map(hashCode));
  await recordAudit(trx, ctx, {
    action: 'library.codes.generate',
    objectType: 'library_code_batch',
    objectId: id,
    changes: { planId: plan.id, count: list.length, expiresAt: input.expiresAt },
  });
  return id;
}

/** The batch's plain codes, once: the export forgets them, so a lost file means a new batch. */
export async function exportBatch(trx: Tx, ctx: Ctx, id: number): Promise<string[]> {
  mayAdministerAccess(ctx.actor, '导出兑换码');
  if (!(await findBatch(trx, id))) throw notFound('兑换码批次');
  const sealed = await takePendingCodes(trx, id, nowIso(ctx));
  if (sealed === null) throw new AppError('INVALID_STATE', '该批兑换码已导出过，为安全起见不能再次导出');
  await recordAudit(trx, ctx, {
    action: 'library.codes.export',
    objectType: 'library_code_batch',
    objectId: id,
  });
  return JSON.parse(decryptField(ctx.keys, sealed)) as string[];
}

export function codeBatches(db: Executor, ctx: Ctx) {
  mayAdministerAccess(ctx.actor, '查看兑换码');
  return listBatches(db);
}

/** 兑换: a valid, unexpired, unused code gives the batch's plan, stacked like a paid order. */
export async function redeemCode(trx: Tx, ctx: Ctx, input: string): Promise<number> {
  const member = mayHoldMembership(ctx.actor, '兑换');
  const code = await findCode(trx, hashCode(input));
  if (!code) throw invalid('兑换码', '不存在，请核对后重新输入');
  const now = nowIso(ctx);
  if (code.expires_at <= now) throw new AppError('INVALID_STATE', '兑换码：已过期');
  if (code.redeemed_at !== null || !(await claimCode(trx, code.id, member.id, now))) {
    throw new AppError('INVALID_STATE', '兑换码：已被使用');
  }
  await recordAudit(trx, ctx, {
    action: 'library.code.redeem',
    objectType: 'library_code',
    objectId: code.id,
  });
  const plan = await loadPlan(trx, code.plan_id);
  return issueGrant(trx, ctx, member.id, { plan }, { source: 'redeem', codeId: code.id });
}
