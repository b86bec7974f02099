import type { StoredFileColumns } from '../../../platform/files/index.js';
import type { AttachmentKind } from '../../../../../shared/src/attachments.js';

/** Tables of migration 0007, merged into the application's DB interface (schema.ts stays untouched). */

export interface AttachmentTable extends StoredFileColumns {
  item_id: number;
  assignment_id: number | null;
  feedback_id: number | null;
  kind: AttachmentKind;
}

declare module '../../../platform/db/schema.js' {
  interface DB {
    attachments: AttachmentTable;
  }
}
