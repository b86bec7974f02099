import { nowIso, type Ctx } from '../../../platform/context.js';
import type { Executor, Tx } from '../../../platform/db/schema.js';
import { AppError, notFound, stale } from '../../../platform/http/errors.js';
import { recordAudit } from '../../audit/index.js';
import { issueGrant } from './grants.js';
import {
  decideOrder,
  findOrder,
  insertOrder,
  listOrders,
  type OrderFilter,
  type OrderRow,
} from './orders-repository.js';
import { loadPlan } from './plans.js';
import { mayAdministerAccess, mayHoldMembership, mayViewOrder } from './policy.js';

export async function loadOrder(db: Executor, ctx: Ctx, id: number): Promise<OrderRow> {
  const order = await findOrder(db, id);
  if (!order) throw notFound('订单');
  mayViewOrder(ctx.actor, order);
  return order;
}

/** 下单: the member orders an active member plan at its current price; payment is confirmed later. */
export async function placeOrder(trx: Tx, ctx: Ctx, planId: number): Promise<number> {
  const member = mayHoldMembership(ctx.actor, '下单');
  const plan = await loadPlan(trx, planId);
  if (plan.active !== 1) throw new AppError('INVALID_STATE', '方案：该方案已停售');
  if (plan.tier !== 'member') throw new AppError('INVALID_STATE', '方案：免费方案无需下单');
  const id = await insertOrder(trx, {
    member_id: member.id,
    plan_id: plan.id,
    amount_cents: plan.price_cents,
    status: 'pending',
    created_at: nowIso(ctx),
  });
  await recordAudit(trx, ctx, {
    action: 'library.order.create',
    objectType: 'library_order',
    objectId: id,
    changes: { planId, amountCents: plan.price_cents },
  });
  return id;
}

/** 确认收款: records the payment and issues the paid grant, stacked after the member's current run. */
export async function confirmOrder(
  trx: Tx,
  ctx: Ctx,
  id: number,
  input: { version: number; paidCents: number; reference: string },
): Promise<number> {
  const admin = mayAdministerAccess(ctx.actor, '确认收款');
  const order = await loadOrder(trx, ctx, id);
  if (order.status !== 'pending') throw new AppError('INVALID_STATE', '订单：只能确认待确认收款的订单');
  const decided = await decideOrder(trx, id, input.version, {
    status: 'paid',
    paid_cents: input.paidCents,
    payment_ref: input.reference,
    decided_by: admin.id,
    decided_at: nowIso(ctx),
  });
  if (!decided) throw stale();
  await recordAudit(trx, ctx, {
    action: 'library.order.confirm',
    objectType: 'library_order',
    objectId: id,
    changes: { paidCents: input.paidCents, reference: input.reference },
  });
  const plan = await loadPlan(trx, order.plan_id);
  return issueGrant(trx, ctx, order.member_id, { plan }, { source: 'paid', orderId: id });
}

/** 取消: the member withdraws their own pending order, or the administrator closes one never paid. */
export async function cancelOrder(trx: Tx, ctx: Ctx, id: number, version: number): Promise<void> {
  const order = await loadOrder(trx, ctx, id);
  if (order.status !== 'pending') throw new AppError('INVALID_STATE', '订单：只能取消待确认收款的订单');
  const decided = await decideOrder(trx, id, version, {
    status: 'cancelled',
    decided_by: ctx.actor?.id ?? null,
    decided_at: nowIso(ctx),
  });
  if (!decided) throw stale();
  await recordAudit(trx, ctx, { action: 'library.order.cancel', objectType: 'library_order', objectId: id });
}

export function listAllOrders(db: Executor, ctx: Ctx, filter: OrderFilter) {
  mayAdministerAccess(ctx.actor, '查看订单');
  return listOrders(db, filter);
}
