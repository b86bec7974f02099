// Splits the input into lines (paragraphs), scans each once with the shared lexicon and feeds it to every
// rule family. All work is linear in the input length and there is no length limit.
import { LEXICON } from './dictionary.js';
import { documentDate } from './docdate.js';
import { expressions } from './rules/expressions.js';
import { format } from './rules/format.js';
import { numbers } from './rules/numbers.js';
import { punctuation } from './rules/punctuation.js';
import { typos } from './rules/typos.js';
import type { CheckOptions, DocumentView, FamilyChecker, Finding, Paragraph } from './types.js';

export function paragraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  let start = 0;
  let line = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const lineEnd = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end; // \r\n
    const body = text.slice(start, lineEnd);
    if (body.trim() !== '') out.push({ index: out.length, line, start, text: body });
    start = end + 1;
    line++;
  }
  return out;
}

function enabled(ruleId: string, options: CheckOptions): boolean {
  const matches = (id: string): boolean => ruleId === id || ruleId.startsWith(`${id}.`);
  if (options.only && !options.only.some(matches)) return false;
  return !options.disable?.some(matches);
}

/**
 * When a certain correction covers another certain correction (国办发(2018)5号 → 〔2018〕 covers the
 * half-width brackets), the inner one would conflict with it in fix(); keep the outer.
 */
function dropCovered(sorted: Finding[]): Finding[] {
  const kept: Finding[] = [];
  let cover: Finding | undefined;
  for (const f of sorted) {
    if (f.replacement === undefined) {
      kept.push(f);
      continue;
    }
    const inside = cover !== undefined && cover.end >= f.end && cover.end - cover.start > f.end - f.start;
    if (inside) continue;
    kept.push(f);
    if (!cover || f.end > cover.end) cover = f;
  }
  return kept;
}

export function run(text: string, options: CheckOptions = {}): Finding[] {
  const doc: DocumentView = { text, paragraphs: paragraphs(text) };
  const date = options.date ?? documentDate(doc.paragraphs);
  const families: FamilyChecker[] = [punctuation(doc), numbers(doc), format(), expressions(date), typos()];
  const out: Finding[] = [];
  for (const p of doc.paragraphs) {
    const hits = LEXICON.scan(p.text);
    for (const family of families) family.paragraph(p, hits, out);
  }
  for (const family of families) family.finish(out);
  // By start, longer spans first, so that a correction is seen before the ones it covers.
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  return dropCovered(out).filter((f) => enabled(f.ruleId, options));
}
