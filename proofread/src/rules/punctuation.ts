// GB/T 15834—2011 punctuation. One pass of a few anchored regexes per paragraph; every rule first looks
// for the characters it needs so that clean 公文 text (almost all of it) costs little.
import { finding } from '../emit.js';
import { GB15834, codeAt, isChinese, isDigit, isHan, isLatin } from '../text.js';
import type { DocumentView, FamilyChecker, Finding, Paragraph } from '../types.js';
import { checkPairs, type Open, type PairScan } from './pairs.js';

const HALF: Record<string, { full: string; name: string; clause: string }> = {
  ',': { full: '，', name: '逗号', clause: '4.4.2' },
  '.': { full: '。', name: '句号', clause: '4.1.2' },
  ';': { full: '；', name: '分号', clause: '4.6.2' },
  ':': { full: '：', name: '冒号', clause: '4.7.2' },
  '?': { full: '？', name: '问号', clause: '4.2.2' },
  '!': { full: '！', name: '叹号', clause: '4.3.2' },
};

const HALF_RE = /[,;:?!.]/g;
const MARKER_RE = /^[\s\u3000]*(?:[一二三四五六七八九十]{1,3}|[（(][一二三四五六七八九十\d]{1,3}[）)])$/;
const DUPLICATE_RE = /[，。、；：]{2,}/g;
const STRENGTH = '、，：；。';
/** 一…九 → 1…9, anything else → 0. */
const NUMERAL = new Uint8Array(0x10000);
[...'一二三四五六七八九'].forEach((c, i) => (NUMERAL[c.charCodeAt(0)] = i + 1));
const APPROX_UNIT = '十百千万个天次人名岁项条家位户种倍周米元斤里';
/** 等级、等待、等同… start with 等 but are not the “等” of an enumeration. */
const ETC_NOT = '级待同候额于价到距量比效';
const ELLIPSIS_GATE = /[…⋯]|\.\.\.|。。。|···/;
const ELLIPSIS_RE = /[…⋯]+|\.{3,}|。{3,}|·{3,}/g;
const SPACE_RE = /[ \u3000\u00a0]+/g;
const ORGAN_END = '厅部委局院办府会室组处署';
const SENTENCE_PUNCT = /[，。；？！]/;
/** Second and later run-in items: （二） （2） 2. — the mark before them is checked by hand. */
const LIST_RE = /（[二三四五六七八九十]{1,3}）|（\d{1,2}）|(?<!\d)\d{1,2}\.(?=[\u4e00-\u9fff])/g;
const QUESTION_WINDOW = 120;
const EMBEDDED_QUESTION =
  /(?:不知道|不清楚|不了解|不明白|弄清楚?|搞清楚?|查清|了解|研究|思考|考虑|讨论|看看|取决于|关键在于|问题在于|决定于)[^：:“”‘’]*?(?:什么|怎么|怎样|如何|为什么|为何|是否|能否|可否|哪|谁|多少|是不是|有没有|要不要|([\u4e00-\u9fff])不\1)/;

interface EnumComma {
  p: Paragraph;
  at: number;
}

export function punctuation(doc: DocumentView): FamilyChecker {
  const enumComma = { quote: [] as EnumComma[], title: [] as EnumComma[] };
  const adjacent = { quote: 0, title: 0 };
  let carry: Open[] = [];

  return {
    paragraph(p, _hits, out) {
      const t = p.text;
      const { scan: pairs, carry: open } = checkPairs(p, doc.paragraphs[p.index + 1], carry, out);
      carry = open;
      halfwidth(p, pairs, out);
      straightQuotes(p, '"', '“', '”', out);
      straightQuotes(p, "'", '‘', '’', out);
      if (t.includes('、')) {
        for (let i = t.indexOf('”、“'); i !== -1; i = t.indexOf('”、“', i + 2))
          enumComma.quote.push({ p, at: i + 1 });
        for (let i = t.indexOf('》、《'); i !== -1; i = t.indexOf('》、《', i + 2))
          enumComma.title.push({ p, at: i + 1 });
        approxComma(p, out);
        etcComma(p, out);
        listSeparator(p, out);
      } else if (t.includes('，')) listSeparator(p, out);
      adjacent.quote += count(t, '”“');
      adjacent.title += count(t, '》《');
      duplicates(p, out);
      ellipsis(p, out);
      if (t.indexOf('：') !== t.lastIndexOf('：')) nestedColon(p, out);
      if (t.includes('？')) question(p, out);
      if (t.includes(' ') || t.includes('\u3000') || t.includes('\u00a0')) spaces(p, out);
    },
    finish(out) {
      for (const kind of ['quote', 'title'] as const) {
        const list = enumComma[kind];
        // Two or more 、 between quoted items and never the other style: a consistent house style (as in
        // many 国务院 documents). 4.5.3.5 says 通常, so only a lone or an inconsistent one is reported.
        if (list.length === 0 || (list.length >= 2 && adjacent[kind] === 0)) continue;
        const marks = kind === 'quote' ? '引号' : '书名号';
        const mixed = adjacent[kind] > 0 ? '，且与文中其他处写法不一致' : '';
        for (const { p, at } of list)
          out.push(
            finding(
              p,
              'punct.enum-comma',
              'warning',
              at,
              at + 1,
              `并列的${marks}之间通常不用顿号${mixed}（${GB15834} 4.5.3.5）`,
              {
                replacement: '',
              },
            ),
          );
      }
    },
  };
}

