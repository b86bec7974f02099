import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Ctx } from '../../../../platform/context.js';
import { createOnce } from '../../../../platform/http/idempotency.js';
import { cancelOrder, confirmOrder, listAllOrders, loadOrder, placeOrder } from '../orders.js';
import { orderView, presentOrders } from '../presenter.js';
import { idParam, page, version } from './schemas.js';

export function orderRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;
  const tags = ['资料库权益'];
  const one = async (ctx: Ctx, id: number) => {
    const [view] = await presentOrders(db, [await loadOrder(db, ctx, id)]);
    if (!view) throw new Error('order vanished');
    return view;
  };

  r.get(
    '/api/library/orders',
    {
      schema: {
        tags,
        summary: '订单列表，可按状态筛选（系统管理员）',
        querystring: z.object({ status: z.enum(['pending', 'paid', 'cancelled']).optional(), ...page }),
        response: { 200: z.object({ total: z.number(), items: z.array(orderView) }) },
      },
    },
    async (req) => {
      const { total, rows } = await listAllOrders(db, req.ctx, req.query);
      return { total, items: await presentOrders(db, rows) };
    },
  );

  r.post(
    '/api/library/orders',
    {
      schema: {
        tags,
        summary: '下单订购会员方案（会员）；付款后由系统管理员确认收款',
        body: z.object({ planId: z.number().int().positive() }),
        response: { 201: orderView },
      },
    },
    async (req, reply) => {
      const created = await createOnce(req, db, req.ctx, (trx) => placeOrder(trx, req.ctx, req.body.planId));
      return reply.code(201).send(await one(req.ctx, created.body));
    },
  );

  r.get(
    '/api/library/orders/:id',
    {
      schema: {
        tags,
        summary: '订单详情（本人或系统管理员）',
        params: idParam,
        response: { 200: orderView },
      },
    },
    async (req) => one(req.ctx, req.params.id),
  );

  r.post(
    '/api/library/orders/:id/confirm',
    {
      schema: {
        tags,
        summary: '确认收款：记录金额和凭证号，生成付费权益（系统管理员）',
        params: idParam,
        body: z.object({
          version,
          paidCents: z.number().int().min(0).max(100_000_000),
          reference: z.string().trim().min(1, '请填写付款凭证号').max(100),
        }),
        response: { 200: orderView },
      },
    },
    async (req) => {
      await db.transaction().execute((trx) => confirmOrder(trx, req.ctx, req.params.id, req.body));
      return one(req.ctx, req.params.id);
    },
  );

  r.post(
    '/api/library/orders/:id/cancel',
    {
      schema: {
        tags,
        summary: '取消待确认收款的订单（本人或系统管理员）',
        params: idParam,
        body: z.object({ version }),
        response: { 200: orderView },
      },
    },
    async (req) => {
      await db.transaction().execute((trx) => cancelOrder(trx, req.ctx, req.params.id, req.body.version));
      return one(req.ctx, req.params.id);
    },
  );
}
