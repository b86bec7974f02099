import { beijingDate } from '../../calendar/index.js';

/** A member-tier grant as the access rule sees it: revocation has already cut its end short. */
export interface GrantSpan {
  startsAt: string;
  /** null: open-ended. */
  endsAt: string | null;
  backYears: number;
}

/** What a member can read at one instant. */
export interface AccessWindow {
  tier: 'free' | 'member';
  /** Start of the unbroken membership run that holds the instant; null on the free tier. */
  runStart: string | null;
  /** Last instant of that run, following grants already stacked after the current one. */
  runEnd: string | null;
  /** Member material published on or after this Beijing date is readable; null on the free tier. */
  earliestContentOn: string | null;
}

export const FREE_WINDOW: AccessWindow = {
  tier: 'free',
  runStart: null,
  runEnd: null,
  earliestContentOn: null,
};

const activeAt = (g: GrantSpan, at: string) => g.startsAt <= at && (g.endsAt === null || at < g.endsAt);

/** Same day and month N years earlier; 29 February falls back to the 28th. */
export function yearsBefore(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y - years, m - 1, d));
  if (target.getUTCMonth() !== m - 1) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}

/**
 * The window at `at` from a member's member-tier grants. Consecutive or overlapping grants form one
 * run; a gap starts a new one, so a lapsed and renewed membership reaches back from its renewal only.
 */
export function windowAt(spans: readonly GrantSpan[], at: string): AccessWindow {
  const sorted = [...spans].filter((g) => g.endsAt === null || g.startsAt < g.endsAt);
  sorted.sort((a, b) => (a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : 0));
  let runStart: string | null = null;
  let runEnd: string | null = null;
  let open = false;
  for (const g of sorted) {
    const joins = runStart !== null && (open || (runEnd !== null && g.startsAt <= runEnd));
    if (!joins) {
      // The run containing `at` is complete once a later one begins after `at`.
      if (runStart !== null && g.startsAt > at) break;
      runStart = g.startsAt;
      runEnd = g.endsAt;
      open = g.endsAt === null;
    } else if (!open) {
      open = g.endsAt === null;
      if (g.endsAt !== null && runEnd !== null && g.endsAt > runEnd) runEnd = g.endsAt;
    }
  }
  const active = sorted.filter((g) => activeAt(g, at));
  if (runStart === null || active.length === 0) return FREE_WINDOW;
  const backYears = Math.max(...active.map((g) => g.backYears));
  return {
    tier: 'member',
    runStart,
    runEnd: open ? null : runEnd,
    earliestContentOn: yearsBefore(beijingDate(new Date(runStart)), backYears),
  };
}

/** Whether a member-tier material published at `publishedAt` lies inside the window. */
export function admits(window: AccessWindow, publishedAt: string): boolean {
  return window.earliestContentOn !== null && beijingDate(new Date(publishedAt)) >= window.earliestContentOn;
}

/** When a new grant bought or redeemed at `now` starts: at the end of the current run (stacking). */
export function stackedStart(spans: readonly GrantSpan[], now: string): string | null {
  const window = windowAt(spans, now);
  if (window.tier === 'free') return now;
  return window.runEnd;
}
