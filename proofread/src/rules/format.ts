// Document-level format (GB/T 9704—2012 and the 序次语 rules of GB/T 15834—2011 附录B): heading levels
// 一、（一）1.（1） in order, their marker punctuation, no 。 after a standalone heading, 发文字号 with 〔〕,
// complete 一是……二是…… sequences (which may run over several paragraphs of a section) and leftover
// placeholders.
import { finding } from '../emit.js';
import { GB15834, GB9704, chineseNumber, isHan, toChineseNumber } from '../text.js';
import type { FamilyChecker, Finding, Paragraph } from '../types.js';

/** Level 1 一、 · level 2 （一） · level 3 1. · level 4 （1）, with the wrong punctuation people use. */
const HEADING_RE =
  /^[\s\u3000]*(?:([一二三四五六七八九十]{1,3})([、.．，,])|([（(])([一二三四五六七八九十]{1,3})[）)]([、.．，,：]?)|(\d{1,2})([.．、，,](?![\d.．])(?=\D))|([（(])(\d{1,2})[）)]([、.．，,：]?))/;
const LABEL = ['一、', '（一）', '1.', '（1）'];
/** 附件：1.2026年度……自查表 — the list of attachments starts a numbering of its own (and 1.2026 is no decimal). */
const ATTACHMENT_ITEM_RE = /^[\s\u3000]*附件[:：][\s\u3000]*(\d{1,2})([.．、，,])/;
const ATTACHMENT_RE = /^[\s\u3000]*附件\s*\d*[\s\u3000]*$/;
/** A document title: 关于……的通知, ……上的讲话 — not a closing line such as 特此通知. */
const TITLE_RE =
  /(?:关于.*|的)(?:通知|意见|办法|方案|报告|讲话|决定|通报|批复|规定|请示|纪要|总结|计划|函|条例|细则|规划|要点|公告|通告|决议)$/;
/** Anchored on the year in brackets; the 机关代字 ending in 发/函/字… before it is checked by hand. */
const DOC_NUMBER_RE =
  /([〔[［【（(〈<])[ \u3000]*(\d{4}|\d{2})[ \u3000]*([〕\]］】）)〉>])[ \u3000]*(第?)[ \u3000]*(0*)(\d+)[ \u3000]*号/g;
const ORGAN_END = '发函字办令电';
/** 一是……二是……, 一要……二要……; the neighbours that make 统一是, 之一是, 是否, 要素, 要求 are checked by hand. */
const ENUM_RE = /[一二三四五六七八九十][是要]/g;
const ENUM_NOT_BEFORE = '统唯单同专万第划之逐归合如';
const ENUM_NOT_AFTER: Record<string, string> = { 是: '否非', 要: '素求点害务件领闻职塞么是' };
const PLACEHOLDER_RE =
  /(?<![A-Za-z0-9Ａ-Ｚａ-ｚ])(?:[XＸxｘ×]{2,}|[XＸ×](?=[年月日号同市县区局委部省乡镇村处科]))(?![A-Za-z0-9Ａ-Ｚａ-ｚ])|○{2,}/g;

interface Heading {
  level: number;
  n: number;
  /** End of the marker, for the span of order findings. */
  end: number;
}

interface Sequence {
  kind: string;
  last: number;
  p: Paragraph;
  at: number;
}

