import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/schema.js';
import { filterSql, hasFilters } from './repository-filters.js';
import { fieldTokens, type QueryPart, type QueryTerm } from './tokenize.js';
import type { MatchScope, SearchDocument, SearchFilters } from './types.js';

/**
 * SQLite: a contentless FTS5 table whose rowid is the copy's seq. FTS5 takes no tokenizer written in
 * JS, so the text is tokenised here and stored space-separated; unicode61 keeps each Han bigram whole.
 */
export async function insertDocsWithTokens(db: Executor, docs: readonly SearchDocument[]): Promise<void> {
  const rows = await db
    .insertInto('library_search_docs')
    .values(
      docs.map((doc) => ({
        material_id: doc.materialId,
        title: doc.title,
        body: doc.body,
        notes: doc.notes,
        type: doc.type,
        tier: doc.tier,
        published_at: doc.publishedAt,
      })),
    )
    .returning(['seq', 'material_id'])
    .execute();
  const seqOf = new Map(rows.map((r) => [r.material_id, r.seq]));
  const tuples = docs.map((doc) => {
    const title = fieldTokens(doc.title);
    const body = fieldTokens(doc.body);
    const notes = fieldTokens(doc.notes);
    return sql`(${seqOf.get(doc.materialId)}, ${title.grams}, ${body.grams}, ${notes.grams}, ${title.chars}, ${`${body.chars} ${notes.chars}`})`;
  });
  await sql`insert into library_search_fts (rowid, title, body, notes, tchars, chars) values ${sql.join(tuples)}`.execute(
    db,
  );
}

export async function removeTokens(db: Executor, seqs: readonly number[]): Promise<void> {
  await sql`delete from library_search_fts where rowid in (${sql.join(seqs)})`.execute(db);
}

const quoted = (tokens: string[]) => `"${tokens.map((t) => t.replaceAll('"', '""')).join(' ')}"`;

function partExpression(part: QueryPart, scope: MatchScope): string {
  if (part.kind === 'char')
    return `${scope === 'title' ? 'tchars' : '{tchars chars}'} : ${quoted([part.token])}`;
  const tokens = part.kind === 'phrase' ? part.tokens : [part.token];
  return `${scope === 'title' ? 'title' : '{title body notes}'} : ${quoted(tokens)}`;
}

/** Every part of every term must be there; a phrase of bigrams is exact within one run. */
export function matchExpression(terms: QueryTerm[], scope: MatchScope): string {
  return terms.flatMap((t) => t.parts.map((p) => partExpression(p, scope))).join(' AND ');
}

function matchQuery(
  db: Executor,
  terms: QueryTerm[],
  filters: SearchFilters,
  scope: MatchScope,
  ordered = true,
  before?: number,
) {
  const expression = matchExpression(terms, scope);
  // Without filters FTS5 walks its doclist backwards by rowid and stops at the limit.
  const order = ordered ? sql`order by f.rowid desc` : sql``;
  const older = before === undefined ? sql`` : sql`and f.rowid < ${before}`;
  return hasFilters(filters)
    ? sql`select f.rowid as seq from library_search_fts f join library_search_docs d on d.seq = f.rowid
        where library_search_fts match ${expression} ${older} ${filterSql(db, filters)} ${order}`
    : sql`select f.rowid as seq from library_search_fts f where library_search_fts match ${expression} ${older} ${order}`;
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
  return rows.map((r) => r.seq);
}

export async function countMatches(
  db: Executor,
  terms: QueryTerm[],
  filters: SearchFilters,
  cap: number,
): Promise<number> {
  const { rows } = await sql<{
    n: number;
  }>`select count(*) as n from (${matchQuery(db, terms, filters, 'any', false)} limit ${cap})`.execute(db);
  return rows[0]?.n ?? 0;
}
