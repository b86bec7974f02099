import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { join } from 'node:path';
import { z } from 'zod';
import { ATTACHMENT_EXTENSIONS } from '../../../../../shared/src/attachments.js';
import { FileStore } from '../../../platform/files/index.js';
import {
  acceptRawUploads,
  receiveUpload,
  sendStoredFile,
  typesWithExtensions,
} from '../../../platform/http/file-transfer.js';
import { createOnce } from '../../../platform/http/idempotency.js';
import { attachmentView } from './presenter.js';
import {
  addAttachment,
  attachmentForDownload,
  checkUpload,
  deleteAttachment,
  listAttachments,
} from './service.js';

const ALLOWED = typesWithExtensions(ATTACHMENT_EXTENSIONS);
const idParam = z.object({ id: z.coerce.number().int().positive() });

/** 资料附件: editors upload and delete; readers list them and download through canAccess. */
export function libraryAttachmentRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, config } = app.deps;
  const store = new FileStore(join(config.dataDir, 'files'));
  const tags = ['资料库'];
  acceptRawUploads(app);

  r.post(
    '/api/library/editor/materials/:id/attachments',
    {
      schema: {
        tags,
        summary:
          '上传资料附件（资料编辑；请求体为文件本身，Content-Type: application/octet-stream，文件名 URL 编码后放在 X-File-Name）',
        params: idParam,
        headers: z.object({ 'x-file-name': z.string().min(1).max(2000) }),
        response: { 201: attachmentView },
      },
    },
    async (req, reply) => {
      // Role and material first: someone who may not upload learns nothing, not even that the name was bad.
      await checkUpload(db, req.ctx, req.params.id);
      const file = await receiveUpload(req, store, { maxBytes: config.uploadMaxBytes, allowed: ALLOWED });
      // createOnce fingerprints req.body; the content's hash stands for the bytes already consumed.
      req.body = { name: file.name, hash: file.hash };
      const created = await createOnce(req, db, req.ctx, (trx) =>
        addAttachment(trx, req.ctx, req.params.id, file),
      );
      return reply.code(created.status as 201).send(created.body);
    },
  );

  r.get(
    '/api/library/materials/:id/attachments',
    {
      schema: {
        tags,
        summary:
          '资料的附件列表（名称、大小）及上传限制；无权阅读资料时标记为 locked，不能下载；草稿的附件只有编辑可见',
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
    async (req) => ({
      attachments: await listAttachments(db, req.ctx, req.params.id),
      maxBytes: config.uploadMaxBytes,
      extensions: [...ATTACHMENT_EXTENSIONS],
    }),
  );

  r.get(
    '/api/library/attachments/:id/download',
    {
      // A HEAD would be audited as a download without sending the file: offer GET only.
      exposeHeadRoute: false,
      schema: {
        tags,
        summary:
          '下载资料附件：须有权阅读该资料（canAccess），否则 403 MEMBERSHIP_REQUIRED；记入审计（导出）',
        params: idParam,
      },
    },
    async (req, reply) => {
      const row = await attachmentForDownload(db, req.ctx, req.params.id);
      return sendStoredFile(reply, store, {
        hash: row.file_hash,
        name: row.name,
        mime: row.mime_type,
        fallback: `library-attachment-${row.id}`,
      });
    },
  );

  r.delete(
    '/api/library/editor/attachments/:id',
    {
      schema: {
        tags,
        summary: '删除资料附件（资料编辑；文件保留供审计追溯）',
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
