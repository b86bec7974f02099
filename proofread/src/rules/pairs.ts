// Paired marks (GB/T 15834—2011 4.8 引号, 4.9 括号, 4.15 书名号): unmatched, reversed, wrongly nested
// and mixed-width pairs, found with one stack per paragraph.
import { finding } from '../emit.js';
import { GB15834 } from '../text.js';
import type { Finding, Paragraph } from '../types.js';

const OPENERS = '“‘（(《〈【〔';
const CLOSERS = '”’）)》〉】〕';
const FAMILIES = ['q2', 'q1', 'paren', 'paren', 'title', 'title1', 'lent', 'tort'];
/** Code unit → 0, or 1 + index into OPENERS for an opener, or −(1 + index) into CLOSERS for a closer. */
const KIND = new Int8Array(0x10000);
for (let i = 0; i < OPENERS.length; i++) {
  KIND[OPENERS.charCodeAt(i)] = i + 1;
  KIND[CLOSERS.charCodeAt(i)] = -(i + 1);
}
const NAME: Record<string, string> = {
  q2: '双引号“”',
  q1: '单引号‘’',
  paren: '括号（）',
  title: '书名号《》',
  title1: '单书名号〈〉',
  lent: '方头括号【】',
  tort: '六角括号〔〕',
};
const CLAUSE: Record<string, string> = {
  q2: '4.8',
  q1: '4.8',
  paren: '4.9',
  title: '4.15',
  title1: '4.15',
  lent: '4.9',
  tort: '4.9',
};

export interface PairScan {
  /** Half-width ( ) matched with each other: the half-width rule decides whether they sit in Chinese. */
  halfPairs: [number, number][];
  /** Half-width ( or ) without partner. */
  halfLone: number[];
}

/** An opening mark still waiting for its partner; it may come from an earlier line (see checkPairs). */
export interface Open {
  p: Paragraph;
  ch: string;
  at: number;
  family: string;
}

/** A line that does not end a sentence (text pasted from a PDF with hard line breaks) goes on in the next. */
const ENDS_SENTENCE = '。！？；：…”’）》】〕';

function message(family: string, what: string): string {
  return `${NAME[family] ?? ''}${what}（${GB15834} ${CLAUSE[family] ?? ''}）`;
}

/**
 * Matches the paired marks of one line. `carried` are the marks left open by the previous line when it did
 * not end a sentence; the result's `carry` are this line's open marks in the same situation.
 */
export function checkPairs(
  p: Paragraph,
  next: Paragraph | undefined,
  carried: readonly Open[],
  out: Finding[],
): { scan: PairScan; carry: Open[] } {
  const scan: PairScan = { halfPairs: [], halfLone: [] };
  const t = p.text;
  const stack: Open[] = [...carried];
  // A typed-array lookup per code unit: quotes and brackets are too frequent in 公文 for a regex scan.
  for (let at = 0; at < t.length; at++) {
    const kind = KIND[t.charCodeAt(at)] ?? 0;
    if (kind === 0) continue;
    const ch = t[at] ?? '';
    const family = FAMILIES[Math.abs(kind) - 1] ?? '';
    if (kind > 0) {
      const top = stack[stack.length - 1];
      if ((ch === '“' || ch === '‘') && top?.ch === ch) {
        // “四个自信“ — a second opening quote where the closing one belongs.
        out.push(
          finding(
            p,
            'punct.pair',
            'error',
            at,
            at + 1,
            `引号方向错误：前引号${ch}重复，疑为后引号；引号内再用引号时里层用单引号（${GB15834} 4.8.3.4）`,
            {
              suggestion: ch === '“' ? '”' : '’',
            },
          ),
        );
        stack.pop();
        continue;
      }
      stack.push({ p, ch, at, family });
      continue;
    }
    let k = stack.length - 1;
    while (k >= 0 && stack[k]?.family !== family) k--;
    const open = stack[k];
    if (!open) {
      if (ch === ')') scan.halfLone.push(at);
      else
        out.push(
          finding(
            p,
            'punct.pair',
            'error',
            at,
            at + 1,
            message(family, '不配对：缺少前一半，或前后方向颠倒'),
          ),
        );
      continue;
    }
    for (const inner of stack.slice(k + 1)) unclosed(inner, scan, out);
    stack.length = k;
    if (family !== 'paren') continue;
    const halfOpen = open.ch === '(';
    const halfClose = ch === ')';
    if (halfOpen && halfClose && open.p === p) scan.halfPairs.push([open.at, at]);
    else if (halfOpen || halfClose) {
      const i = halfOpen ? open.at : at;
      out.push(
        finding(p, 'punct.pair-width', 'error', i, i + 1, message(family, '全角、半角混用，应统一为全角'), {
          replacement: halfOpen ? '（' : '）',
        }),
      );
    }
  }
  const last = t.trimEnd().slice(-1);
  if (next && !ENDS_SENTENCE.includes(last)) {
    const carry = stack.filter((open) => open.ch !== '(');
    for (const open of stack) if (open.ch === '(') unclosed(open, scan, out);
    return { scan, carry };
  }
  // A quotation running over several paragraphs opens each of them and closes only the last (4.8.3.5).
  const continues = next !== undefined && /^\s*[“‘]/.test(next.text);
  for (const open of stack) {
    if (continues && (open.ch === '“' || open.ch === '‘')) continue;
    unclosed(open, scan, out);
  }
  return { scan, carry: [] };
}

function unclosed(open: Open, scan: PairScan, out: Finding[]): void {
  const p = open.p;
  if (open.ch === '(') {
    scan.halfLone.push(open.at);
    return;
  }
  out.push(
    finding(p, 'punct.pair', 'error', open.at, open.at + 1, message(open.family, '不配对：缺少后一半')),
  );
}
