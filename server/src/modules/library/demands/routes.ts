import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DEMAND_SORTS, DEMAND_STATUSES } from '../../../../../shared/src/library-demands.js';
import type { Ctx } from '../../../platform/context.js';
import { notFound } from '../../../platform/http/errors.js';
import { createOnce } from '../../../platform/http/idempotency.js';
import { mayUseDemandBoard } from './policy.js';
import { demandView, presentDemand } from './presenter.js';
import { findBoardRow, listDemands } from './repository.js';
import { answerDemand, closeDemand, postDemand, setVote } from './service.js';

const idParam = z.object({ id: z.coerce.number().int().positive() });
const version = z.number().int().min(1);
const keys = <T extends object>(o: T) => Object.keys(o) as [Extract<keyof T, string>];

const demandInput = z.object({
  title: z.string().trim().min(1, '请填写需求标题').max(80, '需求标题不超过 80 个字'),
  description: z.string().trim().max(2000, '需求说明不超过 2000 个字').default(''),
  topic: z
    .string()
    .trim()
    .max(40, '专题不超过 40 个字')
    .nullish()
    .transform((t) => t || null),
});

/** 需求征集: members ask for materials, others vote, editors answer with a published material or close. */
export function demandRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;
  const tags = ['资料库需求征集'];
  const base = '/api/library/demands';
  const one = async (ctx: Ctx, id: number) => {
    const actor = mayUseDemandBoard(ctx.actor, '查看需求');
    const row = await findBoardRow(db, actor.id, id);
    if (!row) throw notFound('需求');
    return presentDemand(row, actor.id);
  };

  r.get(
    base,
    {
      schema: {
        tags,
        summary: '需求列表：按票数或最新排序，可按状态筛选',
        querystring: z.object({
          status: z.enum(keys(DEMAND_STATUSES)).optional(),
          sort: z.enum(keys(DEMAND_SORTS)).default('votes'),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: { 200: z.object({ total: z.number(), items: z.array(demandView) }) },
      },
    },
    async (req) => {
      const actor = mayUseDemandBoard(req.ctx.actor, '查看需求');
      const { total, items } = await listDemands(db, actor.id, req.query);
      return { total, items: items.map((row) => presentDemand(row, actor.id)) };
    },
  );

  r.post(
    base,
    { schema: { tags, summary: '提出资料需求', body: demandInput, response: { 201: demandView } } },
    async (req, reply) => {
      const created = await createOnce(req, db, req.ctx, (trx) => postDemand(trx, req.ctx, req.body));
      return reply.code(201).send(await one(req.ctx, created.body));
    },
  );

  r.get(
    `${base}/:id`,
    { schema: { tags, summary: '需求详情', params: idParam, response: { 200: demandView } } },
    async (req) => one(req.ctx, req.params.id),
  );

  r.post(
    `${base}/:id/vote`,
    { schema: { tags, summary: '为需求投票（每人一票）', params: idParam, response: { 200: demandView } } },
    async (req) => {
      await db.transaction().execute((trx) => setVote(trx, req.ctx, req.params.id, true));
      return one(req.ctx, req.params.id);
    },
  );

  r.delete(
    `${base}/:id/vote`,
    { schema: { tags, summary: '撤回自己的投票', params: idParam, response: { 200: demandView } } },
    async (req) => {
      await db.transaction().execute((trx) => setVote(trx, req.ctx, req.params.id, false));
      return one(req.ctx, req.params.id);
    },
  );

  r.post(
    `${base}/:id/answer`,
    {
      schema: {
        tags,
        summary: '以已发布的资料回应需求，通知提出人和投票人（资料编辑）',
        params: idParam,
        body: z.object({
          version,
          materialId: z.number({ error: '请选择回应资料' }).int().positive(),
          note: z.string().trim().max(500, '回应说明不超过 500 个字').default(''),
        }),
        response: { 200: demandView },
      },
    },
    async (req) => {
      await db.transaction().execute((trx) => answerDemand(trx, req.ctx, req.params.id, req.body));
      return one(req.ctx, req.params.id);
    },
  );

  r.post(
    `${base}/:id/close`,
    {
      schema: {
        tags,
        summary: '关闭需求，须填写原因（资料编辑）',
        params: idParam,
        body: z.object({
          version,
          reason: z.string().trim().min(1, '请填写关闭原因').max(500, '关闭原因不超过 500 个字'),
        }),
        response: { 200: demandView },
      },
    },
    async (req) => {
      await db.transaction().execute((trx) => closeDemand(trx, req.ctx, req.params.id, req.body));
      return one(req.ctx, req.params.id);
    },
  );
}