function count(s: string, needle: string): number {
  let n = 0;
  for (let i = s.indexOf(needle); i !== -1; i = s.indexOf(needle, i + needle.length)) n++;
  return n;
}

/** Half-width , . ; : ? ! next to Chinese, and half-width brackets around Chinese (4.x.2 forms). */
function halfwidth(p: Paragraph, pairs: PairScan, out: Finding[]): void {
  const t = p.text;
  HALF_RE.lastIndex = 0;
  for (let m = HALF_RE.exec(t); m; m = HALF_RE.exec(t)) {
    const i = m.index;
    const ch = m[0];
    const prev = codeAt(t, i - 1);
    const next = codeAt(t, i + 1);
    const mark = HALF[ch];
    if (!mark) continue;
    if (isDigit(prev) && isDigit(next)) continue; // 1,000 3.14 10:30
    if (ch === '.') {
      if (prev === 0x2e || next === 0x2e) continue; // ... is an ellipsis, reported there
      // Only a full stop after Chinese: 1. and 3.5 are arabic numbering and decimals; 一. and （1）. are
      // heading markers, reported by format.heading-marker.
      if (!isChinese(prev) || isDigit(next) || isLatin(next) || (i <= 8 && MARKER_RE.test(t.slice(0, i))))
        continue;
    } else if (ch === ':' && next === 0x2f)
      continue; // http://
    else if (!isChinese(prev) && !isHan(next)) continue;
    out.push(
      finding(
        p,
        'punct.halfwidth',
        'error',
        i,
        i + 1,
        `中文里应使用全角${mark.name}“${mark.full}”（${GB15834} ${mark.clause}）`,
        {
          replacement: mark.full,
        },
      ),
    );
  }
  for (const [open, close] of pairs.halfPairs) {
    const chinese =
      isChinese(codeAt(t, open - 1)) || isChinese(codeAt(t, close + 1)) || hasHan(t, open + 1, close);
    if (!chinese) continue;
    for (const [i, full] of [
      [open, '（'],
      [close, '）'],
    ] as const)
      out.push(
        finding(p, 'punct.halfwidth', 'error', i, i + 1, `中文里应使用全角括号“（）”（${GB15834} 4.9.2）`, {
          replacement: full,
        }),
      );
  }
  for (const i of pairs.halfLone) {
    if (!isChinese(codeAt(t, i - 1)) && !isChinese(codeAt(t, i + 1))) continue;
    const full = t[i] === '(' ? '（' : '）';
    out.push(
      finding(p, 'punct.halfwidth', 'error', i, i + 1, `中文里应使用全角括号“（）”（${GB15834} 4.9.2）`, {
        replacement: full,
      }),
    );
  }
}

function hasHan(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isHan(s.charCodeAt(i))) return true;
  return false;
}

/** Straight quotes in Chinese text become curly ones, alternating open/close when they pair up. */
function straightQuotes(p: Paragraph, straight: string, open: string, close: string, out: Finding[]): void {
  const t = p.text;
  if (!t.includes(straight)) return;
  const at: number[] = [];
  for (let i = t.indexOf(straight); i !== -1; i = t.indexOf(straight, i + 1)) at.push(i);
  const paired = at.length % 2 === 0;
  at.forEach((i, k) => {
    const prev = codeAt(t, i - 1);
    const next = codeAt(t, i + 1);
    if (!isChinese(prev) && !isChinese(next)) return;
    if (straight === "'" && isLatin(prev) && isLatin(next)) return; // an apostrophe
    const full = k % 2 === 0 ? open : close;
    out.push(
      finding(
        p,
        'punct.halfwidth',
        'error',
        i,
        i + 1,
        `中文里应使用弯引号“${open}${close}”（${GB15834} 4.8.2）`,
        paired ? { replacement: full } : { suggestion: full },
      ),
    );
  });
}

