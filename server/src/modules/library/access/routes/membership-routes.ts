import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { nowIso } from '../../../../platform/context.js';
import { createOnce } from '../../../../platform/http/idempotency.js';
import { redeemCode } from '../codes.js';
import { loadGrant } from '../grants.js';
import { myMembership } from '../membership.js';
import { grantView, orderView, presentGrant, windowView } from '../presenter.js';

export function membershipRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;
  const tags = ['资料库权益'];

  r.get(
    '/api/library/membership',
    {
      schema: {
        tags,
        summary: '我的会员：当前可读范围（等级、最早可读日期）、权益记录、订单（会员）',
        response: {
          200: z.object({ window: windowView, grants: z.array(grantView), orders: z.array(orderView) }),
        },
      },
    },
    async (req) => myMembership(db, req.ctx),
  );

  r.post(
    '/api/library/redeem',
    {
      schema: {
        tags,
        summary: '兑换兑换码（会员）：每个码只能使用一次，过期作废',
        body: z.object({ code: z.string().trim().min(1, '请输入兑换码').max(40) }),
        response: { 201: grantView },
      },
    },
    async (req, reply) => {
      const created = await createOnce(req, db, req.ctx, (trx) => redeemCode(trx, req.ctx, req.body.code));
      return reply.code(201).send(await presentGrant(db, await loadGrant(db, created.body), nowIso(req.ctx)));
    },
  );
}
