// Character classes and small helpers shared by the rules. Everything works on UTF-16 code units so that
// offsets match what editors (and JavaScript strings) use.

/** Standard citations, written the way the standards write their own numbers. */
export const GB15834 = 'GB/T 15834—2011';
export const GB15835 = 'GB/T 15835—2011';
export const GB9704 = 'GB/T 9704—2012';

export function isHan(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    code === 0x3007 // 〇
  );
}

/** Full-width CJK punctuation (the marks GB/T 15834 prescribes for Chinese text). */
const FULL_PUNCT = new Set(
  '，。、；：？！“”‘’（）《》〈〉【】〔〕…—～·'.split('').map((c) => c.charCodeAt(0)),
);

/** Chinese context: a Han character or a full-width mark. */
export function isChinese(code: number): boolean {
  return isHan(code) || FULL_PUNCT.has(code);
}

export function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

export function isLatin(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/** Code at i, or -1 outside the string (so callers need no bounds checks). */
export function codeAt(s: string, i: number): number {
  return i >= 0 && i < s.length ? s.charCodeAt(i) : -1;
}

const CN_DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** Value of a Chinese numeral up to 99 (一, 十, 十二, 二十, 九十九); NaN when it is not one. */
export function chineseNumber(s: string): number {
  if (s.length === 0 || s.length > 3) return NaN;
  const ten = s.indexOf('十');
  if (ten === -1) return s.length === 1 ? (CN_DIGITS[s] ?? NaN) : NaN;
  const tens = ten === 0 ? 1 : (CN_DIGITS[s.slice(0, ten)] ?? NaN);
  const rest = s.slice(ten + 1);
  const units = rest === '' ? 0 : (CN_DIGITS[rest] ?? NaN);
  return tens * 10 + units;
}

const CN_UNITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1..99 written as a Chinese numeral (二十五); used to suggest fixed expressions. */
export function toChineseNumber(n: number): string {
  if (n < 10) return CN_UNITS[n] ?? '';
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : (CN_UNITS[tens] ?? '')}十${CN_UNITS[n % 10] ?? ''}`;
}