function duplicates(p: Paragraph, out: Finding[]): void {
  DUPLICATE_RE.lastIndex = 0;
  for (let m = DUPLICATE_RE.exec(p.text); m; m = DUPLICATE_RE.exec(p.text)) {
    const run = m[0];
    if (/^。{3,}$/.test(run)) continue; // 。。。 is a malformed ellipsis, reported there
    const same = run.split('').every((c) => c === run[0]);
    const strongest = [...run].reduce((a, b) => (STRENGTH.indexOf(b) > STRENGTH.indexOf(a) ? b : a));
    out.push(
      finding(
        p,
        'punct.duplicate',
        'error',
        m.index,
        m.index + run.length,
        `点号${run}重复使用，只保留一个（${GB15834} 第4章）`,
        same ? { replacement: strongest } : { suggestion: strongest },
      ),
    );
  }
}

/** 三、四十人 → 三四十人: adjacent numbers forming an approximate number take no 顿号. */
function approxComma(p: Paragraph, out: Finding[]): void {
  const t = p.text;
  const lead = t.length - t.trimStart().length;
  for (let i = t.indexOf('、'); i !== -1; i = t.indexOf('、', i + 1)) {
    const a = NUMERAL[t.charCodeAt(i - 1)] ?? 0;
    if (a === 0 || NUMERAL[t.charCodeAt(i + 1)] !== a + 1 || !APPROX_UNIT.includes(t[i + 2] ?? '\n'))
      continue;
    // 第一、二批, 周一、二 and heading markers (一、二十大精神) are abbreviations or numbering, not estimates.
    if (i - 1 === lead || '第周初期拜：:'.includes(t[i - 2] ?? '\n')) continue;
    out.push(
      finding(
        p,
        'punct.approx-comma',
        'warning',
        i,
        i + 1,
        `相邻数字连用表示概数，中间不用顿号（${GB15834} 4.5.3.4；GB/T 15835—2011 5.2.1）`,
        {
          replacement: '',
        },
      ),
    );
  }
}

function etcComma(p: Paragraph, out: Finding[]): void {
  const t = p.text;
  for (let i = t.indexOf('、等'); i !== -1; i = t.indexOf('、等', i + 1)) {
    if (ETC_NOT.includes(t[i + 2] ?? '\n')) continue; // 等级、等待、等同… are words of their own
    if (i <= 8 && /^\s*[一二三四五六七八九十]+$/.test(t.slice(0, i))) continue; // 三、等级保护 is a heading
    out.push(
      finding(
        p,
        'punct.etc-comma',
        'error',
        i,
        i + 1,
        `并列成分之间用顿号时，“等”前不用顿号（${GB15834} B.1.2）`,
        { replacement: '' },
      ),
    );
  }
}

/** …… is two ellipsis characters; ... 。。。 … ······ are not (4.11.2), and …… never goes with 等 (A.9). */
function ellipsis(p: Paragraph, out: Finding[]): void {
  const t = p.text;
  // A cheap test first: 。 is in every paragraph, a malformed ellipsis almost never.
  if (!ELLIPSIS_GATE.test(t)) return;
  ELLIPSIS_RE.lastIndex = 0;
  for (let m = ELLIPSIS_RE.exec(t); m; m = ELLIPSIS_RE.exec(t)) {
    const run = m[0];
    const from = m.index;
    const to = from + run.length;
    const chinese = isChinese(codeAt(t, from - 1)) || isChinese(codeAt(t, to));
    if (run[0] === '.' && !chinese) continue; // English text or a path
    if (t[to] === '等' || t[from - 1] === '等') {
      out.push(
        finding(
          p,
          'punct.ellipsis-etc',
          'error',
          from,
          to,
          `省略号不与“等”“等等”同时使用，删去省略号（${GB15834} A.9）`,
          { replacement: '' },
        ),
      );
      continue;
    }
    const valid = run === '……' || run === '…………';
    if (valid) continue;
    out.push(
      finding(p, 'punct.ellipsis', 'error', from, to, `省略号应为“……”（${GB15834} 4.11.2）`, {
        replacement: '……',
      }),
    );
  }
}

