// GB/T 15835—2011 numbers (and the date rules of GB/T 9704—2012 7.3.5.4).
import { finding } from '../emit.js';
import { GB15834, GB15835, GB9704, toChineseNumber } from '../text.js';
import type { DocumentView, FamilyChecker, Finding, Paragraph } from '../types.js';

/** 9～16亿, 15～30%: the first value must repeat %, ‰, 万 or 亿, or the range is ambiguous. */
const RANGE_UNIT_RE = /(?<![\d.])(\d+(?:\.\d+)?)([～~—\-－])(\d+(?:\.\d+)?)(%|‰|万|亿)/g;
const RANGE_UNITS = '%‰万亿千百十个天年月日次人名岁元米里克吨周倍项家户条所座台辆件份批期届亩平毫厘公立';
/** 480-560米, 80~90%: ranges written with a hyphen or an ASCII tilde. */
const RANGE_MARK_RE = new RegExp(
  `(?<![\\d.\\-A-Za-z/])(\\d+(?:\\.\\d+)?[%‰]?)([\\-－~])(\\d+(?:\\.\\d+)?)(?=[${RANGE_UNITS}])`,
  'g',
);
const APPROX_DIGITS_RE = /(?<![\d.])([1-9])、([1-9])(?=[个天次人名岁项条家位户种倍周年月])/g;
const JI_RE = /(?<![\d.])(\d{1,2})几/g;
const PLENUM_RE = /(?<![\d.])(\d{1,2})届(\d{1,2})中全会|党的(\d{1,2})大/g;
const SHORT_YEAR_RE =
  /(?<![\d.／/-])(\d{2})年(?:(?=\d{1,2}月)|(?<=[于在至到从自截]\d\d年)(?=底|初|上半年|下半年|以来))/g;
const DOTTED_DATE_RE = /(?<![\d.])((?:19|20)\d{2})[./](\d{1,2})[./](\d{1,2})(?![\d.])/g;
/** 2026年01月05日: a zero before a one-digit month (after 年) or day (after 月). */
const PADDED_DATE_RE = /0(?=[1-9][月日])/g;
const ISO_DATE_RE = /(?<![\d-])((?:19|20)\d{2})-(\d{2})-(\d{2})(?![\d-])/g;
const CJK_DATE_RE = /\d{4}年\d{1,2}月\d{1,2}日/;

export function numbers(doc: DocumentView): FamilyChecker {
  let preferredRange: string | undefined;
  const isoDates: { p: Paragraph; at: number; len: number; suggestion: string }[] = [];
  let cjkDates = 0;

  // The document's own range mark (— or ～) is the certain replacement for a hyphen; computed on first need.
  const rangeMark = (): string => {
    if (preferredRange === undefined) {
      const dash = doc.text.match(/\d—\d/g)?.length ?? 0;
      const tilde = doc.text.match(/\d～\d/g)?.length ?? 0;
      preferredRange = dash > tilde ? '—' : '～';
    }
    return preferredRange;
  };

  return {
    paragraph(p, hits, out) {
      const t = p.text;
      for (const hit of hits) {
        if (hit.entry.kind !== 'numeral') continue;
        if (/[\d.]/.test(t[hit.at - 1] ?? '')) continue;
        const { text, right } = hit.entry;
        out.push(
          finding(
            p,
            'number.fixed-expression',
            'error',
            hit.at,
            hit.at + text.length,
            `已定型的含汉字数字的词语应使用汉字数字：“${right}”（${GB15835} 4.2.3）`,
            {
              replacement: right,
            },
          ),
        );
      }
      if (!/\d/.test(t)) return;
      rangeUnit(p, out);
      rangeMarks(p, rangeMark, out);
      approxDigits(p, out);
      plenums(p, out);
      shortYears(p, out);
      dates(p, out);
      ISO_DATE_RE.lastIndex = 0;
      for (let m = ISO_DATE_RE.exec(t); m; m = ISO_DATE_RE.exec(t)) {
        const [, y = '', mo = '', d = ''] = m;
        isoDates.push({
          p,
          at: m.index,
          len: m[0].length,
          suggestion: `${y}年${Number(mo)}月${Number(d)}日`,
        });
      }
      if (CJK_DATE_RE.test(t)) cjkDates++;
    },
    finish(out) {
      if (cjkDates === 0) return;
      for (const d of isoDates)
        out.push(
          finding(
            d.p,
            'number.date-mixed',
            'confirm',
            d.at,
            d.at + d.len,
            `同一文件中日期写法应一致，正文多用“×年×月×日”（${GB15835} 5.1.4）`,
            {
              suggestion: d.suggestion,
            },
          ),
        );
    },
  };
}

function rangeUnit(p: Paragraph, out: Finding[]): void {
  RANGE_UNIT_RE.lastIndex = 0;
  for (let m = RANGE_UNIT_RE.exec(p.text); m; m = RANGE_UNIT_RE.exec(p.text)) {
    const [, first = '', , , unit = ''] = m;
    out.push(
      finding(
        p,
        'number.range-unit',
        'error',
        m.index,
        m.index + first.length,
        `数值范围前后都应写出“${unit}”，如“9亿～16亿”“15%～30%”（${GB15835} 5.1.3）`,
        {
          replacement: first + unit,
        },
      ),
    );
  }
}

