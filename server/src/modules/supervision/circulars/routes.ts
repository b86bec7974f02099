import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createOnce } from '../../../platform/http/idempotency.js';
import { attachmentDisposition } from '../../../platform/http/file-transfer.js';
import { date, idParam, sourceType, version } from '../routes/schemas.js';
import { circularDocx } from './docx.js';
import {
  circularDetail,
  circularDetailView,
  circularSummary,
  circularSummaryView,
  statsOf,
} from './presenter.js';
import {
  coveringTextOf,
  editCircular,
  listVisibleCirculars,
  loadCircular,
  moveCircular,
  prepareCircular,
  recordExport,
  saveCircular,
} from './service.js';
import { circularXlsx } from './xlsx.js';

const line = (max: number) => z.string().trim().min(1).max(max);
const paragraphs = z.array(z.string().trim().min(1).max(5000)).max(20);

/** Sends a generated file; the name is percent-encoded so Chinese titles survive every browser. */
function download(reply: FastifyReply, body: Buffer, name: string, type: string) {
  return reply
    .header('content-type', type)
    .header('content-disposition', attachmentDisposition(name))
    .send(body);
}

export function circularRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;
  const tags = ['督查通报'];
  const detail = async (ctx: Parameters<typeof loadCircular>[1], id: number) =>
    circularDetail(await loadCircular(db, ctx, id));

  r.get(
    '/api/circulars',
    {
      schema: {
        tags,
        summary: '通报列表（领导、督查员看全部；其他人看已印发给本部门的）',
        querystring: z.object({
          status: z.enum(['draft', 'published', 'archived']).optional(),
          kind: z.enum(['week', 'month', 'quarter', 'half']).optional(),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: { 200: z.object({ total: z.number(), items: z.array(circularSummaryView) }) },
      },
    },
    async (req) => {
      const { total, rows } = await listVisibleCirculars(db, req.ctx, req.query);
      return { total, items: rows.map(circularSummary) };
    },
  );

  r.post(
    '/api/circulars',
    {
      schema: {
        tags,
        summary: '生成通报草稿（督查员）：按周、月、季度、半年统计，可限定部门和来源',
        body: z.object({
          kind: z.enum(['week', 'month', 'quarter', 'half']),
          date: date.optional(),
          departmentIds: z.array(z.number().int().positive()).max(5000).nullable().optional(),
          sourceType: sourceType.nullable().optional(),
        }),
        response: { 201: circularDetailView },
      },
    },
    async (req, reply) => {
      const prepared = await prepareCircular(db, req.ctx, req.body);
      const created = await createOnce(req, db, req.ctx, (trx) => saveCircular(trx, req.ctx, prepared));
      return reply.code(201).send(await detail(req.ctx, created.body));
    },
  );

  r.get(
    '/api/circulars/:id',
    { schema: { tags, summary: '通报预览', params: idParam, response: { 200: circularDetailView } } },
    async (req) => detail(req.ctx, req.params.id),
  );

  r.patch(
    '/api/circulars/:id',
    {
      schema: {
        tags,
        summary: '修改通报文字：标题、版头、导语、要求、落款、印发（督查员，仅草稿）',
        params: idParam,
        body: z.object({
          version,
          title: line(200).optional(),
          organName: line(60).optional(),
          docNumber: z.string().trim().max(60).nullable().optional(),
          recipients: line(200).optional(),
          lead: paragraphs.optional(),
          closing: paragraphs.optional(),
          issuer: line(60).optional(),
          issuedOn: date.optional(),
          printedBy: line(60).optional(),
          printedOn: date.optional(),
        }),
        response: { 200: circularDetailView },
      },
    },
    async (req) => {
      const { version: expected, ...changes } = req.body;
      const text = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
      if ('docNumber' in text && text.docNumber === '') text.docNumber = null;
      await db.transaction().execute((trx) => editCircular(trx, req.ctx, req.params.id, expected, text));
      return detail(req.ctx, req.params.id);
    },
  );

  for (const [path, to, summary] of [
    ['publish', 'published', '印发通报（督查员）：范围内的部门可以查看'],
    ['archive', 'archived', '归档通报（督查员）'],
  ] as const) {
    r.post(
      `/api/circulars/:id/${path}`,
      {
        schema: {
          tags,
          summary,
          params: idParam,
          body: z.object({ version }),
          response: { 200: circularDetailView },
        },
      },
      async (req) => {
        await db
          .transaction()
          .execute((trx) => moveCircular(trx, req.ctx, req.params.id, req.body.version, to));
        return detail(req.ctx, req.params.id);
      },
    );
  }

  r.get(
    '/api/circulars/:id/export.docx',
    { schema: { tags, summary: '导出通报公文（.docx，GB/T 9704 版式）', params: idParam } },
    async (req, reply) => {
      const { row } = await loadCircular(db, req.ctx, req.params.id);
      const file = await circularDocx(coveringTextOf(row), statsOf(row));
      await recordExport(db, req.ctx, row.id, 'docx');
      return download(
        reply,
        file,
        `${row.title}.docx`,
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      );
    },
  );

  r.get(
    '/api/circulars/:id/export.xlsx',
    { schema: { tags, summary: '导出通报统计表（.xlsx）', params: idParam } },
    async (req, reply) => {
      const { row } = await loadCircular(db, req.ctx, req.params.id);
      const file = await circularXlsx(row.title, statsOf(row));
      await recordExport(db, req.ctx, row.id, 'xlsx');
      return download(
        reply,
        file,
        `${row.title}.xlsx`,
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
    },
  );
}
