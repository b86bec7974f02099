import { useQuery } from '@tanstack/react-query';
import { api, newIdempotencyKey } from '../../../api/client.js';
import { postFile } from '../../../api/upload.js';

export interface LibraryAttachment {
  id: number;
  materialId: number;
  name: string;
  mimeType: string;
  size: number;
  uploadedAt: string;
  version: number;
  /** The reader sees the name and size but may not download it (no access to the material). */
  locked: boolean;
}

export interface AttachmentList {
  attachments: LibraryAttachment[];
  maxBytes: number;
  extensions: string[];
}

export const attachmentsKey = (materialId: number) => ['library', 'attachments', materialId] as const;

export function useMaterialAttachments(materialId: number, enabled = true) {
  return useQuery({
    queryKey: attachmentsKey(materialId),
    queryFn: () => api<AttachmentList>(`/api/library/materials/${materialId}/attachments`),
    enabled,
  });
}

export const downloadPath = (a: LibraryAttachment) => `/api/library/attachments/${a.id}/download`;

export const uploadMaterialAttachment = (materialId: number, file: File) =>
  postFile<LibraryAttachment>(`/api/library/editor/materials/${materialId}/attachments`, file, {
    'content-type': 'application/octet-stream',
    'x-file-name': encodeURIComponent(file.name),
    'idempotency-key': newIdempotencyKey(),
  });

export const deleteMaterialAttachment = (a: LibraryAttachment) =>
  api<null>(`/api/library/editor/attachments/${a.id}`, { method: 'DELETE', query: { version: a.version } });
