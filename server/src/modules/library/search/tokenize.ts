/**
 * Index tokens for Chinese full-text search. Text splits into runs at punctuation, spaces and script
 * changes; a Han run is indexed as its overlapping bigrams plus its single characters, a Latin or digit
 * run as one lower-cased word. A query of two or more Han characters becomes the phrase of its bigrams,
 * so it matches exactly where its text stands inside one run, whatever jieba would have cut there.
 */

/** Separates runs in a bigram stream so a phrase never continues from one run into the next. */
export const RUN_BREAK = '\uE000';

const runPattern = /(\p{Script=Han}+)|((?:(?!\p{Script=Han})[\p{L}\p{N}])+)/gu;

export interface Run {
  text: string;
  han: boolean;
}

export function runsOf(text: string): Run[] {
  const runs: Run[] = [];
  for (const m of text.matchAll(runPattern)) {
    if (m[1]) runs.push({ text: m[1], han: true });
    else if (m[2]) runs.push({ text: m[2].toLowerCase(), han: false });
  }
  return runs;
}

function bigrams(run: string): string[] {
  const chars = Array.from(run);
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

export interface FieldTokens {
  /** Bigrams and words in text order, runs separated by RUN_BREAK: phrase queries run on this. */
  grams: string;
  /** Every Han character: what one-character queries look up. */
  chars: string;
}

export function fieldTokens(text: string): FieldTokens {
  const grams: string[] = [];
  const chars: string[] = [];
  for (const run of runsOf(text)) {
    if (grams.length > 0) grams.push(RUN_BREAK);
    if (!run.han) grams.push(run.text);
    else {
      grams.push(...bigrams(run.text));
      chars.push(...Array.from(run.text));
    }
  }
  return { grams: grams.join(' '), chars: chars.join(' ') };
}

/** The distinct lexemes of a text (PostgreSQL keeps a set, no positions: see phrase handling there). */
export function lexemesOf(text: string): string[] {
  const set = new Set<string>();
  for (const run of runsOf(text)) {
    // A word longer than any query term can never be asked for; PostgreSQL caps lexemes at 2 KB.
    if (!run.han) {
      if (run.text.length <= MAX_TERM_LENGTH) set.add(run.text);
    } else {
      for (const c of run.text) set.add(c);
      for (const b of bigrams(run.text)) set.add(b);
    }
  }
  return [...set];
}

/** One run of a query term, as the index looks it up. */
export type QueryPart =
  { kind: 'char'; token: string } | { kind: 'phrase'; tokens: string[] } | { kind: 'word'; token: string };

export interface QueryTerm {
  /** The term as the user typed it (lower-cased): verified as a substring of the original text. */
  text: string;
  parts: QueryPart[];
}

export const MAX_TERMS = 8;
export const MAX_TERM_LENGTH = 40;

/** Terms are separated by spaces or punctuation; a query never asks for text across either. */
export function queryTerms(query: string): QueryTerm[] {
  const terms: QueryTerm[] = [];
  const seen = new Set<string>();
  for (const chunk of query.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    const text = Array.from(chunk).slice(0, MAX_TERM_LENGTH).join('');
    if (!text || seen.has(text)) continue;
    seen.add(text);
    const parts: QueryPart[] = runsOf(text).map((run): QueryPart => {
      if (!run.han) return { kind: 'word', token: run.text };
      const tokens = bigrams(run.text);
      return tokens.length === 0 ? { kind: 'char', token: run.text } : { kind: 'phrase', tokens };
    });
    terms.push({ text, parts });
    if (terms.length === MAX_TERMS) break;
  }
  return terms;
}
