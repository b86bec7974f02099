import { PERIOD_KINDS } from '../../../../../shared/src/supervision.js';
import { nextDate } from '../../calendar/index.js';

/** Reporting periods of circulars (week … half year) and assessments (month … year), in Beijing dates. */
export { PERIOD_KINDS };
export type PeriodKind = keyof typeof PERIOD_KINDS;

export interface ReportPeriod {
  kind: PeriodKind;
  start: string;
  end: string;
  /** 2026年第10周 · 2026年3月 · 2026年第一季度 · 2026年上半年 · 2026年度 */
  label: string;
}

const DAY = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');
const addDays = (date: string, days: number) =>
  new Date(new Date(`${date}T00:00:00Z`).getTime() + days * DAY).toISOString().slice(0, 10);
const monthEnd = (year: number, month: number) =>
  new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
const QUARTERS = ['一', '二', '三', '四'];

/** The period of `kind` that contains `date`. Weeks run Monday to Sunday and are numbered as in ISO 8601. */
export function reportPeriod(kind: PeriodKind, date: string): ReportPeriod {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  switch (kind) {
    case 'week': {
      const monday = addDays(date, -((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7));
      const thursday = addDays(monday, 3);
      const weekYear = Number(thursday.slice(0, 4));
      const jan1 = Date.UTC(weekYear, 0, 1);
      const week = Math.floor((new Date(`${thursday}T00:00:00Z`).getTime() - jan1) / (7 * DAY)) + 1;
      return { kind, start: monday, end: addDays(monday, 6), label: `${weekYear}年第${week}周` };
    }
    case 'month':
      return {
        kind,
        start: `${year}-${pad(month)}-01`,
        end: monthEnd(year, month),
        label: `${year}年${month}月`,
      };
    case 'quarter': {
      const q = Math.ceil(month / 3);
      return {
        kind,
        start: `${year}-${pad(q * 3 - 2)}-01`,
        end: monthEnd(year, q * 3),
        label: `${year}年第${QUARTERS[q - 1] ?? q}季度`,
      };
    }
    case 'half': {
      const first = month <= 6;
      return {
        kind,
        start: `${year}-${first ? '01' : '07'}-01`,
        end: monthEnd(year, first ? 6 : 12),
        label: `${year}年${first ? '上' : '下'}半年`,
      };
    }
    case 'year':
      return { kind, start: `${year}-01-01`, end: `${year}-12-31`, label: `${year}年度` };
  }
}

export const previousPeriod = (p: ReportPeriod): ReportPeriod => reportPeriod(p.kind, addDays(p.start, -1));

/** Without a date, a report covers the last complete period before today. */
export function chosenPeriod(kind: PeriodKind, date: string | undefined, today: string): ReportPeriod {
  return date ? reportPeriod(kind, date) : previousPeriod(reportPeriod(kind, today));
}

/** Instant of a Beijing midnight, as stored timestamps are compared (ISO UTC). */
const beijingMidnight = (date: string) => new Date(`${date}T00:00:00+08:00`).toISOString();

export interface PeriodWindow {
  /** Events from `startIso` (inclusive) to `endIso` (exclusive) belong to the period. */
  startIso: string;
  endIso: string;
  /** The day the open work is counted on: the period's last day, or today while the period runs. */
  cutoffDate: string;
  cutoffIso: string;
}

export function periodWindow(p: ReportPeriod, today: string): PeriodWindow {
  const cutoffDate = p.end < today ? p.end : today;
  return {
    startIso: beijingMidnight(p.start),
    endIso: beijingMidnight(nextDate(p.end)),
    cutoffDate,
    cutoffIso: beijingMidnight(nextDate(cutoffDate)),
  };
}

/** 2026-03-09 → 2026年3月9日, as dates are written in official documents (GB/T 9704: Arabic numerals). */
export function chineseDate(date: string): string {
  return `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}
