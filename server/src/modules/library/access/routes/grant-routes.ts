import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { GRANT_SOURCES } from '../../../../../../shared/src/library.js';
import { nowIso } from '../../../../platform/context.js';
import { createOnce } from '../../../../platform/http/idempotency.js';
import { giveComp, GIVEN_SOURCES, listAllGrants, loadGrant, revokeGrant } from '../grants.js';
import { grantView, presentGrant, presentGrants } from '../presenter.js';
import { idParam, page, reason } from './schemas.js';

const source = z.enum(
  Object.keys(GRANT_SOURCES) as [keyof typeof GRANT_SOURCES, ...(keyof typeof GRANT_SOURCES)[]],
);

export function grantRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;
  const tags = ['资料库权益'];
  const one = async (now: string, id: number) => presentGrant(db, await loadGrant(db, id), now);

  r.get(
    '/api/library/grants',
    {
      schema: {
        tags,
        summary: '会员权益列表：按会员、来源、是否生效筛选（系统管理员）',
        querystring: z.object({
          memberId: z.coerce.number().int().positive().optional(),
          source: source.optional(),
          active: z.enum(['1']).optional(),
          ...page,
        }),
        response: { 200: z.object({ total: z.number(), items: z.array(grantView) }) },
      },
    },
    async (req) => {
      const now = nowIso(req.ctx);
      const { active, ...filter } = req.query;
      const { total, rows } = await listAllGrants(db, req.ctx, {
        ...filter,
        activeAt: active ? now : undefined,
      });
      return { total, items: await presentGrants(db, rows, now) };
    },
  );

  r.post(
    '/api/library/grants',
    {
      schema: {
        tags,
        summary:
          '赠送会员权益（赠送、试用、举报奖励、团体席位）：天数、回溯年限、原因；接在当前连续会员期之后（系统管理员）',
        body: z.object({
          memberId: z.number().int().positive(),
          days: z.number().int().min(1).max(3660),
          source: z.enum(GIVEN_SOURCES).default('comp'),
          backYears: z.number().int().min(0).max(50).default(3),
          reason,
        }),
        response: { 201: grantView },
      },
    },
    async (req, reply) => {
      const created = await createOnce(req, db, req.ctx, (trx) => giveComp(trx, req.ctx, req.body));
      return reply.code(201).send(await one(nowIso(req.ctx), created.body));
    },
  );

  r.post(
    '/api/library/grants/:id/revoke',
    {
      schema: {
        tags,
        summary: '撤销权益，须填写原因（系统管理员）',
        params: idParam,
        body: z.object({ reason }),
        response: { 200: grantView },
      },
    },
    async (req) => {
      await db.transaction().execute((trx) => revokeGrant(trx, req.ctx, req.params.id, req.body.reason));
      return one(nowIso(req.ctx), req.params.id);
    },
  );
}
