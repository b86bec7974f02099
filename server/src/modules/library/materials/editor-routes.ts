import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MATERIAL_STATUSES } from '../../../../../shared/src/library.js';
import type { Ctx } from '../../../platform/context.js';
import { invalid, notFound } from '../../../platform/http/errors.js';
import { createOnce } from '../../../platform/http/idempotency.js';
import { importDocx } from './docx.js';
import { mayEditMaterials } from './policy.js';
import {
  editorDetail,
  editorDetailView,
  editorSummary,
  editorSummaryView,
  importView,
  materialInput,
  textOfRow,
  versionView,
} from './presenter.js';
import { findVersion, listForEditors, listVersions } from './repository.js';
import {
  createMaterial,
  editMaterial,
  loadForEditor,
  publishMaterial,
  scheduleMaterial,
  withdrawMaterial,
} from './service.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const MAX_DOCX = 10 * 1024 * 1024;
const idParam = z.object({ id: z.coerce.number().int().positive() });
const version = z.number().int().min(1);
const status = z.enum(Object.keys(MATERIAL_STATUSES) as [keyof typeof MATERIAL_STATUSES]);

/** The editors' workspace: drafts, versions, scheduling, publishing, withdrawing and .docx import. */
export function materialEditorRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;
  const tags = ['资料库'];
  const base = '/api/library/editor/materials';
  const detail = async (ctx: Ctx, id: number) =>
    editorDetail(await loadForEditor(db, ctx, id), await listVersions(db, id));

  // The .docx is the request body itself, as the 台账 import takes its workbook.
  app.addContentTypeParser(DOCX, { parseAs: 'buffer', bodyLimit: MAX_DOCX }, (_req, body, done) =>
    done(null, body),
  );

  r.get(
    base,
    {
      schema: {
        tags,
        summary: '编辑工作台：全部资料（可按状态筛选）',
        querystring: z.object({ status: status.optional() }),
        response: { 200: z.object({ items: z.array(editorSummaryView) }) },
      },
    },
    async (req) => {
      mayEditMaterials(req.ctx.actor, '查看编辑工作台');
      return { items: (await listForEditors(db, req.query)).map(editorSummary) };
    },
  );

  r.post(
    base,
    {
      schema: {
        tags,
        summary: '新建资料草稿（资料编辑）',
        body: materialInput,
        response: { 201: editorDetailView },
      },
    },
    async (req, reply) => {
      const created = await createOnce(req, db, req.ctx, (trx) => createMaterial(trx, req.ctx, req.body));
      return reply.code(201).send(await detail(req.ctx, created.body));
    },
  );

  r.get(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: '资料（编辑视图：最新文本与版本列表）',
        params: idParam,
        response: { 200: editorDetailView },
      },
    },
    async (req) => detail(req.ctx, req.params.id),
  );

  r.put(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: '修改资料：每次保存生成新版本，历史版本保留',
        params: idParam,
        body: materialInput.extend({ version }),
        response: { 200: editorDetailView },
      },
    },
    async (req) => {
      const { version: expected, ...input } = req.body;
      await db.transaction().execute((trx) => editMaterial(trx, req.ctx, req.params.id, expected, input));
      return detail(req.ctx, req.params.id);
    },
  );

  r.get(
    `${base}/:id/versions/:revision`,
    {
      schema: {
        tags,
        summary: '查看资料的某一历史版本',
        params: idParam.extend({ revision: z.coerce.number().int().positive() }),
        response: { 200: versionView },
      },
    },
    async (req) => {
      await loadForEditor(db, req.ctx, req.params.id);
      const row = await findVersion(db, req.params.id, req.params.revision);
      if (!row) throw notFound('版本');
      const versions = await listVersions(db, req.params.id);
      const editorName = versions.find((v) => v.revision === row.revision)?.editor_name ?? '';
      return { ...textOfRow(row), revision: row.revision, editedAt: row.edited_at, editorName };
    },
  );

  r.post(
    `${base}/:id/schedule`,
    {
      schema: {
        tags,
        summary: '定时发布（到时由后台任务发布）',
        params: idParam,
        body: z.object({ version, publishAt: z.iso.datetime({ offset: true, error: '发布时间格式无效' }) }),
        response: { 200: editorDetailView },
      },
    },
    async (req) => {
      const publishAt = new Date(req.body.publishAt).toISOString();
      await db
        .transaction()
        .execute((trx) => scheduleMaterial(trx, req.ctx, req.params.id, req.body.version, publishAt));
      return detail(req.ctx, req.params.id);
    },
  );

  for (const [path, run, summary] of [
    ['publish', publishMaterial, '立即发布（草稿、定时或已撤回的资料）'],
    ['withdraw', withdrawMaterial, '撤回已发布的资料，或取消定时发布'],
  ] as const) {
    r.post(
      `${base}/:id/${path}`,
      {
        schema: {
          tags,
          summary,
          params: idParam,
          body: z.object({ version }),
          response: { 200: editorDetailView },
        },
      },
      async (req) => {
        await db.transaction().execute((trx) => run(trx, req.ctx, req.params.id, req.body.version));
        return detail(req.ctx, req.params.id);
      },
    );
  }

  r.post(
    '/api/library/editor/import',
    {
      schema: {
        tags,
        summary: `导入 Word 文档：请求体为 .docx 文件本身（Content-Type: ${DOCX}，不超过 10 MB），返回标题、正文和小标题`,
        response: { 200: importView },
      },
    },
    async (req) => {
      mayEditMaterials(req.ctx.actor, '导入文档');
      if (!Buffer.isBuffer(req.body)) throw invalid('文件', `请以 Content-Type: ${DOCX} 上传 .docx 文件`);
      return importDocx(req.body);
    },
  );
}
