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

/** The unbroken membership run holding an instant, and the widest back catalogue of the grants in force. */
export interface Run {
  start: string;
  /** Last instant of the run, following grants already stacked after the current one; null: open-ended. */
  end: string | null;
  backYears: number;
}

/**
 * The run holding `at` from a member's member-tier grants; null when no grant is in force then.
 * Consecutive or overlapping grants form one run; a gap starts a new one, so a lapsed and renewed
 * membership reaches back from its renewal only.
 */
export function runAt(spans: readonly GrantSpan[], at: string): Run | null {
  const only = spans.length === 1 ? spans[0] : undefined;
  // Most members hold one grant: the run is that grant, with no sorting (the publish push asks 10,000).
  if (only)
    return activeAt(only, at) ? { start: only.startsAt, end: only.endsAt, backYears: only.backYears } : null;
  const sorted = spans.filter((g) => g.endsAt === null || g.startsAt < g.endsAt);
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
  if (runStart === null || active.length === 0) return null;
  return {
    start: runStart,
    end: open ? null : runEnd,
    backYears: Math.max(...active.map((g) => g.backYears)),
  };
}

/** The window at `at` from a member's member-tier grants: the run's start reaches back `backYears`. */
export function windowAt(spans: readonly GrantSpan[], at: string): AccessWindow {
  const run = runAt(spans, at);
  if (run === null) return FREE_WINDOW;
  return {
    tier: 'member',
    runStart: run.start,
    runEnd: run.end,
    earliestContentOn: yearsBefore(beijingDate(new Date(run.start)), run.backYears),
  };
}

/** Whether a member-tier material published at `publishedAt` lies inside the window. */
export function admits(window: AccessWindow, publishedAt: string): boolean {
  return window.earliestContentOn !== null && beijingDate(new Date(publishedAt)) >= window.earliestContentOn;
}

/**
 * admits() of one material for many runs: whether a run's window reaches back to `publishedAt`. The
 * Beijing dates are not computed per run: for each back-years value, the run must start before the
 * instant `runStartLimit` gives, a string comparison.
 */
export function reachesBack(publishedAt: string): (run: Run) => boolean {
  const published = beijingDate(new Date(publishedAt));
  const bounds = new Map<number, string>();
  return (run) => {
    let bound = bounds.get(run.backYears);
    if (bound === undefined) {
      bound = runStartLimit(published, run.backYears);
      bounds.set(run.backYears, bound);
    }
    return run.start < bound;
  };
}

/**
 * The fewest back years with which every run holding `at` reaches `publishedAt`: such a run starts no
 * later than `at`, so it reaches back when `at` is before the bound on its start.
 */
export function backYearsReaching(publishedAt: string, at: string): number {
  const published = beijingDate(new Date(publishedAt));
  let years = 0;
  while (runStartLimit(published, years) <= at) years += 1;
  return years;
}

const nextDay = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00.000Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The first instant at which a run reaching back `years` no longer reaches `published`: midnight in
 * Beijing after the last run-start date d with yearsBefore(d, years) <= published. yearsBefore never
 * decreases as d grows, so d is found from a guess by steps of one day, checked by yearsBefore itself.
 */
function runStartLimit(published: string, years: number): string {
  const [y, m, d] = published.split('-').map(Number) as [number, number, number];
  let last = new Date(Date.UTC(y + years, m - 1, d)).toISOString().slice(0, 10);
  while (yearsBefore(last, years) > published) last = nextDay(last, -1);
  while (yearsBefore(nextDay(last, 1), years) <= published) last = nextDay(last, 1);
  // Beijing midnight after `last` is 16:00 UTC on `last`.
  return `${last}T16:00:00.000Z`;
}

/** When a new grant bought or redeemed at `now` starts: at the end of the current run (stacking). */
export function stackedStart(spans: readonly GrantSpan[], now: string): string | null {
  const window = windowAt(spans, now);
  if (window.tier === 'free') return now;
  return window.runEnd;
}
