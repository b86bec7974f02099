import type { GrantSource } from '../../../../../shared/src/library.js';
import { nowIso, type Ctx } from '../../../platform/context.js';
import { serialLock } from '../../../platform/db/database.js';
import type { Executor, Tx } from '../../../platform/db/schema.js';
import { AppError, notFound } from '../../../platform/http/errors.js';
import { holdAuditChain, recordAudit } from '../../audit/index.js';
import { rolesOf } from '../../identity/index.js';
import {
  findGrant,
  insertGrant,
  listGrants,
  markRevoked,
  memberSpans,
  type GrantFilter,
  type GrantRow,
} from './grants-repository.js';
import { addPeriod } from './plans.js';
import type { PlanRow } from './plans-repository.js';
import { mayAdministerAccess } from './policy.js';
import { stackedStart } from './window.js';

/** Grants of one member are issued one at a time, so two stacked grants never start at the same end. */
const MEMBER_GRANT_LOCK = 0x4c4700000;

export interface GrantOrigin {
  source: GrantSource;
  orderId?: number;
  codeId?: number;
  note?: string;
}

/** The member a grant is for must exist and hold the member role; anyone else is not found. */
export async function requireMember(db: Executor, memberId: number): Promise<void> {
  if (!(await rolesOf(db, memberId)).includes('member')) throw notFound('会员');
}

/**
 * Issues a grant of `days` or of the plan's period, starting where the member's current run ends
 * (or now, when none is in force). A free-tier plan gives an open-ended free grant.
 */
export async function issueGrant(
  trx: Tx,
  ctx: Ctx,
  memberId: number,
  term: { plan: PlanRow | null; days?: number; backYears?: number },
  origin: GrantOrigin,
): Promise<number> {
  await holdAuditChain(trx);
  await serialLock(trx, MEMBER_GRANT_LOCK + memberId);
  const now = nowIso(ctx);
  const { plan } = term;
  const tier = plan?.tier ?? 'member';
  let startsAt = now;
  let endsAt: string | null = null;
  if (tier === 'member') {
    const start = stackedStart(await memberSpans(trx, memberId), now);
    if (start === null) throw new AppError('INVALID_STATE', '该会员已有长期有效的会员权益，无需叠加');
    startsAt = start;
    endsAt = plan
      ? addPeriod(start, plan)
      : addPeriod(start, { period_unit: 'day', period_count: term.days ?? 0 });
  }
  const backYears = term.backYears ?? plan?.back_years ?? 3;
  const id = await insertGrant(trx, {
    member_id: memberId,
    tier,
    source: origin.source,
    plan_id: plan?.id ?? null,
    order_id: origin.orderId ?? null,
    code_id: origin.codeId ?? null,
    starts_at: startsAt,
    ends_at: endsAt,
    back_years: backYears,
    note: origin.note ?? '',
    created_by: ctx.actor?.id ?? null,
    created_at: now,
  });
  await recordAudit(trx, ctx, {
    action: 'library.grant.issue',
    objectType: 'library_grant',
    objectId: id,
    changes: { memberId, tier, source: origin.source, planId: plan?.id ?? null, startsAt, endsAt, backYears },
  });
  return id;
}

/** Sources an administrator may give by hand; paid, redeem and signup grants come from their own flows. */
export const GIVEN_SOURCES = ['comp', 'trial', 'reward', 'group_seat'] as const;

/** 赠送: the system administrator gives a member some days of membership, with the reason on record. */
export async function giveComp(
  trx: Tx,
  ctx: Ctx,
  input: {
    memberId: number;
    days: number;
    backYears: number;
    reason: string;
    source: (typeof GIVEN_SOURCES)[number];
  },
): Promise<number> {
  mayAdministerAccess(ctx.actor, '赠送权益');
  await requireMember(trx, input.memberId);
  return issueGrant(
    trx,
    ctx,
    input.memberId,
    { plan: null, days: input.days, backYears: input.backYears },
    { source: input.source, note: input.reason },
  );
}

export async function revokeGrant(trx: Tx, ctx: Ctx, id: number, reason: string): Promise<void> {
  const actor = mayAdministerAccess(ctx.actor, '撤销权益');
  const grant = await findGrant(trx, id);
  if (!grant) throw notFound('权益');
  const at = nowIso(ctx);
  if (!(await markRevoked(trx, id, { revoked_at: at, revoked_by: actor.id, revoke_reason: reason }))) {
    throw new AppError('INVALID_STATE', '该权益已被撤销');
  }
  await recordAudit(trx, ctx, {
    action: 'library.grant.revoke',
    objectType: 'library_grant',
    objectId: id,
    changes: { memberId: grant.member_id, reason, revokedAt: at },
  });
}

export function listAllGrants(db: Executor, ctx: Ctx, filter: GrantFilter) {
  mayAdministerAccess(ctx.actor, '查看权益');
  return listGrants(db, filter);
}

export async function loadGrant(db: Executor, id: number): Promise<GrantRow> {
  const grant = await findGrant(db, id);
  if (!grant) throw notFound('权益');
  return grant;
}
