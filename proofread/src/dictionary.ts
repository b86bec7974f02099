// Loads the versioned data files and turns them into one lexicon, so that every dictionary-driven rule is
// served by a single scan of each paragraph.
import expressions from '../data/expressions.json' with { type: 'json' };
import typos from '../data/typos.json' with { type: 'json' };
import { Lexicon } from './lexicon.js';
import type { LexEntry, Severity } from './types.js';

export interface TermList {
  term: string;
  members: readonly string[];
  /** Shortest run of members that is taken to be this list (generic words like 创新 need more). */
  minRun: number;
  source: string;
}

/** Members may list accepted variants as 习近平新时代中国特色社会主义思想|新时代中国特色社会主义思想. */
const RAW_LISTS = expressions.lists;
export const LISTS: readonly TermList[] = RAW_LISTS.map((l) => ({
  ...l,
  members: l.members.map((m) => m.split('|')[0] ?? m),
}));
export const QUOTE_CLASSES: readonly { name: string; terms: readonly string[] }[] = expressions.quoteClasses;
export const DATA_VERSION = { expressions: expressions.version, typos: typos.version };

const DIGIT: Record<string, string> = {
  一: '1',
  二: '2',
  两: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};

/** 四个意识 → 4个意识, 三会一课 → 3会1课: the arabic spellings people type for fixed expressions. */
function arabicVariant(term: string): string | undefined {
  if (term.includes('十')) return undefined;
  const variant = term.replace(/[一二两三四五六七八九]/g, (c) => DIGIT[c] ?? c);
  return variant === term ? undefined : variant;
}

function entries(): LexEntry[] {
  const out: LexEntry[] = [];
  for (const e of typos.entries as {
    wrong: string;
    right: string;
    note?: string;
    notBefore?: string;
    notAfter?: string;
  }[])
    out.push({
      kind: 'typo',
      text: e.wrong,
      right: e.right,
      note: e.note ?? '',
      notBefore: e.notBefore ?? '',
      notAfter: e.notAfter ?? '',
    });
  for (const e of expressions.fixed as { wrong: string; right: string; note: string; severity?: Severity }[])
    out.push({ kind: 'fixed', text: e.wrong, right: e.right, note: e.note, severity: e.severity ?? 'error' });
  for (const e of expressions.names) out.push({ kind: 'name', text: e.wrong, right: e.right });
  for (const e of expressions.outdated as { phrase: string; note: string; right?: string; since: string }[])
    out.push({ kind: 'outdated', text: e.phrase, note: e.note, right: e.right, since: e.since });
  for (const term of expressions.numerals.terms) {
    const variant = arabicVariant(term);
    if (variant) out.push({ kind: 'numeral', text: variant, right: term });
  }
  const members = new Map<string, { list: number; index: number }[]>();
  const terms = new Map<string, { quoteClass: number | undefined; list: number | undefined }>();
  RAW_LISTS.forEach((list, li) => {
    list.members.forEach((variants, index) => {
      for (const member of variants.split('|')) {
        const seen = members.get(member);
        if (seen) seen.push({ list: li, index });
        else members.set(member, [{ list: li, index }]);
      }
    });
    terms.set(list.term, { quoteClass: undefined, list: li });
  });
  QUOTE_CLASSES.forEach((cls, ci) => {
    for (const term of cls.terms) terms.set(term, { quoteClass: ci, list: terms.get(term)?.list });
  });
  for (const [text, lists] of members) out.push({ kind: 'member', text, lists });
  for (const [text, t] of terms) out.push({ kind: 'term', text, ...t });
  return out;
}

export const LEXICON = new Lexicon<LexEntry>(entries());
