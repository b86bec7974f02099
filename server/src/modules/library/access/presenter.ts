import { z } from 'zod';
import type { Executor } from '../../../platform/db/schema.js';
import { namesOfUsers } from '../../identity/index.js';
import type { GrantRow } from './grants-repository.js';
import type { OrderRow } from './orders-repository.js';
import { plansByIds, type PlanRow } from './plans-repository.js';
import type { AccessWindow } from './window.js';

/** API shapes of plans, grants, orders, code batches and a member's access window. */

export const planView = z.object({
  id: z.number(),
  name: z.string(),
  tier: z.enum(['free', 'member']),
  periodUnit: z.enum(['day', 'month']),
  periodCount: z.number(),
  backYears: z.number(),
  priceCents: z.number(),
  active: z.boolean(),
  version: z.number(),
});

export const presentPlan = (p: PlanRow): z.infer<typeof planView> => ({
  id: p.id,
  name: p.name,
  tier: p.tier,
  periodUnit: p.period_unit,
  periodCount: p.period_count,
  backYears: p.back_years,
  priceCents: p.price_cents,
  active: p.active === 1,
  version: p.version,
});

export const windowView = z.object({
  tier: z.enum(['free', 'member']),
  runStart: z.string().nullable(),
  runEnd: z.string().nullable(),
  earliestContentOn: z.string().nullable(),
});

export const presentWindow = (w: AccessWindow): z.infer<typeof windowView> => ({ ...w });

export const grantView = z.object({
  id: z.number(),
  memberId: z.number(),
  memberName: z.string(),
  tier: z.enum(['free', 'member']),
  source: z.string(),
  planName: z.string().nullable(),
  orderId: z.number().nullable(),
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  backYears: z.number(),
  note: z.string(),
  state: z.enum(['upcoming', 'active', 'ended', 'revoked']),
  revokedAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
  createdAt: z.string(),
});

export const orderView = z.object({
  id: z.number(),
  memberId: z.number(),
  memberName: z.string(),
  planId: z.number(),
  planName: z.string(),
  amountCents: z.number(),
  status: z.enum(['pending', 'paid', 'cancelled']),
  paidCents: z.number().nullable(),
  paymentRef: z.string().nullable(),
  decidedAt: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
});

async function namesAndPlans(db: Executor, memberIds: number[], planIds: number[]) {
  const names = new Map((await namesOfUsers(db, memberIds)).map((u) => [u.id, u.name]));
  return { names, plans: await plansByIds(db, planIds) };
}

function stateOf(g: GrantRow, now: string): z.infer<typeof grantView>['state'] {
  if (g.revoked_at !== null) return 'revoked';
  if (g.starts_at > now) return 'upcoming';
  return g.ends_at === null || now < g.ends_at ? 'active' : 'ended';
}

export async function presentGrants(
  db: Executor,
  rows: readonly GrantRow[],
  now: string,
): Promise<z.infer<typeof grantView>[]> {
  const planIds = rows.flatMap((g) => (g.plan_id === null ? [] : [g.plan_id]));
  const { names, plans } = await namesAndPlans(
    db,
    rows.map((g) => g.member_id),
    planIds,
  );
  return rows.map((g) => ({
    id: g.id,
    memberId: g.member_id,
    memberName: names.get(g.member_id) ?? '',
    tier: g.tier,
    source: g.source,
    planName: g.plan_id === null ? null : (plans.get(g.plan_id)?.name ?? null),
    orderId: g.order_id,
    startsAt: g.starts_at,
    endsAt: g.ends_at,
    backYears: g.back_years,
    note: g.note,
    state: stateOf(g, now),
    revokedAt: g.revoked_at,
    revokeReason: g.revoke_reason,
    createdAt: g.created_at,
  }));
}

export async function presentOrders(
  db: Executor,
  rows: readonly OrderRow[],
): Promise<z.infer<typeof orderView>[]> {
  const { names, plans } = await namesAndPlans(
    db,
    rows.map((o) => o.member_id),
    rows.map((o) => o.plan_id),
  );
  return rows.map((o) => ({
    id: o.id,
    memberId: o.member_id,
    memberName: names.get(o.member_id) ?? '',
    planId: o.plan_id,
    planName: plans.get(o.plan_id)?.name ?? '',
    amountCents: o.amount_cents,
    status: o.status,
    paidCents: o.paid_cents,
    paymentRef: o.payment_ref,
    decidedAt: o.decided_at,
    version: o.version,
    createdAt: o.created_at,
  }));
}

export async function presentGrant(
  db: Executor,
  row: GrantRow,
  now: string,
): Promise<z.infer<typeof grantView>> {
  const [view] = await presentGrants(db, [row], now);
  if (!view) throw new Error('presentGrants dropped a row');
  return view;
}
