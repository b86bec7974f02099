import type { Generated } from 'kysely';
import type { LibraryTierName, MaterialStatus } from '../../../../../shared/src/library.js';

/** Tables of migration 0010, merged into the application's DB interface (schema.ts stays untouched). */

/** The text of one version of a material; topics, headings and key points are JSON arrays. */
export interface MaterialText {
  title: string;
  type: string;
  topics: string;
  occasion: string | null;
  tier: LibraryTierName;
  /** Plain-text paragraphs separated by \n. */
  body: string;
  /** Indexes of the body's paragraphs that are headings. */
  headings: string;
  /** 导读 */
  note: string;
  key_points: string;
}

/** A material with its latest text; `revision` is that text's number in library_material_versions. */
export interface LibraryMaterialTable extends MaterialText {
  id: Generated<number>;
  status: MaterialStatus;
  revision: number;
  scheduled_at: string | null;
  published_at: string | null;
  withdrawn_at: string | null;
  created_by: number;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface LibraryMaterialVersionTable extends MaterialText {
  id: Generated<number>;
  material_id: number;
  revision: number;
  edited_by: number;
  edited_at: string;
}

export interface LibraryMaterialTopicTable {
  material_id: number;
  topic: string;
}

export interface LibraryOutboxTable {
  id: Generated<number>;
  material_id: number;
  /** The material's revision that was published. */
  version: number;
  event: 'published';
  created_at: string;
  processed_at: string | null;
}

declare module '../../../platform/db/schema.js' {
  interface DB {
    library_materials: LibraryMaterialTable;
    library_material_versions: LibraryMaterialVersionTable;
    library_material_topics: LibraryMaterialTopicTable;
    library_outbox: LibraryOutboxTable;
  }
}
