import type { CandidateStats } from './repository-stats.js';
import { isWholeWord } from './segment.js';
import { positionsOf } from './snippet.js';

const K1 = 1.2;
const saturate = (tf: number, lengthRatio: number) =>
  tf === 0 ? 0 : (tf * (K1 + 1)) / (tf + K1 * (0.25 + 0.75 * lengthRatio));

/**
 * Whether the stored text holds every term: the index may over-match on PostgreSQL, and this check on
 * the stored text makes both databases exact.
 */
export function holdsEveryTerm(doc: CandidateStats, terms: readonly string[]): boolean {
  return terms.every(
    (term, i) =>
      (doc.terms[i]?.count ?? 0) > 0 ||
      positionsOf(doc.title, term).length > 0 ||
      positionsOf(doc.notes, term).length > 0,
  );
}

/**
 * Relevance of one candidate that holds every term (holdsEveryTerm): a BM25-like sum over the query
 * terms with the title weighing most, and a bonus where the term stands as a whole jieba word (a text
 * about 智能 itself ranks above one where it only appears inside 人工智能).
 */
export function score(
  doc: CandidateStats,
  terms: readonly string[],
  idf: ReadonlyMap<string, number>,
  averageBody: number,
): number {
  let total = 0;
  const lengthRatio = doc.body_length / Math.max(1, averageBody);
  for (const [i, term] of terms.entries()) {
    const inTitle = positionsOf(doc.title, term);
    const inNotes = positionsOf(doc.notes, term);
    const inBody = doc.terms[i]!;
    const inContext = positionsOf(inBody.context, term)[0];
    const fields =
      3 * saturate(inTitle.length, 1) +
      1.5 * saturate(inNotes.length, 1) +
      saturate(inBody.count, lengthRatio);
    // The first occurrence decides: in the title if there, else in the body, else in the notes.
    const word =
      inTitle[0] !== undefined
        ? isWholeWord(doc.title, inTitle[0], term.length)
        : inContext !== undefined
          ? isWholeWord(inBody.context, inContext, term.length)
          : inNotes[0] !== undefined && isWholeWord(doc.notes, inNotes[0], term.length);
    total += (idf.get(term) ?? 1) * (fields + (word ? 0.75 : 0));
  }
  return total;
}
