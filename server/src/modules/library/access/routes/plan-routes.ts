import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createOnce } from '../../../../platform/http/idempotency.js';
import { createPlan, editPlan, loadPlan, visiblePlans } from '../plans.js';
import { planView, presentPlan } from '../presenter.js';
import { idParam, planInput, version } from './schemas.js';

export function planRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;
  const tags = ['资料库权益'];
  const toRow = (p: z.infer<typeof planInput>) => ({
    name: p.name,
    tier: p.tier,
    period_unit: p.periodUnit,
    period_count: p.periodCount,
    back_years: p.backYears,
    price_cents: p.priceCents,
    active: p.active ? 1 : 0,
  });

  r.get(
    '/api/library/plans',
    {
      schema: {
        tags,
        summary: '方案列表（会员看在售方案，系统管理员看全部）',
        response: { 200: z.object({ items: z.array(planView) }) },
      },
    },
    async (req) => ({ items: (await visiblePlans(db, req.ctx)).map(presentPlan) }),
  );

  r.post(
    '/api/library/plans',
    { schema: { tags, summary: '新增方案（系统管理员）', body: planInput, response: { 201: planView } } },
    async (req, reply) => {
      const created = await createOnce(req, db, req.ctx, (trx) => createPlan(trx, req.ctx, toRow(req.body)));
      return reply.code(201).send(presentPlan(await loadPlan(db, created.body)));
    },
  );

  r.patch(
    '/api/library/plans/:id',
    {
      schema: {
        tags,
        summary: '修改方案：名称、期限、回溯年限、价格、是否在售（系统管理员）',
        params: idParam,
        body: planInput.extend({ version }),
        response: { 200: planView },
      },
    },
    async (req) => {
      const { version: expected, ...plan } = req.body;
      await db.transaction().execute((trx) => editPlan(trx, req.ctx, req.params.id, expected, toRow(plan)));
      return presentPlan(await loadPlan(db, req.params.id));
    },
  );
}
