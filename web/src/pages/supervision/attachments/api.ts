import { useQuery } from '@tanstack/react-query';
import type { AttachmentKind } from '../../../../../shared/src/attachments.js';
import { api, newIdempotencyKey } from '../../../api/client.js';
import { postFile } from '../../../api/upload.js';

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

/** The file goes as the request body itself; the server types it by its bytes and checks the size again. */
export function uploadAttachment(
  itemId: number,
  file: File,
  target: { kind: AttachmentKind; assignmentId?: number | undefined },
): Promise<Attachment> {
  const query = new URLSearchParams({ kind: target.kind });
  if (target.assignmentId !== undefined) query.set('assignmentId', String(target.assignmentId));
  return postFile<Attachment>(`/api/items/${itemId}/attachments?${query.toString()}`, file, {
    'content-type': 'application/octet-stream',
    'x-file-name': encodeURIComponent(file.name),
    'idempotency-key': newIdempotencyKey(),
  });
}

export const deleteAttachment = (a: Attachment) =>
  api<null>(`/api/attachments/${a.id}`, { method: 'DELETE', query: { version: a.version } });
