import { nowIso, type Ctx } from '../../../platform/context.js';
import type { Executor } from '../../../platform/db/schema.js';
import { windowOf } from './access.js';
import { listGrants } from './grants-repository.js';
import { listOrders } from './orders-repository.js';
import { mayHoldMembership } from './policy.js';
import { presentGrants, presentOrders, presentWindow } from './presenter.js';

/** 我的会员: what the member can read now, their grants (codes used among them) and their orders. */
export async function myMembership(db: Executor, ctx: Ctx) {
  const member = mayHoldMembership(ctx.actor, '查看会员权益');
  const now = nowIso(ctx);
  const grants = await listGrants(db, { memberId: member.id, page: 1, pageSize: 200 });
  const orders = await listOrders(db, { memberId: member.id, page: 1, pageSize: 200 });
  return {
    window: presentWindow(await windowOf(db, member.id, ctx.clock.now())),
    grants: await presentGrants(db, grants.rows, now),
    orders: await presentOrders(db, orders.rows),
  };
}
