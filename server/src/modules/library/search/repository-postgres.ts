import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/schema.js';
import { filterSql } from './repository-filters.js';
import { lexemesOf, type QueryTerm } from './tokenize.js';
import type { MatchScope, SearchDocument, SearchFilters } from './types.js';

/**
 * PostgreSQL: each copy carries the set of its lexemes (bigrams, characters, words) as a tsvector built
 * with array_to_tsvector, so neither a text-search parser nor LC_CTYPE ever sees the Chinese. The set
 * has no positions (a tsvector clamps them at 16,383 and keeps 256 per lexeme, which would lose hits
 * in long materials), so a query asks for all its lexemes and the service checks the exact text.
 */
export async function insertDocsWithTokens(db: Executor, docs: readonly SearchDocument[]): Promise<void> {
  const tuples = docs.map((doc) => {
    const all = lexemesOf(`${doc.title}\n${doc.notes}\n${doc.body}`);
    const title = lexemesOf(doc.title);
    return sql`(${doc.materialId}, ${doc.title}, ${doc.body}, ${doc.notes}, ${doc.type}, ${doc.tier},
      ${doc.publishedAt}::timestamptz, array_to_tsvector(${all}::text[]), array_to_tsvector(${title}::text[]))`;
  });
  // A serial takes its values in the order of the VALUES list: the last given is the newest.
  await sql`
    insert into library_search_docs (material_id, title, body, notes, type, tier, published_at, lexemes, title_lexemes)
    values ${sql.join(tuples)}`.execute(db);
}

export async function removeTokens(_db: Executor, _seqs: readonly number[]): Promise<void> {
  // The lexemes live in the copy's own row, deleted by the caller.
}

const lexeme = (token: string) => `'${token.replaceAll("'", "''").replaceAll('\\', '\\\\')}'`;

/** All lexemes of all terms: a superset of the exact matches, narrowed by the service's text check. */
export function tsquery(terms: QueryTerm[]): string {
  const tokens = terms.flatMap((t) => t.parts.flatMap((p) => (p.kind === 'phrase' ? p.tokens : [p.token])));
  return [...new Set(tokens)].map(lexeme).join(' & ');
}

function matchQuery(
  db: Executor,
  terms: QueryTerm[],
  filters: SearchFilters,
  scope: MatchScope,
  ordered = true,
  before?: number,
) {
  const column = scope === 'title' ? sql.ref('d.title_lexemes') : sql.ref('d.lexemes');
  const older = before === undefined ? sql`` : sql`and d.seq < ${before}`;
  return sql`select d.seq from library_search_docs d
    where ${column} @@ ${tsquery(terms)}::tsquery ${older} ${filterSql(db, filters)} ${ordered ? sql`order by d.seq desc` : sql``}`;
}

export async function matchingSeqs(
  db: Executor,
  terms: QueryTerm[],
  filters: SearchFilters,
  scope: MatchScope,
  limit: number,
  before?: number,
): Promise<number[]> {
  const { rows } = await sql<{
    seq: number;
  }>`${matchQuery(db, terms, filters, scope, true, before)} limit ${limit}`.execute(db);
  return rows.map((r) => Number(r.seq));
}

export async function countMatches(
  db: Executor,
  terms: QueryTerm[],
  filters: SearchFilters,
  cap: number,
): Promise<number> {
  const { rows } = await sql<{
    n: number;
  }>`select count(*) as n from (${matchQuery(db, terms, filters, 'any', false)} limit ${cap}) m`.execute(db);
  return Number(rows[0]?.n ?? 0);
}
