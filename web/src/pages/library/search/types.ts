import type { LibraryTierName } from '../../../../../shared/src/library.js';

/** A matched range, in characters of the text it belongs to. */
export interface Mark {
  start: number;
  length: number;
}

export interface SearchHit {
  materialId: number;
  title: string;
  titleMarks: Mark[];
  type: string;
  topics: string[];
  tier: LibraryTierName;
  publishedAt: string;
  locked: boolean;
  /** Null for a locked result: its text is never sent. */
  snippet: { text: string; marks: Mark[]; cutBefore: boolean; cutAfter: boolean } | null;
}

export interface SearchPage {
  total: number;
  /** Counting stopped: at least `total`. */
  more: boolean;
  approximate: boolean;
  ranked: number;
  page: number;
  pageSize: number;
  results: SearchHit[];
}

export interface SimilarItem {
  materialId: number;
  title: string;
  type: string;
  tier: LibraryTierName;
  publishedAt: string;
  locked: boolean;
}
