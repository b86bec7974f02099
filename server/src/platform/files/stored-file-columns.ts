import type { Generated } from 'kysely';

/**
 * The columns of every module's table of uploaded files: a row naming a file in the store by its hash,
 * soft-deleted (the file stays for the audit trail) and versioned. Modules add whom the file belongs to.
 */
export interface StoredFileColumns {
  id: Generated<number>;
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
