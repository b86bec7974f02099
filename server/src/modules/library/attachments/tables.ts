import type { Generated } from 'kysely';

/** Tables of migration 0016, merged into the application's DB interface (schema.ts stays untouched). */

export interface LibraryAttachmentTable {
  id: Generated<number>;
  material_id: number;
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
    library_attachments: LibraryAttachmentTable;
  }
}
