import { ApiError, CSRF_COOKIE, CSRF_HEADER, readCookie } from './client.js';

/**
 * POST a file as the request body itself (the server types it by its bytes); the answer's JSON, or an
 * ApiError carrying the server's code and Chinese message.
 */
export async function postFile<T>(path: string, file: File, headers: Record<string, string>): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'application/json', [CSRF_HEADER]: readCookie(CSRF_COOKIE) ?? '', ...headers },
      body: file,
    });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试', null);
  }
  const body = (await response.json().catch(() => null)) as
    (T & { code?: unknown; message?: unknown; details?: unknown }) | null;
  if (response.ok && body) return body;
  throw new ApiError(
    response.status,
    typeof body?.code === 'string' ? body.code : 'INTERNAL',
    typeof body?.message === 'string' ? body.message : `上传失败（HTTP ${response.status}）`,
    body?.details ?? null,
  );
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export interface UploadLimits {
  maxBytes: number;
  extensions: string[];
}

export const uploadHint = (limits: UploadLimits): string =>
  `支持 ${limits.extensions.join('、')}，单个文件不超过 ${formatSize(limits.maxBytes)}`;

/** Why the browser refuses a file before sending it (a quick answer; the server checks the bytes), or null. */
export function refusedUpload(file: File, limits: UploadLimits): string | null {
  const ext = file.name.includes('.') ? (file.name.split('.').pop() ?? '').toLowerCase() : '';
  if (!limits.extensions.includes(ext)) return `文件「${file.name}」的类型不受支持，${uploadHint(limits)}`;
  if (file.size > limits.maxBytes) return `文件「${file.name}」超过 ${formatSize(limits.maxBytes)} 的上限`;
  return null;
}