export function format(): FamilyChecker {
  const last = [0, 0, 0, 0, 0];
  const parentChanged = [true, true, true, true, true];
  let recent = 0;
  let start = 0;
  /** Levels used since the last 一、 heading. */
  const section = new Set<number>();
  let titleSeen = false;
  const open = new Map<string, Sequence>();

  function heading(p: Paragraph, out: Finding[]): Heading | undefined {
    const item = ATTACHMENT_ITEM_RE.exec(p.text);
    const m = item ?? HEADING_RE.exec(p.text);
    if (!m) return undefined;
    const markerEnd = m[0].length;
    let level: number;
    let n: number;
    let punct: string;
    let right: string;
    if (item) {
      [level, n, punct, right] = [3, Number(item[1]), item[2] ?? '', '.'];
      parentChanged[3] = true;
    } else if (m[1] !== undefined) [level, n, punct, right] = [1, chineseNumber(m[1]), m[2] ?? '', '、'];
    else if (m[4] !== undefined) [level, n, punct, right] = [2, chineseNumber(m[4]), m[5] ?? '', ''];
    else if (m[6] !== undefined) [level, n, punct, right] = [3, Number(m[6]), m[7] ?? '', '.'];
    else [level, n, punct, right] = [4, Number(m[9]), m[10] ?? '', ''];
    if (Number.isNaN(n) || n === 0) return undefined;
    if (punct !== right) {
      const at = markerEnd - punct.length;
      const clause = level === 1 ? '4.5.3.3、B.3.2' : level === 3 ? 'B.3.3' : 'B.3.4';
      const what = right === '' ? '后面不用任何点号' : `后面用“${right}”`;
      out.push(
        finding(
          p,
          'format.heading-marker',
          'error',
          at,
          at + punct.length,
          `第${level}层序数“${LABEL[level - 1] ?? ''}”${what}（${GB15834} ${clause}；${GB9704} 7.3.3）`,
          {
            replacement: right,
          },
        ),
      );
    }
    return { level, n, end: markerEnd };
  }

  function order(p: Paragraph, h: Heading, out: Finding[]): void {
    const { level, n } = h;
    const label = (k: number): string =>
      level === 1
        ? `${toChineseNumber(k)}、`
        : level === 2
          ? `（${toChineseNumber(k)}）`
          : level === 3
            ? `${k}.`
            : `（${k}）`;
    const prev = last[level] ?? 0;
    const flag = (severity: 'error' | 'warning', message: string): void => {
      out.push(
        finding(
          p,
          'format.heading-order',
          severity,
          0,
          h.end,
          `${message}（${GB9704} 7.3.3；${GB15834} B.3.8）`,
        ),
      );
    };
    // 一、 directly followed by 1. is common in 国务院 documents, so only a jump of two levels is reported;
    // a higher level first used after a lower one in the same section is reported as an inversion.
    if (level === 1) section.clear();
    if (recent === 0) start = level;
    else if (level > recent + 2 || (level === recent + 2 && recent !== 1))
      flag(
        'warning',
        `层次越级：上一层为“${LABEL[recent - 1] ?? ''}”，此处直接使用“${LABEL[level - 1] ?? ''}”`,
      );
    else if (level < start)
      flag(
        'warning',
        `已从“${LABEL[start - 1] ?? ''}”层开始行文，不宜再使用更高层次的“${LABEL[level - 1] ?? ''}”`,
      );
    else if (!section.has(level) && [...section].some((l) => l > level))
      flag(
        'warning',
        `层次倒置：本部分已用“${LABEL[Math.max(...section) - 1] ?? ''}”，不宜再使用更高层次的“${LABEL[level - 1] ?? ''}”`,
      );
    section.add(level);
    if (n === prev + 1 || (parentChanged[level] && n === 1)) {
      // in order, or numbering restarted under a new parent
    } else if (n === prev) flag('error', `序号“${label(n)}”重复`);
    else if (n > prev + 1) flag('error', `序号跳号：“${label(n)}”前缺少“${label(prev + 1)}”`);
    else flag('error', `序号顺序错误：“${label(n)}”出现在“${label(prev)}”之后`);
    last[level] = n;
    parentChanged[level] = false;
    for (let d = level + 1; d <= 4; d++) parentChanged[d] = true;
    recent = level;
  }

  function trailingPeriod(p: Paragraph, h: Heading | undefined, out: Finding[]): void {
    if (titleSeen && h?.level !== 1) return;
    const t = p.text.trimEnd();
    if (!t.endsWith('。')) return;
    const body = t.slice(0, -1);
    if (/[。；！？]/.test(body)) return;
    const isTitle = !titleSeen && body.length <= 60 && !body.includes('，') && TITLE_RE.test(body.trim());
    const isHeading = h?.level === 1 && body.length <= 40 && !body.includes('，');
    if (!isTitle && !isHeading) return;
    out.push(
      finding(
        p,
        'format.heading-period',
        isTitle ? 'error' : 'warning',
        t.length - 1,
        t.length,
        `${isTitle ? '文件标题' : '独占一行的标题'}末尾不用句号（${GB15834} B.4）`,
        {
          replacement: '',
        },
      ),
    );
  }

  function close(kind: string, out: Finding[]): void {
    const seq = open.get(kind);
    open.delete(kind);
    if (seq?.last === 1)
      out.push(
        finding(
          seq.p,
          'format.enumeration',
          'warning',
          seq.at,
          seq.at + 2,
          `有“一${kind}”而没有“二${kind}”，列举不完整`,
        ),
      );
  }

  function enumeration(p: Paragraph, out: Finding[]): void {
    const t = p.text;
    ENUM_RE.lastIndex = 0;
    for (let m = ENUM_RE.exec(t); m; m = ENUM_RE.exec(t)) {
      const kind = m[0][1] ?? '';
      if (
        ENUM_NOT_BEFORE.includes(t[m.index - 1] ?? '\n') ||
        (ENUM_NOT_AFTER[kind] ?? '').includes(t[m.index + 2] ?? '\n')
      )
        continue;
      const n = chineseNumber(m[0][0] ?? '');
      const seq = open.get(kind);
      const at = m.index;
      if (n === 1) {
        close(kind, out);
        open.set(kind, { kind, last: 1, p, at });
        continue;
      }
      const word = (k: number): string => `“${toChineseNumber(k)}${kind}”`;
      if (!seq)
        out.push(finding(p, 'format.enumeration', 'warning', at, at + 2, `${word(n)}之前缺少${word(1)}`));
      else if (n > seq.last + 1)
        out.push(
          finding(p, 'format.enumeration', 'warning', at, at + 2, `${word(n)}之前缺少${word(seq.last + 1)}`),
        );
      else if (n <= seq.last)
        out.push(
          finding(
            p,
            'format.enumeration',
            'warning',
            at,
            at + 2,
            `${word(n)}重复或顺序颠倒（前面已有${word(seq.last)}）`,
          ),
        );
      open.set(kind, { kind, last: n, p: seq?.p ?? p, at: seq?.at ?? at });
    }
  }

  return {
    paragraph(p, _hits, out) {
      const t = p.text;
      if (ATTACHMENT_RE.test(t)) {
        // An attachment is a document of its own: its headings and title start afresh.
        last.fill(0);
        parentChanged.fill(true);
        recent = 0;
        section.clear();
        titleSeen = false;
        return;
      }
      const h = heading(p, out);
      if (h) {
        // A sequence of 一是……二是…… lives inside one section: a new heading ends it.
        for (const kind of [...open.keys()]) close(kind, out);
        order(p, h, out);
      }
      trailingPeriod(p, h, out);
      titleSeen = true;
      if (t.includes('号')) docNumber(p, out);
      enumeration(p, out);
      if (/[XＸxｘ×○]/.test(t)) placeholders(p, out);
    },
    finish(out) {
      for (const kind of [...open.keys()]) close(kind, out);
    },
  };
}

