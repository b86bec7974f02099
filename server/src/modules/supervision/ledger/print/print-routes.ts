import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attachmentDisposition } from '../../../../platform/http/file-transfer.js';
import { date, idParam } from '../../routes/schemas.js';
import { printForm, PRINT_FORMS, type PrintForm } from './print.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const assignmentId = z.coerce.number().int().positive();

/** What each form needs besides the item: the slip is the item's; the others are one assignment's. */
const QUERIES = {
  'supervision-slip': z.object({}),
  'chase-notice': z.object({ assignmentId, replyBy: date.optional() }),
  'feedback-form': z.object({ assignmentId, period: z.string().trim().max(20).optional() }),
} satisfies Record<PrintForm, z.ZodType>;

const SUMMARIES: Record<PrintForm, string> = {
  'supervision-slip': '打印督办单（.docx）',
  'chase-notice': '打印催办通知单（.docx）：assignmentId 为承办记录，replyBy 为回复时限（默认 2 个工作日后）',
  'feedback-form':
    '打印反馈单（.docx）：assignmentId 为承办记录，period 为反馈期次（默认本期），已报送的印出反馈内容',
};

export function printRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;
  for (const form of Object.keys(PRINT_FORMS) as PrintForm[]) {
    r.get(
      `/api/items/:id/print/${form}.docx`,
      {
        schema: {
          tags: ['督查督办台账'],
          summary: SUMMARIES[form],
          params: idParam,
          querystring: QUERIES[form],
        },
      },
      async (req, reply) => {
        const query = req.query as { assignmentId?: number; period?: string; replyBy?: string };
        const { buffer, filename } = await printForm(db, req.ctx, req.params.id, form, query);
        return reply
          .header('content-type', DOCX)
          .header('content-disposition', attachmentDisposition(filename, `${form}-${req.params.id}.docx`))
          .send(buffer);
      },
    );
  }
}
