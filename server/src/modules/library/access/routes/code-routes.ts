import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attachmentDisposition } from '../../../../platform/http/file-transfer.js';
import { createOnce } from '../../../../platform/http/idempotency.js';
import { beijingDate } from '../../../calendar/index.js';
import { codesCsv, codesXlsx } from '../code-files.js';
import { codeBatches, exportBatch, generateBatch } from '../codes.js';
import { findBatch } from '../codes-repository.js';
import { plansByIds } from '../plans-repository.js';
import { idParam } from './schemas.js';

const batchView = z.object({
  id: z.number(),
  planId: z.number(),
  planName: z.string(),
  count: z.number(),
  redeemed: z.number(),
  expiresAt: z.string(),
  note: z.string(),
  exportedAt: z.string().nullable(),
  createdAt: z.string(),
});

export function codeRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;
  const tags = ['资料库权益'];

  r.get(
    '/api/library/code-batches',
    {
      schema: {
        tags,
        summary: '兑换码批次：数量、已兑换、有效期、是否已导出（系统管理员）',
        response: { 200: z.object({ items: z.array(batchView) }) },
      },
    },
    async (req) => {
      const rows = await codeBatches(db, req.ctx);
      const plans = await plansByIds(
        db,
        rows.map((b) => b.plan_id),
      );
      return {
        items: rows.map((b) => ({
          id: b.id,
          planId: b.plan_id,
          planName: plans.get(b.plan_id)?.name ?? '',
          count: b.count,
          redeemed: b.redeemed,
          expiresAt: b.expires_at,
          note: b.note,
          exportedAt: b.exported_at,
          createdAt: b.created_at,
        })),
      };
    },
  );

  r.post(
    '/api/library/code-batches',
    {
      schema: {
        tags,
        summary: '生成一批兑换码：方案、数量、有效期（系统管理员）；生成后可导出一次',
        body: z.object({
          planId: z.number().int().positive(),
          count: z.number().int().min(1).max(5000),
          expiresAt: z.iso.datetime({ offset: true }),
          note: z.string().trim().max(200).default(''),
        }),
        response: { 201: z.object({ id: z.number(), count: z.number() }) },
      },
    },
    async (req, reply) => {
      const body = { ...req.body, expiresAt: new Date(req.body.expiresAt).toISOString() };
      const created = await createOnce(req, db, req.ctx, (trx) => generateBatch(trx, req.ctx, body));
      return reply.code(201).send({ id: created.body, count: req.body.count });
    },
  );

  // A POST, not a GET: the export changes the batch (its plain codes are forgotten) and needs CSRF protection.
  r.post(
    '/api/library/code-batches/:id/export',
    {
      schema: {
        tags,
        summary: '导出本批兑换码（.csv 或 .xlsx，只能导出一次）',
        params: idParam,
        querystring: z.object({ format: z.enum(['csv', 'xlsx']).default('xlsx') }),
      },
    },
    async (req, reply) => {
      const codes = await db.transaction().execute((trx) => exportBatch(trx, req.ctx, req.params.id));
      const batch = await findBatch(db, req.params.id);
      const plan = batch ? (await plansByIds(db, [batch.plan_id])).get(batch.plan_id) : undefined;
      const sheet = {
        planName: plan?.name ?? '',
        expiresOn: batch ? beijingDate(new Date(batch.expires_at)) : '',
        codes,
      };
      const xlsx = req.query.format === 'xlsx';
      const name = `兑换码-第${req.params.id}批.${req.query.format}`;
      return reply
        .header(
          'content-type',
          xlsx
            ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
            : 'text/csv; charset=utf-8',
        )
        .header('content-disposition', attachmentDisposition(name))
        .header('cache-control', 'no-store')
        .send(xlsx ? await codesXlsx(sheet) : codesCsv(sheet));
    },
  );
}
