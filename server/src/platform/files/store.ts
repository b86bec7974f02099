import { createHash, randomUUID } from 'node:crypto';
import { TextDecoder } from 'node:util';
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, open, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { AppError, notFound } from '../http/errors.js';
import { containerOf, detectType } from './detect.js';
import { FILE_TYPES, type FileTypeName } from './types.js';
import { zipEntryNames } from './zip.js';

export interface StoredFile {
  /** SM3 of the content, hex: the file's address in the store. */
  hash: string;
  size: number;
  type: FileTypeName;
  mime: string;
}

export interface PutOptions {
  /** The sanitised name the uploader gave; its extension must agree with the bytes. */
  filename: string;
  maxBytes: number;
  allowed: readonly FileTypeName[];
}

const HEAD_BYTES = 16;
const HASH = /^[0-9a-f]{64}$/;

export const megabytes = (bytes: number): string => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

export function tooLarge(maxBytes: number): AppError {
  return new AppError('FILE_TOO_LARGE', `文件：大小超过 ${megabytes(maxBytes)} 的上限`, {
    field: 'file',
    maxBytes,
  });
}

function typeRefused(filename: string, allowed: readonly FileTypeName[]): AppError {
  const names = [...new Set(allowed.flatMap((t) => FILE_TYPES[t].extensions))].join('、');
  return new AppError(
    'FILE_TYPE_REFUSED',
    `文件：「${filename}」的类型不受支持或内容与扩展名不符，仅支持 ${names}`,
    { field: 'file', allowed },
  );
}

async function writeAll(file: FileHandle, chunk: Buffer): Promise<void> {
  for (let at = 0; at < chunk.length;) at += (await file.write(chunk, at)).bytesWritten;
}

/** Make a rename durable: the directory entry must reach the disk, not just the file's bytes. */
async function syncDirectory(path: string): Promise<void> {
  const dir = await open(path, 'r');
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}

/**
 * Content-addressed files under one root, knowing no business rules: a file is stored once per content,
 * named by its SM3 hash, written to a temporary file, synced and renamed so a crash never leaves half a
 * file under a hash. Types come from the bytes, never from what the client claims.
 */
export class FileStore {
  constructor(readonly root: string) {}

  pathOf(hash: string): string {
    if (!HASH.test(hash)) throw notFound('文件');
    return join(this.root, hash.slice(0, 2), hash.slice(2, 4), hash);
  }

  /** Stream an upload into the store; a refused upload leaves nothing behind. */
  async put(source: AsyncIterable<Buffer>, options: PutOptions): Promise<StoredFile> {
    const tmpDir = join(this.root, 'tmp');
    await mkdir(tmpDir, { recursive: true });
    const tmp = join(tmpDir, `${randomUUID()}.part`);
    const file = await open(tmp, 'wx+');
    let kept = false;
    try {
      const hash = createHash('sm3');
      const decoder = new TextDecoder('utf-8', { fatal: true });
      let size = 0;
      let head = Buffer.alloc(0);
      let utf8Text = true;
      let overflow = false;
      for await (const chunk of source) {
        // Past the limit, read on without keeping anything, so the client still gets the answer.
        if (overflow || (size += chunk.length) > options.maxBytes) {
          overflow = true;
          continue;
        }
        if (head.length < HEAD_BYTES)
          head = Buffer.concat([head, chunk.subarray(0, HEAD_BYTES - head.length)]);
        if (utf8Text) utf8Text = decodes(decoder, chunk, true);
        hash.update(chunk);
        await writeAll(file, chunk);
      }
      if (overflow) throw tooLarge(options.maxBytes);
      if (size === 0) throw new AppError('VALIDATION_FAILED', '文件：不能为空文件', { field: 'file' });
      if (utf8Text) utf8Text = decodes(decoder, Buffer.alloc(0), false);
      const zipEntries = containerOf(head) === 'zip' ? await zipEntryNames(file, size) : null;
      const type = detectType({ head, zipEntries, utf8Text }, options.filename);
      if (type === null || !options.allowed.includes(type))
        throw typeRefused(options.filename, options.allowed);

      await file.sync();
      await file.close();
      const digest = hash.digest('hex');
      const target = this.pathOf(digest);
      if (await exists(target)) await unlink(tmp);
      else {
        await mkdir(dirname(target), { recursive: true });
        await rename(tmp, target);
        await syncDirectory(dirname(target));
      }
      kept = true;
      return { hash: digest, size, type, mime: FILE_TYPES[type].mime };
    } finally {
      if (!kept) {
        await file.close().catch(() => undefined);
        await unlink(tmp).catch(() => undefined);
      }
    }
  }

  /** A stream of a stored file; a hash with no file is 404, never a server error. */
  async open(hash: string): Promise<{ stream: ReadStream; size: number }> {
    const path = this.pathOf(hash);
    const info = await stat(path).catch(() => null);
    if (!info) throw notFound('文件');
    return { stream: createReadStream(path), size: info.size };
  }
}

/** Text is valid UTF-8 without NUL bytes; binary formats almost always contain both kinds of violation. */
function decodes(decoder: TextDecoder, chunk: Buffer, stream: boolean): boolean {
  if (chunk.includes(0)) return false;
  try {
    decoder.decode(chunk, { stream });
    return true;
  } catch {
    return false;
  }
}

async function exists(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null)) !== null;
}
