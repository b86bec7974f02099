import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { join } from 'node:path';
import { z } from 'zod';
import { FileStore } from '../../../platform/files/index.js';
import {
  acceptRawUploads,
  receiveUpload,
  sendStoredFile,
  typesWithExtensions,
} from '../../../platform/http/file-transfer.js';
import { createOnce } from '../../../platform/http/idempotency.js';
import { ATTACHMENT_EXTENSIONS, ATTACHMENT_KINDS } from '../../../../../shared/src/attachments.js';
import { idParam } from '../routes/schemas.js';
import { attachmentView, attachmentViews } from './presenter.js';
import {
  addAttachment,
  attachmentForDownload,
  checkUpload,
  deleteAttachment,
  visibleItem,
} from './service.js';

const ALLOWED = typesWithExtensions(ATTACHMENT_EXTENSIONS);
const kind = z.enum(Object.keys(ATTACHMENT_KINDS) as [keyof typeof ATTACHMENT_KINDS]);
const optionalId = z.coerce.number().int().positive().optional();

export function attachmentRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, config } = app.deps;
  const store = new FileStore(join(config.dataDir, 'files'));
  const tags = ['督查督办'];

  acceptRawUploads(app);

  r.post(
    '/api/items/:id/attachments',
    {
      schema: {
        tags,
        summary:
          '上传附件（请求体为文件本身，Content-Type: application/octet-stream，文件名 URL 编码后放在 X-File-Name）',
        params: idParam,
        querystring: z.object({
          kind: kind.default('attachment'),
          assignmentId: optionalId,
          feedbackId: optionalId,
        }),
        headers: z.object({ 'x-file-name': z.string().min(1).max(2000) }),
        response: { 201: attachmentView },
      },
    },
    async (req, reply) => {
      const target = {
        kind: req.query.kind,
        assignmentId: req.query.assignmentId ?? null,
        feedbackId: req.query.feedbackId ?? null,
      };
      // Scope first: someone who may not see the item learns nothing, not even that the name was bad.
      await checkUpload(db, req.ctx, req.params.id, target);
      const file = await receiveUpload(req, store, { maxBytes: config.uploadMaxBytes, allowed: ALLOWED });
      // createOnce fingerprints req.body; the content's hash stands for the bytes already consumed.
      req.body = { ...target, name: file.name, hash: file.hash };
      const created = await createOnce(req, db, req.ctx, (trx) =>
        addAttachment(trx, req.ctx, req.params.id, target, file),
      );
      return reply.code(created.status as 201).send(created.body);
    },
  );

  r.get(
    '/api/items/:id/attachments',
    {
      schema: {
        tags,
        summary: '事项的附件列表，以及上传限制（大小上限、允许的扩展名）',
        params: idParam,
        response: {
          200: z.object({
            attachments: z.array(attachmentView),
            maxBytes: z.number(),
            extensions: z.array(z.string()),
          }),
        },
      },
    },
    async (req) => {
      const { actor, item } = await visibleItem(db, req.ctx, req.params.id);
      return {
        attachments: await attachmentViews(db, actor, item),
        maxBytes: config.uploadMaxBytes,
        extensions: [...ATTACHMENT_EXTENSIONS],
      };
    },
  );

  r.get(
    '/api/attachments/:id/download',
    {
      // A HEAD would be audited as a download without sending the file: offer GET only.
      exposeHeadRoute: false,
      schema: { tags, summary: '下载附件（记入审计：导出）', params: idParam },
    },
    async (req, reply) => {
      const row = await attachmentForDownload(db, req.ctx, req.params.id);
      return sendStoredFile(reply, store, {
        hash: row.file_hash,
        name: row.name,
        mime: row.mime_type,
        fallback: `attachment-${row.id}`,
      });
    },
  );

  r.delete(
    '/api/attachments/:id',
    {
      schema: {
        tags,
        summary: '删除附件（上传人或督查员，事项未销号时）',
        params: idParam,
        querystring: z.object({ version: z.coerce.number().int().min(1) }),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await db
        .transaction()
        .execute((trx) => deleteAttachment(trx, req.ctx, req.params.id, req.query.version));
      return reply.code(204).send(null);
    },
  );
}
