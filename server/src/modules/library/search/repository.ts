import { dialectOf } from '../../../platform/db/database.js';
import type { Executor } from '../../../platform/db/schema.js';
import type { WeightedKeyword } from './segment.js';
import * as postgres from './repository-postgres.js';
import * as sqlite from './repository-sqlite.js';
import type { QueryTerm } from './tokenize.js';
import type { MatchScope, SearchDocument, SearchFilters } from './types.js';

/**
 * Library search storage: the searchable copies and their topics and keywords here; the text index
 * itself in repository-sqlite.ts (FTS5) or repository-postgres.ts (tsvector + GIN), chosen by dialect.
 */
function textIndex(db: Executor) {
  return dialectOf(db) === 'postgres' ? postgres : sqlite;
}

/** Removes the copies of these materials, where there are any. */
export async function removeDocs(db: Executor, materialIds: readonly number[]): Promise<void> {
  if (materialIds.length === 0) return;
  const rows = await db
    .selectFrom('library_search_docs')
    .select('seq')
    .where('material_id', 'in', materialIds)
    .execute();
  if (rows.length === 0) return;
  await textIndex(db).removeTokens(
    db,
    rows.map((r) => r.seq),
  );
  await db.deleteFrom('library_search_docs').where('material_id', 'in', materialIds).execute();
  await db.deleteFrom('library_search_topics').where('material_id', 'in', materialIds).execute();
  await db.deleteFrom('library_search_keywords').where('material_id', 'in', materialIds).execute();
}

/**
 * Inserts fresh copies (the caller removed any older ones), in the order given: each new seq puts its
 * copy first among recent hits. Multi-row statements: a bulk load indexes hundreds per transaction.
 */
export async function insertDocs(
  db: Executor,
  docs: readonly { doc: SearchDocument; keywords: WeightedKeyword[] }[],
): Promise<void> {
  if (docs.length === 0) return;
  await textIndex(db).insertDocsWithTokens(
    db,
    docs.map((d) => d.doc),
  );
  const topics = docs.flatMap(({ doc }) =>
    [...new Set(doc.topics)].map((topic) => ({ material_id: doc.materialId, topic })),
  );
  if (topics.length > 0) await db.insertInto('library_search_topics').values(topics).execute();
  const keywords = docs.flatMap(({ doc, keywords }) =>
    keywords.map((k) => ({ material_id: doc.materialId, keyword: k.keyword, weight: k.weight })),
  );
  if (keywords.length > 0) await db.insertInto('library_search_keywords').values(keywords).execute();
}

/** Whether a match in the index is always an exact one (FTS5 phrases) or may be a near miss (PostgreSQL). */
export function indexIsExact(db: Executor): boolean {
  return dialectOf(db) === 'sqlite';
}

/** The newest matching copies (by seq, descending; older than seq `before`, if given), at most `limit`. */
export function matchingSeqs(
  db: Executor,
  terms: QueryTerm[],
  filters: SearchFilters,
  scope: MatchScope,
  limit: number,
  before?: number,
): Promise<number[]> {
  return textIndex(db).matchingSeqs(db, terms, filters, scope, limit, before);
}

/** How many copies match, counting no further than `cap` (a common word would otherwise walk them all). */
export function countMatches(
  db: Executor,
  terms: QueryTerm[],
  filters: SearchFilters,
  cap: number,
): Promise<number> {
  return textIndex(db).countMatches(db, terms, filters, cap);
}

export async function topicsOf(db: Executor, materialIds: readonly number[]): Promise<Map<number, string[]>> {
  const map = new Map<number, string[]>();
  if (materialIds.length === 0) return map;
  const rows = await db
    .selectFrom('library_search_topics')
    .select(['material_id', 'topic'])
    .where('material_id', 'in', materialIds)
    .orderBy('topic')
    .execute();
  for (const r of rows) map.set(r.material_id, [...(map.get(r.material_id) ?? []), r.topic]);
  return map;
}

export async function keywordsOfDoc(db: Executor, materialId: number) {
  return db
    .selectFrom('library_search_keywords')
    .select(['keyword', 'weight'])
    .where('material_id', '=', materialId)
    .execute();
}

/** The materials weighing `keyword` most, at most `limit`: a keyword in nearly every material stays cheap. */
export async function heaviestFor(db: Executor, keyword: string, limit: number) {
  return db
    .selectFrom('library_search_keywords')
    .select(['material_id', 'weight'])
    .where('keyword', '=', keyword)
    .orderBy('weight', 'desc')
    .limit(limit)
    .execute();
}

export async function docsByMaterial(db: Executor, materialIds: readonly number[]) {
  if (materialIds.length === 0) return [];
  return db
    .selectFrom('library_search_docs')
    .select(['material_id', 'title', 'type', 'tier', 'published_at'])
    .where('material_id', 'in', materialIds)
    .execute();
}
