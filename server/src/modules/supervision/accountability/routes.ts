import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createOnce } from '../../../platform/http/idempotency.js';
import { date, idParam, reason, version } from '../routes/schemas.js';
import { ACCOUNTABILITY_KINDS } from './labels.js';
import { accountabilityView, presentRecord } from './presenter.js';
import {
  closeAccountability,
  createAccountability,
  listVisibleRecords,
  loadRecord,
  reportRectification,
} from './service.js';

const kind = z.enum(
  Object.keys(ACCOUNTABILITY_KINDS) as [
    keyof typeof ACCOUNTABILITY_KINDS,
    ...(keyof typeof ACCOUNTABILITY_KINDS)[],
  ],
);
const status = z.enum(['open', 'rectifying', 'closed']);

export function accountabilityRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;
  const tags = ['责任追究'];
  const present = async (ctx: Parameters<typeof loadRecord>[1], id: number) =>
    presentRecord(await loadRecord(db, ctx, id));

  r.get(
    '/api/accountability',
    {
      schema: {
        tags,
        summary: '责任追究记录（领导、督查员看全部，其他人看本部门的）',
        querystring: z.object({
          status: status.optional(),
          departmentId: z.coerce.number().int().positive().optional(),
          assignmentId: z.coerce.number().int().positive().optional(),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: { 200: z.object({ total: z.number(), items: z.array(accountabilityView) }) },
      },
    },
    async (req) => {
      const { total, rows } = await listVisibleRecords(db, req.ctx, req.query);
      return { total, items: rows.map(presentRecord) };
    },
  );

  r.post(
    '/api/accountability',
    {
      schema: {
        tags,
        summary: '启动责任追究（领导、督查员）：针对逾期或被退回的承办任务',
        body: z.object({
          assignmentId: z.number().int().positive(),
          kind,
          reason,
          responsibleUserId: z.number().int().positive().optional(),
          decidedById: z.number().int().positive().optional(),
          decidedOn: date.optional(),
        }),
        response: { 201: accountabilityView },
      },
    },
    async (req, reply) => {
      const created = await createOnce(req, db, req.ctx, (trx) =>
        createAccountability(trx, req.ctx, req.body),
      );
      return reply.code(201).send(await present(req.ctx, created.body));
    },
  );

  r.get(
    '/api/accountability/:id',
    { schema: { tags, summary: '责任追究记录详情', params: idParam, response: { 200: accountabilityView } } },
    async (req) => present(req.ctx, req.params.id),
  );

  r.post(
    '/api/accountability/:id/rectify',
    {
      schema: {
        tags,
        summary: '报送整改情况（被追责部门负责人、承办人或督查员）',
        params: idParam,
        body: z.object({ version, note: reason }),
        response: { 200: accountabilityView },
      },
    },
    async (req) => {
      await db
        .transaction()
        .execute((trx) => reportRectification(trx, req.ctx, req.params.id, req.body.version, req.body.note));
      return present(req.ctx, req.params.id);
    },
  );

  r.post(
    '/api/accountability/:id/close',
    {
      schema: {
        tags,
        summary: '结束责任追究（领导、督查员），附结论',
        params: idParam,
        body: z.object({ version, note: reason }),
        response: { 200: accountabilityView },
      },
    },
    async (req) => {
      await db
        .transaction()
        .execute((trx) => closeAccountability(trx, req.ctx, req.params.id, req.body.version, req.body.note));
      return present(req.ctx, req.params.id);
    },
  );
}
