import { DAY } from '../../../platform/clock.js';
import type { Actor, Ctx } from '../../../platform/context.js';
import type { Tx } from '../../../platform/db/schema.js';
import { findUserByLogin } from '../../identity/index.js';
import { confirmOrder, placeOrder } from './orders.js';
import { createPlan, loadPlan } from './plans.js';
import { giveSignupGrant } from './signup.js';

/** `actor` acting `daysAgo` days before the load, so grants and orders carry the story's dates. */
const as = (base: Ctx, actor: Actor, daysAgo: number): Ctx => {
  const at = new Date(base.clock.now().getTime() - daysAgo * DAY);
  return { ...base, actor, clock: { now: () => new Date(at) } };
};

/**
 * Demo plans and memberships, played through the services: member1 bought a year five months ago
 * (active), member2's month ran out three months ago (lapsed), member3 holds only the free signup grant.
 */
export async function loadDemoMemberships(
  trx: Tx,
  ctx: Ctx,
  people: ReadonlyMap<string, Actor>,
): Promise<void> {
  const admin = await findUserByLogin(trx, 'sysadmin');
  if (!admin) return;
  const adminActor: Actor = {
    id: admin.id,
    login: admin.login,
    name: admin.name,
    departmentId: null,
    roles: ['system_admin'],
  };
  const setup = as(ctx, adminActor, 200);
  const plan = (name: string, tier: 'free' | 'member', months: number, priceCents: number) =>
    createPlan(trx, setup, {
      name,
      tier,
      period_unit: 'month',
      period_count: months,
      back_years: 3,
      price_cents: priceCents,
      active: 1,
    });
  await plan('免费注册', 'free', 1, 0);
  const monthly = await plan('月度会员', 'member', 1, 4_000);
  const yearly = await plan('年度会员', 'member', 12, 36_000);

  const buy = async (login: string, planId: number, daysAgo: number) => {
    const member = people.get(login);
    if (!member) return;
    const order = await placeOrder(trx, as(ctx, member, daysAgo), planId);
    const paid = as(ctx, adminActor, daysAgo);
    await confirmOrder(trx, paid, order, {
      version: 1,
      paidCents: (await loadPlan(trx, planId)).price_cents,
      reference: `演示转账${order}`,
    });
  };
  // The accounts predate the free plan here, so their signup grants are given now, as of the setup day.
  for (const login of ['member1', 'member2', 'member3']) {
    const member = people.get(login);
    if (member) await giveSignupGrant(trx, setup, member.id);
  }
  await buy('member1', yearly, 150);
  await buy('member2', monthly, 120);
}
