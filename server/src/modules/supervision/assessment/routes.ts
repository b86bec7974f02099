import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attachmentDisposition } from '../../../platform/http/file-transfer.js';
import { mayRunSupervision } from '../policy.js';
import { date, version } from '../routes/schemas.js';
import { assessmentView, assessmentXlsx, weightsView } from './presenter.js';
import { assess, mayReadAssessment, recordAssessmentExport } from './service.js';
import { assessmentWeightsSchema, getAssessmentWeights, updateAssessmentWeights } from './settings.js';

const query = z.object({
  kind: z.enum(['month', 'quarter', 'half', 'year']),
  date: date.optional(),
  /** Comma-separated department ids; absent: every department with work in the period. */
  departmentIds: z
    .string()
    .regex(/^\d+(,\d+)*$/, '应为以逗号分隔的部门编号')
    .transform((s) => s.split(',').map(Number))
    .optional(),
});

export function assessmentRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;
  const tags = ['考核'];

  r.get(
    '/api/assessment',
    {
      schema: {
        tags,
        summary: '部门考核得分排名（领导、督查员）：按月、季度、半年、年度',
        querystring: query,
        response: { 200: assessmentView },
      },
    },
    async (req) => assess(db, req.ctx, req.query),
  );

  r.get(
    '/api/assessment/export.xlsx',
    { schema: { tags, summary: '导出考核得分（.xlsx）', querystring: query } },
    async (req, reply) => {
      const result = await assess(db, req.ctx, req.query);
      const file = await assessmentXlsx(result);
      await recordAssessmentExport(db, req.ctx, result);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', attachmentDisposition(`${result.period.label}督办工作考核.xlsx`))
        .send(file);
    },
  );

  r.get(
    '/api/assessment/settings',
    {
      schema: {
        tags,
        summary: '考核计分规则（领导、督查员）',
        response: { 200: weightsView.extend({ version: z.number() }) },
      },
    },
    async (req) => {
      mayReadAssessment(req.ctx, '查看考核计分规则');
      return getAssessmentWeights(db);
    },
  );

  r.put(
    '/api/assessment/settings',
    {
      schema: {
        tags,
        summary: '修改考核计分规则（督查员）；版本过期返回 409',
        body: assessmentWeightsSchema.and(z.object({ version: version.or(z.literal(0)) })),
        response: { 200: weightsView.extend({ version: z.number() }) },
      },
    },
    async (req) => {
      mayRunSupervision(req.ctx.actor, '修改考核计分规则');
      const { version: expected, ...weights } = req.body;
      await db.transaction().execute((trx) => updateAssessmentWeights(trx, req.ctx, weights, expected));
      return getAssessmentWeights(db);
    },
  );
}
