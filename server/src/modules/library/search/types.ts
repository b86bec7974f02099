/** What materials hands over when a material is published or a published one gets a new version. */
export interface SearchDocument {
  materialId: number;
  title: string;
  /** Plain text, paragraphs separated by \n. */
  body: string;
  notes: string;
  type: string;
  topics: string[];
  tier: 'free' | 'member';
  publishedAt: string;
}

export interface SearchFilters {
  type?: string | undefined;
  topic?: string | undefined;
  /** Publish instants, ISO: from inclusive, to exclusive. */
  from?: string | undefined;
  to?: string | undefined;
  tier?: 'free' | 'member' | undefined;
}

/** Which fields a candidate query looks in: the title only (title hits rank first) or any field. */
export type MatchScope = 'title' | 'any';
