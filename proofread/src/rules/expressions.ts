// 规范表述 from data/expressions.json: fixed wordings, names and titles, outdated phrasings, complete and
// ordered lists (四个意识 …), and quotation marks used the same way for the 数字概括 terms of one document.
import { LISTS, QUOTE_CLASSES } from '../dictionary.js';
import { finding } from '../emit.js';
import type { FamilyChecker, Finding, LexEntry, LexiconHit, Paragraph } from '../types.js';

const SEPARATOR_RE = /^(?:、|，|和|与|及|以及|、以及|，以及)$/;
/** The term announces the run (“四个意识”，即政治意识…) or sums it up (…看齐意识“四个意识”). */
const TERM_BEFORE_RE = /^[”]?[（(：:，,]?(?:即|包括|就是|是|指)?$/;
const TERM_AFTER_RE = /^[）)]?(?:等|这)?[“]?$/;
const SOURCE = '（规范表述，见 data/expressions.json）';

type Hit<K extends LexEntry['kind']> = LexiconHit<Extract<LexEntry, { kind: K }>>;

interface Occurrence {
  p: Paragraph;
  at: number;
  term: string;
  quoted: boolean;
}

function isKind<K extends LexEntry['kind']>(kind: K) {
  return (h: LexiconHit<LexEntry>): h is Hit<K> => h.entry.kind === kind;
}
// Built once: creating the guards per paragraph showed up in profiles.
const isFixed = isKind('fixed');
const isName = isKind('name');
const isOutdated = isKind('outdated');
const isTerm = isKind('term');
const isMember = isKind('member');

/** Longest-first hits of one kind, without those nested in an earlier one (习近平总书纪 ⊃ 书纪). */
function outermost<T extends LexiconHit<LexEntry>>(hits: T[]): T[] {
  const kept: T[] = [];
  let end = -1;
  for (const h of hits) {
    if (h.at < end) continue;
    kept.push(h);
    end = h.at + h.entry.text.length;
  }
  return kept;
}

/** date: the document's date (YYYY-MM-DD), if known; outdated phrasings are fine in older documents. */
export function expressions(date: string | undefined): FamilyChecker {
  const occurrences: Occurrence[][] = QUOTE_CLASSES.map(() => []);

  return {
    paragraph(p, hits, out) {
      if (hits.length === 0) return;
      for (const h of outermost(hits.filter(isFixed)))
        out.push(
          finding(
            p,
            'expr.fixed-wording',
            h.entry.severity,
            h.at,
            h.at + h.entry.text.length,
            `规范表述应为“${h.entry.right}”（${h.entry.note}）`,
            {
              replacement: h.entry.right,
            },
          ),
        );
      for (const h of outermost(hits.filter(isName)))
        out.push(
          finding(
            p,
            'expr.name',
            'error',
            h.at,
            h.at + h.entry.text.length,
            `人名、职务或机构名称有误，应为“${h.entry.right}”${SOURCE}`,
            {
              replacement: h.entry.right,
            },
          ),
        );
      const outdated = outermost(hits.filter(isOutdated));
      for (const h of outdated) {
        if (date !== undefined && date < h.entry.since) continue;
        const correction = h.entry.right === undefined ? {} : { suggestion: h.entry.right };
        out.push(
          finding(
            p,
            'expr.outdated',
            'confirm',
            h.at,
            h.at + h.entry.text.length,
            `表述可能已过时：${h.entry.note}，请确认`,
            correction,
          ),
        );
      }
      lists(p, hits, outdated, out);
      for (const h of hits.filter(isTerm)) {
        const cls = h.entry.quoteClass;
        if (cls === undefined) continue;
        const t = p.text;
        const quoted = t[h.at - 1] === '“' && t[h.at + h.entry.text.length] === '”';
        occurrences[cls]?.push({ p, at: h.at, term: h.entry.text, quoted });
      }
    },
    finish(out) {
      for (const list of occurrences) quoteConsistency(list, out);
    },
  };
}

/**
 * Items of a position-sorted list with lo <= at <= hi, found by binary search so that a paragraph with
 * very many hits stays linear.
 */
function within<T extends { at: number }>(sorted: readonly T[], lo: number, hi: number): T[] {
  let a = 0;
  let b = sorted.length;
  while (a < b) {
    const mid = (a + b) >> 1;
    if ((sorted[mid]?.at ?? 0) < lo) a = mid + 1;
    else b = mid;
  }
  const out: T[] = [];
  for (let i = a; i < sorted.length && (sorted[i]?.at ?? 0) <= hi; i++) {
    const item = sorted[i];
    if (item) out.push(item);
  }
  return out;
}

interface MemberHit {
  at: number;
  end: number;
  index: number;
}

