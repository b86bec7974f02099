import type { Generated } from 'kysely';

/** Tables of migration 0012, merged into the application's DB interface (schema.ts stays untouched). */

/**
 * The searchable copy of each published material. `seq` grows with every (re)indexing, so the newest
 * published versions come first when walking hits by seq: the cheap order behind the ranking window.
 */
export interface LibrarySearchDocTable {
  seq: Generated<number>;
  material_id: number;
  title: string;
  body: string;
  notes: string;
  type: string;
  tier: 'free' | 'member';
  published_at: string;
  /** PostgreSQL only: the sets of lexemes of the whole copy and of its title (see tokenize.ts), GIN-indexed. */
  lexemes?: unknown;
  title_lexemes?: unknown;
}

export interface LibrarySearchTopicTable {
  material_id: number;
  topic: string;
}

/** jieba TF-IDF keywords of each material: what "similar materials" compares. */
export interface LibrarySearchKeywordTable {
  material_id: number;
  keyword: string;
  weight: number;
}

declare module '../../../platform/db/schema.js' {
  interface DB {
    library_search_docs: LibrarySearchDocTable;
    library_search_topics: LibrarySearchTopicTable;
    library_search_keywords: LibrarySearchKeywordTable;
  }
}
