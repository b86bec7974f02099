import { isWholeWord } from './segment.js';
import { positionsOf } from './snippet.js';

/**
 * Relevance of one candidate, computed on its original text: a BM25-like sum over the query terms with
 * the title weighing most, and a bonus where the term stands as a whole jieba word (人工智能 ranks a
 * text about 智能 below one where 智能 is a word of its own). Null when the text does not hold every
 * term: the index may over-match on PostgreSQL, and this check makes both databases exact.
 */
export interface Rankable {
  title: string;
  notes: string;
  body: string;
}

const K1 = 1.2;
const saturate = (tf: number, lengthRatio: number) =>
  tf === 0 ? 0 : (tf * (K1 + 1)) / (tf + K1 * (0.25 + 0.75 * lengthRatio));

/** At most this many occurrences per field are checked with jieba: enough to tell, cheap to do. */
const WORD_CHECKS = 2;

function wordShare(text: string, term: string, positions: number[]): number {
  const checked = positions.slice(0, WORD_CHECKS);
  if (checked.length === 0) return 0;
  return checked.filter((p) => isWholeWord(text, p, term.length)).length / checked.length;
}

export function score(
  doc: Rankable,
  terms: readonly string[],
  idf: ReadonlyMap<string, number>,
  averageBody: number,
): number | null {
  let total = 0;
  const lengthRatio = doc.body.length / Math.max(1, averageBody);
  for (const term of terms) {
    const inTitle = positionsOf(doc.title, term);
    const inNotes = positionsOf(doc.notes, term);
    const inBody = positionsOf(doc.body, term);
    if (inTitle.length + inNotes.length + inBody.length === 0) return null;
    const weight = idf.get(term) ?? 1;
    const fields =
      3 * saturate(inTitle.length, 1) +
      1.5 * saturate(inNotes.length, 1) +
      saturate(inBody.length, lengthRatio);
    const word =
      inTitle.length > 0
        ? wordShare(doc.title, term, inTitle)
        : inBody.length > 0
          ? wordShare(doc.body, term, inBody)
          : wordShare(doc.notes, term, inNotes);
    total += weight * (fields + 0.75 * word);
  }
  return total;
}