function rangeMarks(p: Paragraph, preferred: () => string, out: Finding[]): void {
  const t = p.text;
  if (!/\d[%‰]?[-－~]\d/.test(t)) return;
  RANGE_MARK_RE.lastIndex = 0;
  for (let m = RANGE_MARK_RE.exec(t); m; m = RANGE_MARK_RE.exec(t)) {
    const [, a = '', mark = '', b = ''] = m;
    const at = m.index + a.length;
    const years = a.length === 4 && b.length === 4 && t[at + 1 + b.length] === '年';
    const full = mark === '~' ? '～' : years ? '—' : preferred();
    const what = years ? '起止年份用一字线“—”' : '数值范围用浪纹线“～”或一字线“—”';
    out.push(
      finding(
        p,
        'number.range-mark',
        'warning',
        at,
        at + 1,
        `${what}，不用短横线或半角“~”（${GB15834} 4.13.3.2；${GB15835} 5.1.3）`,
        { replacement: full },
      ),
    );
  }
}

/** 3、4个 → 三四个, 10几个 → 十几个 (4.2.2: approximate numbers use Chinese numerals). */
function approxDigits(p: Paragraph, out: Finding[]): void {
  const t = p.text;
  const cite = `概数应使用汉字数字，相邻数字连用不加顿号（${GB15835} 4.2.2、5.2.1）`;
  APPROX_DIGITS_RE.lastIndex = 0;
  for (let m = APPROX_DIGITS_RE.exec(t); m; m = APPROX_DIGITS_RE.exec(t)) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (b !== a + 1) continue;
    out.push(
      finding(p, 'number.approx-digits', 'warning', m.index, m.index + 3, cite, {
        replacement: toChineseNumber(a) + toChineseNumber(b),
      }),
    );
  }
  JI_RE.lastIndex = 0;
  for (let m = JI_RE.exec(t); m; m = JI_RE.exec(t)) {
    const n = Number(m[1]);
    out.push(
      finding(
        p,
        'number.approx-digits',
        'warning',
        m.index,
        m.index + (m[1] ?? '').length,
        `含“几”的概数应使用汉字数字（${GB15835} 4.2.2）`,
        {
          replacement: toChineseNumber(n),
        },
      ),
    );
  }
}

/** 20届3中全会 → 二十届三中全会, 党的20大 → 党的二十大 (4.2.3: fixed names keep Chinese numerals). */
function plenums(p: Paragraph, out: Finding[]): void {
  const t = p.text;
  PLENUM_RE.lastIndex = 0;
  for (let m = PLENUM_RE.exec(t); m; m = PLENUM_RE.exec(t)) {
    const right = m[0].replace(/\d+/g, (d) => toChineseNumber(Number(d)));
    out.push(
      finding(
        p,
        'number.fixed-expression',
        'error',
        m.index,
        m.index + m[0].length,
        `已定型的含汉字数字的词语应使用汉字数字：“${right}”（${GB15835} 4.2.3）`,
        {
          replacement: right,
        },
      ),
    );
  }
}

function shortYears(p: Paragraph, out: Finding[]): void {
  SHORT_YEAR_RE.lastIndex = 0;
  for (let m = SHORT_YEAR_RE.exec(p.text); m; m = SHORT_YEAR_RE.exec(p.text)) {
    const yy = m[1] ?? '';
    const full = `${Number(yy) <= 50 ? '20' : '19'}${yy}`;
    out.push(
      finding(
        p,
        'number.short-year',
        'error',
        m.index,
        m.index + yy.length,
        `年份不应简写为两位数字，应写全称如“${full}年”（${GB15835} 5.1.4）`,
        { suggestion: full },
      ),
    );
  }
}

function dates(p: Paragraph, out: Finding[]): void {
  const t = p.text;
  DOTTED_DATE_RE.lastIndex = 0;
  for (let m = DOTTED_DATE_RE.exec(t); m; m = DOTTED_DATE_RE.exec(t)) {
    const [, y = '', mo = '', d = ''] = m;
    if (Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > 31) continue;
    out.push(
      finding(
        p,
        'number.date-form',
        'warning',
        m.index,
        m.index + m[0].length,
        `日期应写作“×年×月×日”，不用圆点或斜线分隔（${GB15835} 5.1.4）`,
        {
          replacement: `${y}年${Number(mo)}月${Number(d)}日`,
        },
      ),
    );
  }
  if (!t.includes('0')) return;
  PADDED_DATE_RE.lastIndex = 0;
  for (let m = PADDED_DATE_RE.exec(t); m; m = PADDED_DATE_RE.exec(t)) {
    const unit = t[m.index + 2];
    const before = t[m.index - 1];
    if (!(
      (unit === '月' && before === '年' && /\d{4}$/.test(t.slice(m.index - 5, m.index - 1))) ||
      (unit === '日' && before === '月')
    ))
      continue;
    out.push(
      finding(
        p,
        'number.date-form',
        'error',
        m.index,
        m.index + 1,
        `月、日不编虚位，“1”不写作“01”（${GB9704} 7.3.5.4）`,
        { replacement: '' },
      ),
    );
  }
}