/** A second colon in one sentence, outside quotations (4.7.3.5). */
function nestedColon(p: Paragraph, out: Finding[]): void {
  const t = p.text;
  let depth = 0;
  let last = -1;
  for (let i = 0; i < t.length; i++) {
    const c = t[i];
    if (c === '“' || c === '‘') depth++;
    else if ((c === '”' || c === '’') && depth > 0) depth--;
    else if (c === '。' || c === '！' || c === '？') last = -1;
    else if (c === '：' && depth === 0) {
      if (isDigit(codeAt(t, i - 1)) && isDigit(codeAt(t, i + 1))) continue;
      // Field lists (主持人：张三  记录人：李四; 联系人：张三，电话：……) put a short label after a separator.
      const between = last === -1 ? '' : t.slice(last, i);
      const label = between.slice(Math.max(between.lastIndexOf('，'), between.lastIndexOf('；')) + 1);
      const field = /\s/.test(between) || (label.length < between.length - 1 && label.length <= 4);
      if (last !== -1 && !field) {
        out.push(
          finding(
            p,
            'punct.nested-colon',
            'warning',
            i,
            i + 1,
            `一个句子内部一般不应套用冒号（${GB15834} 4.7.3.5）`,
          ),
        );
      }
      last = i;
    }
  }
}

/** 我不知道他来不来？ — an embedded question makes a statement, which ends with 。 (A.2). */
function question(p: Paragraph, out: Finding[]): void {
  const t = p.text;
  let start = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t[i];
    if (c === '。' || c === '！' || c === '；') start = i + 1;
    else if (c === '？') {
      // The embedding verb sits close to the question word; looking at the sentence's tail keeps this linear.
      const sentence = t.slice(Math.max(start, i - QUESTION_WINDOW), i);
      if (EMBEDDED_QUESTION.test(sentence))
        out.push(
          finding(
            p,
            'punct.question',
            'warning',
            i,
            i + 1,
            `含疑问词的陈述句末尾不用问号，应使用句号（${GB15834} A.2）`,
            { suggestion: '。' },
          ),
        );
      start = i + 1;
    }
  }
}

/** （一）……，（二）…… run-in items are separated by 分号 (4.6.3.3). */
function listSeparator(p: Paragraph, out: Finding[]): void {
  const t = p.text;
  if (!t.includes('（') && !t.includes('.')) return;
  LIST_RE.lastIndex = 0;
  for (let m = LIST_RE.exec(t); m; m = LIST_RE.exec(t)) {
    const at = m.index - 1;
    if (t[at] !== '，' && t[at] !== '、') continue;
    if (m[0] === '1.' || m[0] === '（1）') continue;
    out.push(
      finding(
        p,
        'punct.list-separator',
        'warning',
        at,
        at + 1,
        `分项列举的各项之间用分号（${GB15834} 4.6.3.3）`,
        { replacement: '；' },
      ),
    );
  }
}

/** Stray spaces between Chinese characters inside sentences. */
function spaces(p: Paragraph, out: Finding[]): void {
  const t = p.text;
  // Lines without sentence punctuation are labels, signatures or headers (仅供学习 禁止外传) where a space
  // separates items on purpose.
  if (!SENTENCE_PUNCT.test(t)) return;
  let titleDepth = 0;
  let scanned = 0;
  SPACE_RE.lastIndex = 0;
  for (let m = SPACE_RE.exec(t); m; m = SPACE_RE.exec(t)) {
    const from = m.index;
    // Book-title depth at this space, tracked forward so that long paragraphs stay linear.
    for (; scanned < from; scanned++) {
      if (t[scanned] === '《') titleDepth++;
      else if (t[scanned] === '》' && titleDepth > 0) titleDepth--;
    }
    const to = from + m[0].length;
    const before = codeAt(t, from - 1);
    const after = codeAt(t, to);
    if (!(isHan(before) || isChinese(before)) || !(isHan(after) || isChinese(after))) continue;
    if (!isHan(before) && !isHan(after)) continue;
    if (titleDepth > 0) continue; // 《中共中央办公厅 国务院办公厅印发……》
    if (ORGAN_END.includes(t[from - 1] ?? '')) continue; // joint issuers: 中共中央办公厅 国务院办公厅
    out.push(
      finding(p, 'punct.space', 'warning', from, to, '汉字之间不应有空格（公文正文连排，不留字间空格）', {
        replacement: '',
      }),
    );
  }
}
