import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import {
  FILE_TYPES,
  extensionOf,
  sanitizeFilename,
  tooLarge,
  type FileStore,
  type FileTypeName,
  type StoredFile,
} from '../files/index.js';
import { invalid } from './errors.js';

export const OCTET = 'application/octet-stream';

/** Uploads are streamed to the file store as they arrive: the parser hands the request stream on unread. */
export function acceptRawUploads(app: FastifyInstance): void {
  if (!app.hasContentTypeParser(OCTET))
    app.addContentTypeParser(OCTET, (_req, payload, done) => done(null, payload));
}

/** The uploader's file name travels URL-encoded in a header, since the body is the file itself. */
function uploadFilename(header: string): string {
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

/** The Content-Length the client declared, to refuse an oversized upload before reading it. */
function declaredLength(req: FastifyRequest): number | null {
  const header = req.headers['content-length'];
  return header === undefined ? null : Number(header);
}

/** The file types whose extensions are all in an allow-list of extensions (the upload's allowed types). */
export function typesWithExtensions(extensions: readonly string[]): FileTypeName[] {
  return (Object.keys(FILE_TYPES) as FileTypeName[]).filter((t) =>
    FILE_TYPES[t].extensions.some((e) => extensions.includes(e)),
  );
}

/**
 * Store the request's body (the file itself) after the caller's checks passed: a bad name, a body that is
 * not a stream, a declared or actual size over the limit, or a refused type stores nothing.
 */
export async function receiveUpload(
  req: FastifyRequest,
  store: FileStore,
  limits: { maxBytes: number; allowed: readonly FileTypeName[] },
): Promise<StoredFile & { name: string }> {
  const header = req.headers['x-file-name'];
  const name = uploadFilename(typeof header === 'string' ? header : '');
  if (!(req.body instanceof Readable)) throw invalid('文件', `请以 ${OCTET} 上传文件内容`);
  const length = declaredLength(req);
  if (length !== null && length > limits.maxBytes) throw tooLarge(limits.maxBytes);
  const stored = await store.put(req.body, {
    filename: name,
    maxBytes: limits.maxBytes,
    allowed: limits.allowed,
  });
  return { ...stored, name };
}

/**
 * Always a download, never rendered: the real name in UTF-8 (Chinese titles), and an ASCII `fallback`
 * for old clients that do not read filename*.
 */
export function attachmentDisposition(filename: string, fallback?: string): string {
  const encoded = `filename*=UTF-8''${encodeURIComponent(filename)}`;
  return fallback === undefined ? `attachment; ${encoded}` : `attachment; filename="${fallback}"; ${encoded}`;
}

/**
 * Send a stored file as a download: its own type, never rendered in the page (an uploaded file must not
 * run as our origin), never cached; `fallback` is the ASCII name for clients without filename*.
 */
export async function sendStoredFile(
  reply: FastifyReply,
  store: FileStore,
  file: { hash: string; name: string; mime: string; fallback: string },
): Promise<FastifyReply> {
  const { stream, size } = await store.open(file.hash);
  const ext = extensionOf(file.name);
  return reply
    .header('content-type', file.mime)
    .header('content-length', size)
    .header(
      'content-disposition',
      attachmentDisposition(file.name, `${file.fallback}${ext ? `.${ext}` : ''}`),
    )
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(stream);
}
