import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { createOnce } from '../../../platform/http/idempotency.js';
import { attachmentDisposition } from '../../../platform/http/file-transfer.js';
import { invalid } from '../../../platform/http/errors.js';
import { beijingDate } from '../../calendar/index.js';
import { listDepartments } from '../../identity/index.js';
import { mayUseSupervision } from '../policy.js';
import { itemFilterQuery } from '../routes/schemas.js';
import { exportLedger } from './export.js';
import { checkLedger, dryRunResult, importLedger, mayImportLedger } from './import.js';
import { importResultView } from './presenter.js';
import { readLedger } from './read.js';
import { buildTemplate } from './template.js';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_UPLOAD = 10 * 1024 * 1024;

/**
 * The uploaded workbook. createOnce hashes the body's JSON to tell a retry from a different request: this
 * JSON is the file's SM3 digest plus the query, so a 10 MB upload hashes cheaply and the same key with
 * other flags is refused as a mismatch.
 */
class Upload {
  constructor(
    readonly bytes: Buffer,
    private readonly query: unknown,
  ) {}
  toJSON() {
    return { sm3: createHash('sm3').update(this.bytes).digest('hex'), query: this.query };
  }
}

const flag = z.stringbool().optional();

export function ledgerFileRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;
  const tags = ['督查督办台账'];

  // The file is the request body itself (no multipart): a browser sends it with fetch(url, { body: file }).
  app.addContentTypeParser(XLSX, { parseAs: 'buffer', bodyLimit: MAX_UPLOAD }, (req, body, done) =>
    done(null, new Upload(body as Buffer, req.query)),
  );

  r.get(
    '/api/ledger/template.xlsx',
    { schema: { tags, summary: '下载督办事项台账模板（.xlsx，含下拉选项、填写说明和部门编码）' } },
    async (req, reply) => {
      mayUseSupervision(req.ctx.actor);
      const departments = await listDepartments(db);
      const buffer = await buildTemplate(beijingDate(req.ctx.clock.now()), departments);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', attachmentDisposition('督办事项台账模板.xlsx', 'ledger-template.xlsx'))
        .send(buffer);
    },
  );

  r.post(
    '/api/ledger/import',
    {
      schema: {
        tags,
        summary: '导入台账（督查员）：整个文件无误才导入，每行立项为一个事项',
        description:
          `请求体为 .xlsx 文件本身，Content-Type: ${XLSX}，不超过 10 MB。` +
          'dryRun=1 只检查并预览、不写入；assign=1 导入后直接提交、审批并交办（须有审批权限）。' +
          '有错误时返回 400 VALIDATION_FAILED，details.errors 列出每处错误的行号、列名和原因。',
        querystring: z.object({ dryRun: flag, assign: flag }),
        response: { 200: importResultView, 201: importResultView },
      },
    },
    async (req, reply) => {
      const assign = req.query.assign === true;
      mayImportLedger(req.ctx.actor, assign);
      const upload = req.body;
      if (!(upload instanceof Upload)) throw invalid('文件', `请以 Content-Type: ${XLSX} 上传 .xlsx 文件`);
      const raw = await readLedger(upload.bytes);
      if (req.query.dryRun === true)
        return reply.code(200).send(dryRunResult(await checkLedger(db, req.ctx, raw)));
      const created = await createOnce(req, db, req.ctx, (trx) =>
        importLedger(trx, req.ctx, raw, upload.bytes, assign),
      );
      return reply.code(created.status as 201).send(created.body);
    },
  );

  r.get(
    '/api/ledger/export.xlsx',
    {
      schema: {
        tags,
        summary: '导出督办事项台账（.xlsx），筛选条件同事项列表，只含本人可见的事项',
        querystring: itemFilterQuery,
      },
    },
    async (req, reply) => {
      const { buffer } = await exportLedger(db, req.ctx, req.query);
      const today = beijingDate(req.ctx.clock.now());
      return reply
        .header('content-type', XLSX)
        .header(
          'content-disposition',
          attachmentDisposition(`督办事项台账-${today}.xlsx`, `ledger-${today}.xlsx`),
        )
        .send(buffer);
    },
  );
}
