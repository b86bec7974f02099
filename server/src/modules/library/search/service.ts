import type { Ctx } from '../../../platform/context.js';
import type { Executor } from '../../../platform/db/schema.js';
import { AppError, notFound } from '../../../platform/http/errors.js';
import { accessibleIds } from '../access/index.js';
import { maySearchLibrary } from './policy.js';
import { holdsEveryTerm, score } from './rank.js';
import {
  countMatches,
  indexIsExact,
  docsByMaterial,
  heaviestFor,
  keywordsOfDoc,
  matchingSeqs,
  topicsOf,
} from './repository.js';
import { bodiesOf, candidateStats, type CandidateStats } from './repository-stats.js';
import { marksIn, snippetOf, type Mark, type Snippet } from './snippet.js';
import { queryTerms } from './tokenize.js';
import type { MatchScope, SearchFilters } from './types.js';

/**
 * The ranking window: relevance is computed on the title hits and the newest hits only, so a word
 * found in nearly every material costs the same as a rare one (see docs/ARCHITECTURE.md, library search).
 */
export const TITLE_WINDOW = 60;
export const RECENT_WINDOW = 120;
export const PAGE_SIZE = 20;
const COUNT_CAP = 1_000;
const IDF_CAP = 500;
/** Windows read to fill one with verified hits where the index over-matches (PostgreSQL). */
const REFILL_ROUNDS = 4;

export interface SearchResult {
  materialId: number;
  title: string;
  titleMarks: Mark[];
  type: string;
  topics: string[];
  tier: 'free' | 'member';
  publishedAt: string;
  locked: boolean;
  /** Null when locked: a material the reader may not open never shows its text. */
  snippet: Snippet | null;
}

export interface SearchPage {
  total: number;
  /** Counting stopped at the cap: there are at least `total`. */
  more: boolean;
  /** The total may include near misses the index could not tell apart (PostgreSQL, see repository). */
  approximate: boolean;
  /** How many of the results are ranked and can be paged through. */
  ranked: number;
  page: number;
  pageSize: number;
  results: SearchResult[];
}

/** Rarer terms weigh more when a query has several; the count stops early for common ones. */
async function termWeights(db: Executor, terms: ReturnType<typeof queryTerms>, filters: SearchFilters) {
  const weights = new Map<string, number>();
  if (terms.length < 2) return weights;
  for (const term of terms) {
    const df = await countMatches(db, [term], filters, IDF_CAP);
    weights.set(term.text, Math.log(1 + IDF_CAP / Math.max(1, df)));
  }
  return weights;
}

/**
 * The newest hits of `scope` that the text check confirms, at most `limit`. An exact index (SQLite)
 * takes one read; on PostgreSQL near misses are dropped and older hits read in their place, a few
 * windows at most, so a run of near misses does not hide the exact hits behind it. `exhausted`: the
 * index has no hits beyond those read.
 */
async function verifiedWindow(
  db: Executor,
  terms: ReturnType<typeof queryTerms>,
  filters: SearchFilters,
  scope: MatchScope,
  limit: number,
  known: Map<number, CandidateStats>,
): Promise<{ rows: CandidateStats[]; exhausted: boolean }> {
  const texts = terms.map((t) => t.text);
  const rows: CandidateStats[] = [];
  let before: number | undefined;
  for (let round = 0; round < REFILL_ROUNDS; round++) {
    const seqs = await matchingSeqs(db, terms, filters, scope, limit, before);
    for (const row of await candidateStats(
      db,
      seqs.filter((seq) => !known.has(seq)),
      texts,
    ))
      known.set(row.seq, row);
    for (const seq of seqs) {
      const row = known.get(seq);
      if (row && rows.length < limit && holdsEveryTerm(row, texts)) rows.push(row);
    }
    if (seqs.length < limit) return { rows, exhausted: true };
    if (rows.length >= limit || indexIsExact(db)) break;
    before = seqs[seqs.length - 1];
  }
  return { rows, exhausted: false };
}

function snippetFor(row: CandidateStats, body: string, terms: string[]): Snippet | null {
  return snippetOf(body, terms) ?? snippetOf(row.notes, terms) ?? null;
}

