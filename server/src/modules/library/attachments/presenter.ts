import { z } from 'zod';
import type { AttachmentRow } from './repository.js';

export const attachmentView = z.object({
  id: z.number(),
  materialId: z.number(),
  name: z.string(),
  mimeType: z.string(),
  size: z.number(),
  uploadedAt: z.string(),
  version: z.number(),
  /** True when this reader may see the name but not download the file (canAccess refuses). */
  locked: z.boolean(),
});
export type AttachmentView = z.infer<typeof attachmentView>;

export const presentAttachment = (row: AttachmentRow, locked: boolean): AttachmentView => ({
  id: row.id,
  materialId: row.material_id,
  name: row.name,
  mimeType: row.mime_type,
  size: Number(row.size),
  uploadedAt: row.uploaded_at,
  version: row.version,
  locked,
});
