/** Colours and web-only labels of circulars; the vocabulary itself is shared with the server. */
import dayjs from 'dayjs';
import { CIRCULAR_STATUSES, PERIOD_KINDS } from '../../../../shared/src/supervision.js';
import type { CircularKind } from './types.js';

export { CIRCULAR_STATUSES };

export const CIRCULAR_KINDS: Record<CircularKind, string> = {
  week: PERIOD_KINDS.week,
  month: PERIOD_KINDS.month,
  quarter: PERIOD_KINDS.quarter,
  half: PERIOD_KINDS.half,
};

export const CIRCULAR_STATUS_COLORS: Record<string, string> = {
  draft: 'gold',
  published: 'green',
  archived: 'default',
};

/** 85.7 → "85.7%"; no assignment due in the period → "—". */
export const rateText = (rate: number | null) => (rate === null ? '—' : `${rate.toFixed(1)}%`);

/** A change against the previous period, signed: +2, −1.5 (zero is written 持平 by the caller). */
export const deltaText = (n: number) => (n > 0 ? `+${n}` : `−${-n}`);

const UNITS = {
  week: ['周', 'week'],
  month: ['月', 'month'],
  quarter: ['季度', 'quarter'],
  half: ['半年', 'half'],
  year: ['年', 'year'],
} as const;

/** The picker's shortcuts: the running period (counted up to today) and the one before it. */
export function periodPresets(kind: keyof typeof UNITS) {
  const [name, unit] = UNITS[kind];
  const today = dayjs();
  const previous =
    unit === 'half'
      ? today.subtract(6, 'month')
      : unit === 'quarter'
        ? today.subtract(3, 'month')
        : today.subtract(1, unit);
  return [
    { label: `本${name}（截至今天）`, value: today },
    { label: `上${name}`, value: previous },
  ];
}
