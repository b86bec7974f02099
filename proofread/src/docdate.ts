// The date of a document, so that a phrasing is only called outdated in documents written after the change
// (a 2004 复函 rightly says 国土资源部). Read from a standalone 成文日期 line — in arabic or Chinese numerals —
// or from the year of a 发文字号; the latest one wins, since attachments may be older than the document.
import { chineseNumber } from './text.js';
import type { Paragraph } from './types.js';

const DATE_LINE_RE =
  /^[（(]?((?:19|20)\d{2}|[一二][〇零一二三四五六七八九]{3})年(\d{1,2}|[一二三四五六七八九十]{1,3})月(\d{1,2}|[一二三四五六七八九十]{1,3})日[）)]?$/;
const DOC_NUMBER_RE = /[发函字办令电]〔((?:19|20)\d{2})〕\d+号/;
const YEAR_DIGIT: Record<string, string> = {
  〇: '0',
  零: '0',
  一: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};

function number(s: string): number {
  return /^\d+$/.test(s) ? Number(s) : chineseNumber(s);
}

function iso(year: string, month: number, day: number): string {
  const y = /^\d+$/.test(year) ? year : [...year].map((c) => YEAR_DIGIT[c] ?? '').join('');
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** ISO date (YYYY-MM-DD) of the document, or undefined when it carries none. */
export function documentDate(paragraphs: readonly Paragraph[]): string | undefined {
  let latest: string | undefined;
  const consider = (date: string): void => {
    if (latest === undefined || date > latest) latest = date;
  };
  for (const p of paragraphs) {
    if (p.text.length > 30) continue;
    const line = p.text.replace(/[\s\u3000]/g, '');
    const d = DATE_LINE_RE.exec(line);
    if (d) {
      const month = number(d[2] ?? '');
      const day = number(d[3] ?? '');
      if (month >= 1 && month <= 12 && day >= 1 && day <= 31) consider(iso(d[1] ?? '', month, day));
      continue;
    }
    const n = DOC_NUMBER_RE.exec(line);
    if (n) consider(`${n[1] ?? ''}-01-01`);
  }
  return latest;
}
