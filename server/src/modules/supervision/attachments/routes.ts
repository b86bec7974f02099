import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { z } from 'zod';
import { invalid } from '../../../platform/http/errors.js';
import { createOnce } from '../../../platform/http/idempotency.js';
import {
  FILE_TYPES,
  FileStore,
  extensionOf,
  sanitizeFilename,
  tooLarge,
  type FileTypeName,
} from '../../../platform/files/index.js';
import { ATTACHMENT_EXTENSIONS, ATTACHMENT_KINDS } from '../../../../../shared/src/attachments.js';
import { attachment as contentDisposition } from '../ledger/presenter.js';
import { idParam } from '../routes/schemas.js';
import { attachmentView, attachmentViews } from './presenter.js';
import {
  addAttachment,
  attachmentForDownload,
  checkUpload,
  deleteAttachment,
  visibleItem,
} from './service.js';

const OCTET = 'application/octet-stream';
const ALLOWED = (Object.keys(FILE_TYPES) as FileTypeName[]).filter((t) =>
  FILE_TYPES[t].extensions.some((e) => (ATTACHMENT_EXTENSIONS as readonly string[]).includes(e)),
);
const kind = z.enum(Object.keys(ATTACHMENT_KINDS) as [keyof typeof ATTACHMENT_KINDS]);
const optionalId = z.coerce.number().int().positive().optional();

/** The uploader's file name travels URL-encoded in a header, since the body is the file itself. */
function filenameOf(header: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(header);
  } catch {
    throw invalid('文件名', '编码无效，应为 URL 编码的 UTF-8');
  }
  const name = sanitizeFilename(decoded);
  if (name === null) throw invalid('文件名', '不能为空');
  return name;
}

function declaredLength(req: FastifyRequest): number | null {
  const header = req.headers['content-length'];
  return header === undefined ? null : Number(header);
}

export function attachmentRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, config } = app.deps;
  const store = new FileStore(join(config.dataDir, 'files'));
  const tags = ['督查督办'];

  // Uploads are streamed to the store as they arrive: the parser hands the request stream on unread.
  if (!app.hasContentTypeParser(OCTET))
    app.addContentTypeParser(OCTET, (_req, payload, done) => done(null, payload));

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
      const name = filenameOf(req.headers['x-file-name']);
      if (!(req.body instanceof Readable)) throw invalid('文件', `请以 ${OCTET} 上传文件内容`);
      const length = declaredLength(req);
      if (length !== null && length > config.uploadMaxBytes) throw tooLarge(config.uploadMaxBytes);
      const stored = await store.put(req.body, {
        filename: name,
        maxBytes: config.uploadMaxBytes,
        allowed: ALLOWED,
      });
      // createOnce fingerprints req.body; the content's hash stands for the bytes already consumed.
      req.body = { ...target, name, hash: stored.hash };
      const created = await createOnce(req, db, req.ctx, (trx) =>
        addAttachment(trx, req.ctx, req.params.id, target, { ...stored, name }),
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
      const { stream, size } = await store.open(row.file_hash);
      const ext = extensionOf(row.name);
      // Always a download, never rendered in the page: an uploaded file must not run as our origin.
      return reply
        .header('content-type', row.mime_type)
        .header('content-length', size)
        .header(
          'content-disposition',
          contentDisposition(row.name, `attachment-${row.id}${ext ? `.${ext}` : ''}`),
        )
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(stream);
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