/** 发文字号: 机关代字〔2026〕5号 — six-sided brackets, full year, no 第, no leading zeros (7.2.5). */
function docNumber(p: Paragraph, out: Finding[]): void {
  const t = p.text;
  const cite = `${GB9704} 7.2.5`;
  DOC_NUMBER_RE.lastIndex = 0;
  for (let m = DOC_NUMBER_RE.exec(t); m; m = DOC_NUMBER_RE.exec(t)) {
    const [whole, open = '', year = '', close = '', di = '', zeros = ''] = m;
    let k = m.index - 1;
    while (t[k] === ' ' || t[k] === '\u3000') k--;
    if (!ORGAN_END.includes(t[k] ?? '\n') || !isHan(t.charCodeAt(k - 1))) continue;
    const bracketAt = m.index;
    const bracketEnd = m.index + whole.indexOf(close, open.length + year.length) + 1;
    if (year.length === 2) {
      out.push(
        finding(
          p,
          'format.doc-number',
          'error',
          bracketAt,
          bracketEnd,
          `发文字号的年份应标全称，用六角括号“〔〕”括入（${cite}）`,
          { suggestion: `〔20${year}〕` },
        ),
      );
    } else if (open !== '〔' || close !== '〕') {
      // Full-width （） are never rewritten automatically (the safe defaults), so they get a suggestion.
      const right = `〔${year}〕`;
      const correction = open === '（' || close === '）' ? { suggestion: right } : { replacement: right };
      out.push(
        finding(
          p,
          'format.doc-number',
          'error',
          bracketAt,
          bracketEnd,
          `发文字号的年份应用六角括号“〔〕”括入（${cite}）`,
          correction,
        ),
      );
    }
    const tail = whole.slice(bracketEnd - m.index);
    if (di) {
      const at = bracketEnd + tail.indexOf('第');
      out.push(
        finding(p, 'format.doc-number', 'error', at, at + 1, `发文顺序号不加“第”字（${cite}）`, {
          replacement: '',
        }),
      );
    }
    if (zeros) {
      const at = bracketEnd + tail.search(/0/);
      out.push(
        finding(
          p,
          'format.doc-number',
          'error',
          at,
          at + zeros.length,
          `发文顺序号不编虚位（1不编为01）（${cite}）`,
          { replacement: '' },
        ),
      );
    }
  }
}

function placeholders(p: Paragraph, out: Finding[]): void {
  PLACEHOLDER_RE.lastIndex = 0;
  for (let m = PLACEHOLDER_RE.exec(p.text); m; m = PLACEHOLDER_RE.exec(p.text)) {
    out.push(
      finding(
        p,
        'format.placeholder',
        'confirm',
        m.index,
        m.index + m[0].length,
        `疑似未替换的占位符“${m[0]}”，请填写实际内容`,
      ),
    );
  }
}
