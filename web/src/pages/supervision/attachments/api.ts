import { useQuery } from '@tanstack/react-query';
import type { ApiErrorBody } from '../../../../../shared/src/errors.js';
import type { AttachmentKind } from '../../../../../shared/src/attachments.js';
import {
  api,
  ApiError,
  CSRF_COOKIE,
  CSRF_HEADER,
  newIdempotencyKey,
  readCookie,
} from '../../../api/client.js';

export interface Attachment {
  id: number;
  itemId: number;
  assignmentId: number | null;
  kind: AttachmentKind;
  name: string;
  mimeType: string;
  size: number;
  uploadedBy: { id: number; name: string };
  uploadedAt: string;
  version: number;
  mayDelete: boolean;
}

export interface AttachmentList {
  attachments: Attachment[];
  maxBytes: number;
  extensions: string[];
}

export const attachmentsKey = (itemId: number) => ['supervision', 'attachments', itemId] as const;

export function useAttachments(itemId: number) {
  return useQuery({
    queryKey: attachmentsKey(itemId),
    queryFn: () => api<AttachmentList>(`/api/items/${itemId}/attachments`),
  });
}

export const downloadUrl = (a: Attachment) => `/api/attachments/${a.id}/download`;

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The file goes as the request body itself; the server types it by its bytes and checks the size again. */
export async function uploadAttachment(
  itemId: number,
  file: File,
  target: { kind: AttachmentKind; assignmentId?: number | undefined },
): Promise<Attachment> {
  const query = new URLSearchParams({ kind: target.kind });
  if (target.assignmentId !== undefined) query.set('assignmentId', String(target.assignmentId));
  const headers: Record<string, string> = {
    accept: 'application/json',
    'content-type': 'application/octet-stream',
    'x-file-name': encodeURIComponent(file.name),
    'idempotency-key': newIdempotencyKey(),
  };
  const token = readCookie(CSRF_COOKIE);
  if (token) headers[CSRF_HEADER] = token;
  let response: Response;
  try {
    response = await fetch(`/api/items/${itemId}/attachments?${query.toString()}`, {
      method: 'POST',
      headers,
      credentials: 'same-origin',
      body: file,
    });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试', null);
  }
  const data = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) {
    const body = (data ?? {}) as Partial<ApiErrorBody>;
    throw new ApiError(
      response.status,
      typeof body.code === 'string' ? body.code : 'INTERNAL',
      typeof body.message === 'string' ? body.message : `上传失败（HTTP ${response.status}）`,
      body.details ?? null,
    );
  }
  return data as Attachment;
}

export const deleteAttachment = (a: Attachment) =>
  api<null>(`/api/attachments/${a.id}`, { method: 'DELETE', query: { version: a.version } });
