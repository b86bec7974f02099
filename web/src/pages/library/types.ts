import type { LibraryTierName, MaterialStatus } from '../../../../shared/src/library.js';

/** What every reader sees of a published material; `locked` when canAccess does not open it. */
export interface Teaser {
  id: number;
  title: string;
  type: string;
  topics: string[];
  occasion: string | null;
  tier: LibraryTierName;
  note: string;
  publishedAt: string;
  locked: boolean;
}

/** The reader's view: with access, the text as paragraphs and the indexes of heading paragraphs. */
export interface ReaderMaterial extends Teaser {
  paragraphs?: string[];
  headings?: number[];
  keyPoints?: string[];
  revision?: number;
  updatedAt?: string;
}

/** The fields an editor writes: the same as the API takes. */
export interface MaterialFields {
  title: string;
  type: string;
  topics: string[];
  occasion: string | null;
  tier: LibraryTierName;
  body: string;
  headings: number[];
  note: string;
  keyPoints: string[];
}

export interface EditorSummary {
  id: number;
  status: MaterialStatus;
  title: string;
  type: string;
  topics: string[];
  tier: LibraryTierName;
  revision: number;
  version: number;
  scheduledAt: string | null;
  publishedAt: string | null;
  updatedAt: string;
}

export interface EditorDetail extends EditorSummary, MaterialFields {
  withdrawnAt: string | null;
  createdAt: string;
  versions: { revision: number; title: string; editedAt: string; editorName: string }[];
}

export interface VersionText extends MaterialFields {
  revision: number;
  editedAt: string;
  editorName: string;
}