export async function searchLibrary(
  db: Executor,
  ctx: Ctx,
  query: string,
  filters: SearchFilters,
  page: number,
): Promise<SearchPage> {
  const actor = maySearchLibrary(ctx.actor);
  const terms = queryTerms(query);
  if (terms.length === 0) throw new AppError('VALIDATION_FAILED', '检索词须包含汉字、字母或数字');
  const known = new Map<number, CandidateStats>();
  const titleHits = await verifiedWindow(db, terms, filters, 'title', TITLE_WINDOW, known);
  const recent = await verifiedWindow(db, terms, filters, 'any', RECENT_WINDOW, known);
  const texts = terms.map((t) => t.text);
  const rows = [...new Map([...titleHits.rows, ...recent.rows].map((r) => [r.seq, r])).values()];
  const weights = await termWeights(db, terms, filters);
  const averageBody = rows.reduce((sum, r) => sum + r.body_length, 0) / Math.max(1, rows.length);
  const ranked = rows
    .map((row) => ({ row, score: score(row, texts, weights, averageBody) }))
    .sort((a, b) => b.score - a.score || b.row.seq - a.row.seq);
  // Every hit was seen when the index ran out before the newest-hits window filled: the count is exact.
  const complete = recent.exhausted;
  const counted = complete ? ranked.length : await countMatches(db, terms, filters, COUNT_CAP);
  const shown = ranked.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((r) => r.row);
  const refs = shown.map((r) => ({ id: r.material_id, tier: r.tier, publishedAt: r.published_at }));
  const open = await accessibleIds(db, actor.id, refs, ctx.clock.now());
  // Bodies only of the open results shown: a locked one's text is never read for the reader.
  const bodies = await bodiesOf(
    db,
    shown.filter((r) => open.has(r.material_id)).map((r) => r.seq),
  );
  const topics = await topicsOf(
    db,
    shown.map((r) => r.material_id),
  );
  return {
    total: Math.max(counted, ranked.length),
    more: !complete && counted >= COUNT_CAP,
    approximate: !complete && !indexIsExact(db),
    ranked: ranked.length,
    page,
    pageSize: PAGE_SIZE,
    results: shown.map((row) => {
      const locked = !open.has(row.material_id);
      return {
        materialId: row.material_id,
        title: row.title,
        titleMarks: marksIn(row.title, texts),
        type: row.type,
        topics: topics.get(row.material_id) ?? [],
        tier: row.tier,
        publishedAt: row.published_at,
        locked,
        snippet: locked ? null : snippetFor(row, bodies.get(row.seq) ?? '', texts),
      };
    }),
  };
}

export interface SimilarMaterial {
  materialId: number;
  title: string;
  type: string;
  tier: 'free' | 'member';
  publishedAt: string;
  locked: boolean;
}

// Five fit beside or under the reader's text without pushing it aside; the search page shows the same.
const SIMILAR_COUNT = 5;
const PER_KEYWORD = 200;

/** Materials sharing the most keyword weight with a published one; titles only, locked where closed. */
export async function similarMaterials(
  db: Executor,
  ctx: Ctx,
  materialId: number,
): Promise<SimilarMaterial[]> {
  const actor = maySearchLibrary(ctx.actor);
  const keywords = await keywordsOfDoc(db, materialId);
  const [source] = await docsByMaterial(db, [materialId]);
  if (!source) throw notFound('资料');
  const scores = new Map<number, number>();
  for (const k of keywords)
    for (const other of await heaviestFor(db, k.keyword, PER_KEYWORD))
      if (other.material_id !== materialId)
        scores.set(other.material_id, (scores.get(other.material_id) ?? 0) + k.weight * other.weight);
  const best = [...scores.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0]).slice(0, SIMILAR_COUNT);
  const rows = new Map(
    (
      await docsByMaterial(
        db,
        best.map(([id]) => id),
      )
    ).map((r) => [r.material_id, r]),
  );
  const now = ctx.clock.now();
  const visible = best
    .flatMap(([id]) => rows.get(id) ?? [])
    .filter((r) => r.published_at <= now.toISOString());
  const open = await accessibleIds(
    db,
    actor.id,
    visible.map((r) => ({ id: r.material_id, tier: r.tier, publishedAt: r.published_at })),
    now,
  );
  return visible.map((r) => ({
    materialId: r.material_id,
    title: r.title,
    type: r.type,
    tier: r.tier,
    publishedAt: r.published_at,
    locked: !open.has(r.material_id),
  }));
}
