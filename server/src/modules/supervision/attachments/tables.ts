import type { Generated } from 'kysely';
import type { AttachmentKind } from '../../../../../shared/src/attachments.js';

/** Tables of migration 0007, merged into the application's DB interface (schema.ts stays untouched). */

export interface AttachmentTable {
  id: Generated<number>;
  item_id: number;
  assignment_id: number | null;
  feedback_id: number | null;
  kind: AttachmentKind;
  /** SM3 of the content: the file's address in the platform file store. */
  file_hash: string;
  name: string;
  mime_type: string;
  size: number;
  uploaded_by: number;
  uploaded_at: string;
  deleted_at: string | null;
  deleted_by: number | null;
  version: Generated<number>;
}

declare module '../../../platform/db/schema.js' {
  interface DB {
    attachments: AttachmentTable;
  }
}
