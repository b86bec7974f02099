import type { Generated } from 'kysely';
import type { LibraryTierName } from '../../../../../shared/src/library.js';

/** Table of migration 0015 (member groups), merged into the application's DB interface. */

export interface LibraryGroupTable {
  id: Generated<number>;
  tier: LibraryTierName;
  name: string;
  /** The join link as text; the web app draws its QR code. */
  join_link: string;
  notes: string;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

declare module '../../../platform/db/schema.js' {
  interface DB {
    library_groups: LibraryGroupTable;
  }
}
