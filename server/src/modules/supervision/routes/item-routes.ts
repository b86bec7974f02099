import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Tx } from '../../../platform/db/schema.js';
import { createOnce } from '../../../platform/http/idempotency.js';
import { sendJsonBytes } from '../../../platform/http/json-bytes.js';
import {
  approveItem,
  assignItem,
  createItem,
  reopenItem,
  returnItem,
  submitItem,
  suspendItem,
} from '../item-flow.js';
import { itemListJson } from '../item-list-cache.js';
import { itemDetail } from '../views.js';
import {
  assignmentInput,
  date,
  idParam,
  itemDetailView,
  itemFilterQuery,
  itemInput,
  itemSummaryView,
  reason,
  version,
} from './schemas.js';

export function itemRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;
  const tags = ['督查督办'];

  r.get(
    '/api/items',
    {
      schema: {
        tags,
        summary: '督办事项列表（领导、督查员看全部，其他人看本部门承办的）',
        querystring: itemFilterQuery.extend({
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(20),
        }),
        response: { 200: z.object({ total: z.number(), items: z.array(itemSummaryView) }) },
      },
    },
    async (req, reply) => sendJsonBytes(reply, await itemListJson(db, req.ctx, req.query)),
  );

  r.post(
    '/api/items',
    { schema: { tags, summary: '立项（督查员）', body: itemInput, response: { 201: itemDetailView } } },
    async (req, reply) => {
      const created = await createOnce(req, db, req.ctx, (trx) => createItem(trx, req.ctx, req.body));
      return reply.code(created.status as 201).send(await itemDetail(db, req.ctx, created.body));
    },
  );

  r.get(
    '/api/items/:id',
    { schema: { tags, summary: '督办事项详情与时间线', params: idParam, response: { 200: itemDetailView } } },
    async (req) => itemDetail(db, req.ctx, req.params.id),
  );

  /** Run one transition in a transaction and answer with the item as it now stands. */
  const act = async (
    req: { ctx: Parameters<typeof itemDetail>[1] },
    id: number,
    run: (trx: Tx) => Promise<unknown>,
  ) => {
    await db.transaction().execute(run);
    return itemDetail(db, req.ctx, id);
  };
  const ok = { 200: itemDetailView };

  r.post(
    '/api/items/:id/submit',
    {
      schema: {
        tags,
        summary: '提交审批（督查员）',
        params: idParam,
        body: z.object({ version }),
        response: ok,
      },
    },
    async (req) =>
      act(req, req.params.id, (trx) => submitItem(trx, req.ctx, req.params.id, req.body.version)),
  );
  r.post(
    '/api/items/:id/approve',
    {
      schema: {
        tags,
        summary: '审批同意（领导或督查室负责人）',
        params: idParam,
        body: z.object({ version }),
        response: ok,
      },
    },
    async (req) =>
      act(req, req.params.id, (trx) => approveItem(trx, req.ctx, req.params.id, req.body.version)),
  );
  r.post(
    '/api/items/:id/return',
    {
      schema: {
        tags,
        summary: '审批退回（领导或督查室负责人）',
        params: idParam,
        body: z.object({ version, reason }),
        response: ok,
      },
    },
    async (req) =>
      act(req, req.params.id, (trx) =>
        returnItem(trx, req.ctx, req.params.id, req.body.version, req.body.reason),
      ),
  );
  r.post(
    '/api/items/:id/assign',
    {
      schema: {
        tags,
        summary: '交办（督查员）：每个承办部门一条，主办恰好一个',
        params: idParam,
        body: z.object({ version, assignments: z.array(assignmentInput).min(1).max(100) }),
        response: { 200: z.object({ item: itemDetailView, warnings: z.array(z.string()) }) },
      },
    },
    async (req) => {
      const { warnings } = await db
        .transaction()
        .execute((trx) => assignItem(trx, req.ctx, req.params.id, req.body.version, req.body.assignments));
      return { item: await itemDetail(db, req.ctx, req.params.id), warnings };
    },
  );
  r.post(
    '/api/items/:id/suspend',
    {
      schema: {
        tags,
        summary: '中止（督查员）',
        params: idParam,
        body: z.object({ version, reason }),
        response: ok,
      },
    },
    async (req) =>
      act(req, req.params.id, (trx) =>
        suspendItem(trx, req.ctx, req.params.id, req.body.version, req.body.reason),
      ),
  );
  r.post(
    '/api/items/:id/reopen',
    {
      schema: {
        tags,
        summary: '根据新批示重新启动（督查员）',
        params: idParam,
        body: z.object({ version, instruction: reason, deadline: date.nullable() }),
        response: ok,
      },
    },
    async (req) =>
      act(req, req.params.id, (trx) =>
        reopenItem(trx, req.ctx, req.params.id, req.body.version, req.body.instruction, req.body.deadline),
      ),
  );
}