/** Runs of members of one list (政治意识、大局意识、核心意识、看齐意识) must be complete and in order. */
function lists(
  p: Paragraph,
  hits: readonly LexiconHit<LexEntry>[],
  outdated: readonly LexiconHit<LexEntry>[],
  out: Finding[],
): void {
  const members = outermost(hits.filter(isMember));
  if (members.length < 2) return;
  const t = p.text;
  const byList = new Map<number, MemberHit[]>();
  for (const h of members)
    for (const { list, index } of h.entry.lists) {
      const at = h.at;
      const entry = { at, end: at + h.entry.text.length, index };
      const seen = byList.get(list);
      if (seen) seen.push(entry);
      else byList.set(list, [entry]);
    }
  const terms = hits.filter(isTerm);
  for (const [li, found] of byList) {
    const list = LISTS[li];
    if (!list || found.length < 2) continue;
    let run: MemberHit[] = [];
    const flush = (): void => {
      if (run.length >= 2) checkRun(p, li, run, found, terms, outdated, out);
      run = [];
    };
    for (const h of found) {
      const prev = run[run.length - 1];
      if (prev && !SEPARATOR_RE.test(t.slice(prev.end, h.at))) flush();
      run.push(h);
    }
    flush();
  }
}

function checkRun(
  p: Paragraph,
  li: number,
  run: MemberHit[],
  found: readonly MemberHit[],
  terms: readonly Hit<'term'>[],
  outdated: readonly LexiconHit<LexEntry>[],
  out: Finding[],
): void {
  const list = LISTS[li];
  const first = run[0];
  const lastHit = run[run.length - 1];
  if (!list || !first || !lastHit) return;
  const from = first.at;
  const to = lastHit.end;
  if (within(outdated, from - 80, to).some((h) => h.at + h.entry.text.length > from)) return;
  const t = p.text;
  const near = within(terms, from - 12, to + 4).some((h) => {
    if (h.entry.list !== li) return false;
    const end = h.at + h.entry.text.length;
    return (
      (end <= from && TERM_BEFORE_RE.test(t.slice(end, from))) ||
      (h.at >= to && TERM_AFTER_RE.test(t.slice(to, h.at)))
    );
  });
  if (run.length < list.minRun && !near) return;
  const indices = run.map((h) => h.index);
  if (new Set(indices).size !== indices.length) return;
  const n = list.members.length;
  const name = `“${list.term}”`;
  const ordered = indices.every((v, i) => i === 0 || v > (indices[i - 1] ?? -1));
  if (!ordered) {
    const gaps = run.slice(1).map((h, i) => t.slice(run[i]?.end ?? h.at, h.at));
    const canonical = [...indices].sort((a, b) => a - b).map((i) => list.members[i] ?? '');
    const uniform = gaps.every((g) => g === '、');
    const text = canonical.join(uniform ? '、' : (gaps[0] ?? '、'));
    out.push(
      finding(
        p,
        'expr.list-order',
        'error',
        from,
        to,
        `${name}各项的规范顺序为：${list.members.join('、')}（${list.source}）`,
        uniform ? { replacement: text } : { suggestion: text },
      ),
    );
  }
  // A member mentioned close by counts (……科学发展观，全面贯彻习近平新时代中国特色社会主义思想).
  const present = new Set(indices);
  for (const h of within(found, from - 40, to + 40)) present.add(h.index);
  if (present.size < n && (near || (n >= 4 && run.length >= n - 1))) {
    const missing = list.members.filter((_, i) => !present.has(i));
    out.push(
      finding(
        p,
        'expr.list-incomplete',
        'warning',
        from,
        to,
        `${name}应完整列出，缺少“${missing.join('”“')}”（${list.source}）`,
      ),
    );
  }
}

/** Within one document, the 数字概括 terms are either all quoted or all not; flag the minority. */
function quoteConsistency(list: readonly Occurrence[], out: Finding[]): void {
  const quoted = list.filter((o) => o.quoted);
  const plain = list.filter((o) => !o.quoted);
  if (quoted.length === 0 || plain.length === 0) return;
  const addQuotes = quoted.length >= plain.length;
  const example = (addQuotes ? quoted : plain)[0]?.term ?? '';
  for (const o of addQuotes ? plain : quoted) {
    const len = o.term.length;
    if (addQuotes)
      out.push(
        finding(
          o.p,
          'expr.quote-consistency',
          'warning',
          o.at,
          o.at + len,
          `同一文件中“${example}”等提法加了引号，“${o.term}”也应加引号，前后一致`,
          {
            replacement: `“${o.term}”`,
          },
        ),
      );
    else
      out.push(
        finding(
          o.p,
          'expr.quote-consistency',
          'warning',
          o.at - 1,
          o.at + len + 1,
          `同一文件中“${example}”等提法未加引号，此处引号前后不一致`,
          {
            replacement: o.term,
          },
        ),
      );
  }
}
