import { sql, type RawBuilder } from 'kysely';
import { dialectOf } from '../../../platform/db/database.js';
import type { Executor } from '../../../platform/db/schema.js';

/**
 * What ranking needs of each candidate's body, computed by the database so the bodies themselves
 * (3,000 characters each) stay there: per term the number of occurrences and a little text around
 * the first one. Title and notes are short and come whole.
 */
export interface BodyTermStats {
  count: number;
  /** Text around the first occurrence ('' when none). */
  context: string;
}

export interface CandidateStats {
  seq: number;
  material_id: number;
  title: string;
  notes: string;
  type: string;
  tier: 'free' | 'member';
  published_at: string;
  body_length: number;
  terms: BodyTermStats[];
}

export const CONTEXT = 8;

export async function candidateStats(
  db: Executor,
  seqs: readonly number[],
  terms: readonly string[],
): Promise<CandidateStats[]> {
  if (seqs.length === 0) return [];
  const postgres = dialectOf(db) === 'postgres';
  const columns: RawBuilder<unknown>[] = terms.flatMap((term, i) => {
    const length = Array.from(term).length;
    // Han terms have no letter case: compare the body as stored; Latin ones lower-cased (ASCII on SQLite).
    const body = term.toUpperCase() === term ? sql`d.body` : sql`lower(d.body)`;
    const at = postgres ? sql`strpos(${body}, ${term})` : sql`instr(${body}, ${term})`;
    const from = postgres ? sql`greatest(${at} - ${CONTEXT}, 1)` : sql`max(${at} - ${CONTEXT}, 1)`;
    return [
      sql`(length(${body}) - length(replace(${body}, ${term}, ''))) / ${length} as ${sql.raw(`c${i}`)}`,
      sql`case when ${at} > 0 then substr(d.body, ${from}, ${length + 2 * CONTEXT}) else '' end as ${sql.raw(`x${i}`)}`,
    ];
  });
  // The body is read once into the CTE (|| '' forces PostgreSQL to fetch it from TOAST there): each
  // expression below would otherwise fetch it again, six times slower as measured.
  const { rows } = await sql<Record<string, string | number | null>>`
    with d as materialized (
      select seq, material_id, title, notes, type, tier, published_at, body || '' as body
      from library_search_docs where seq in (${sql.join(seqs)}))
    select d.seq, d.material_id, d.title, d.notes, d.type, d.tier, d.published_at, length(d.body) as body_length,
      ${sql.join(columns)}
    from d`.execute(db);
  return rows.map((r) => ({
    seq: Number(r.seq),
    material_id: Number(r.material_id),
    title: String(r.title),
    notes: String(r.notes),
    type: String(r.type),
    tier: r.tier as 'free' | 'member',
    published_at: String(r.published_at),
    body_length: Number(r.body_length),
    terms: terms.map((_, i) => ({ count: Number(r[`c${i}`]), context: String(r[`x${i}`] ?? '') })),
  }));
}

/** The bodies of the results on the page shown: snippets are cut from them. */
export async function bodiesOf(db: Executor, seqs: readonly number[]): Promise<Map<number, string>> {
  if (seqs.length === 0) return new Map();
  const rows = await db
    .selectFrom('library_search_docs')
    .select(['seq', 'body'])
    .where('seq', 'in', seqs)
    .execute();
  return new Map(rows.map((r) => [r.seq, r.body]));
}
