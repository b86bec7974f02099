/**
 * Highlighting on the ORIGINAL text: matches are found in the stored text itself and returned as
 * ranges, so a snippet reads exactly as written (no spaces from segmentation) and the web app marks
 * the ranges as text, never as HTML.
 */

export interface Mark {
  start: number;
  length: number;
}

export interface Snippet {
  text: string;
  marks: Mark[];
  /** Text was cut before / after the snippet (the web app shows an ellipsis). */
  cutBefore: boolean;
  cutAfter: boolean;
}

/** Lower-cased for matching when that keeps every offset; otherwise the text as it is. */
function comparable(text: string): string {
  const lower = text.toLowerCase();
  return lower.length === text.length ? lower : text;
}

/** Start offsets of each term in `text`; terms are lower-case and contain no punctuation. */
export function positionsOf(text: string, term: string): number[] {
  // A term without letter case (Han text) is found in the text as it is: no lower-cased copy needed.
  const haystack = term.toUpperCase() === term ? text : comparable(text);
  const out: number[] = [];
  for (let at = haystack.indexOf(term); at !== -1; at = haystack.indexOf(term, at + 1)) out.push(at);
  return out;
}

/** All occurrences of all terms, overlapping ones merged, in text order. */
export function marksIn(text: string, terms: readonly string[]): Mark[] {
  const spans = terms
    .flatMap((t) => positionsOf(text, t).map((start) => ({ start, end: start + t.length })))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: { start: number; end: number }[] = [];
  for (const s of spans) {
    const last = merged.at(-1);
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged.map((m) => ({ start: m.start, length: m.end - m.start }));
}

const isLowSurrogate = (text: string, i: number) => {
  const code = text.charCodeAt(i);
  return code >= 0xdc00 && code <= 0xdfff;
};

/**
 * About `width` characters of the paragraph holding the densest group of matches (most distinct
 * terms within one width), starting a little before the first of them.
 */
export function snippetOf(text: string, terms: readonly string[], width = 110): Snippet | null {
  const marks = marksIn(text, terms);
  if (marks.length === 0) return null;
  const haystack = comparable(text);
  let anchor = marks[0]!;
  let best = 0;
  for (const m of marks) {
    const window = haystack.slice(m.start, m.start + width);
    const found = terms.filter((t) => window.includes(t)).length;
    if (found > best) [best, anchor] = [found, m];
  }
  const paragraphStart = text.lastIndexOf('\n', anchor.start - 1) + 1;
  const newline = text.indexOf('\n', anchor.start);
  const paragraphEnd = newline === -1 ? text.length : newline;
  let start = Math.max(paragraphStart, anchor.start - 16);
  let end = Math.min(paragraphEnd, start + width);
  start = Math.max(paragraphStart, Math.min(start, end - width));
  // A match running past the end is shown whole.
  for (const m of marks) if (m.start < end && m.start + m.length > end) end = m.start + m.length;
  if (start > 0 && isLowSurrogate(text, start)) start -= 1;
  if (end < text.length && isLowSurrogate(text, end)) end += 1;
  return {
    text: text.slice(start, end),
    marks: marks
      .filter((m) => m.start >= start && m.start + m.length <= end)
      .map((m) => ({ start: m.start - start, length: m.length })),
    cutBefore: start > 0,
    cutAfter: end < text.length,
  };
}
