import type { StoredFileColumns } from '../../../platform/files/index.js';

/** Tables of migration 0016, merged into the application's DB interface (schema.ts stays untouched). */

export interface LibraryAttachmentTable extends StoredFileColumns {
  material_id: number;
}

declare module '../../../platform/db/schema.js' {
  interface DB {
    library_attachments: LibraryAttachmentTable;
  }
}
