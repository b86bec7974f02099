import type { FeedbackCycle } from '../../platform/db/schema.js';
import { nextDate, type WorkingCalendar } from '../calendar/index.js';

/** One feedback period: its key (e.g. 2026-W12, 2026-03, 2026-Q1, 2026-H1) and the last working day it is due. */
export interface Period {
  key: string;
  start: string;
  end: string;
  due: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

function lastWorkingDayOnOrBefore(calendar: WorkingCalendar, date: string): string {
  let d = new Date(`${date}T00:00:00Z`);
  for (let i = 0; i < 31; i++) {
    const iso = d.toISOString().slice(0, 10);
    if (calendar.isWorkingDay(iso)) return iso;
    d = new Date(d.getTime() - 86_400_000);
  }
  return date;
}

function monthEnd(year: number, month: number): string {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/** ISO week of a date: weeks start on Monday; week 1 holds the year's first Thursday. */
function isoWeek(date: string): { year: number; week: number; monday: string } {
  const d = new Date(`${date}T00:00:00Z`);
  const day = (d.getUTCDay() + 6) % 7;
  const monday = new Date(d.getTime() - day * 86_400_000);
  const thursday = new Date(monday.getTime() + 3 * 86_400_000);
  const year = thursday.getUTCFullYear();
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const week1Monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86_400_000);
  const week = Math.round((monday.getTime() - week1Monday.getTime()) / (7 * 86_400_000)) + 1;
  return { year, week, monday: monday.toISOString().slice(0, 10) };
}

/** Key, start and end of the period of a repeating `cycle` containing `date`: calendar arithmetic only. */
function spanOf(cycle: Exclude<FeedbackCycle, 'once'>, date: string): Omit<Period, 'due'> {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  switch (cycle) {
    case 'weekly': {
      const w = isoWeek(date);
      const end = new Date(new Date(`${w.monday}T00:00:00Z`).getTime() + 6 * 86_400_000);
      return { key: `${w.year}-W${pad(w.week)}`, start: w.monday, end: end.toISOString().slice(0, 10) };
    }
    case 'monthly':
      return { key: `${year}-${pad(month)}`, start: `${year}-${pad(month)}-01`, end: monthEnd(year, month) };
    case 'quarterly': {
      const q = Math.ceil(month / 3);
      return { key: `${year}-Q${q}`, start: `${year}-${pad(q * 3 - 2)}-01`, end: monthEnd(year, q * 3) };
    }
    case 'half_yearly': {
      const h = month <= 6 ? 1 : 2;
      return {
        key: `${year}-H${h}`,
        start: `${year}-${h === 1 ? '01' : '07'}-01`,
        end: monthEnd(year, h * 6),
      };
    }
  }
}

/** The period of `cycle` containing `date`. A one-off feedback is due on the assignment's deadline. */
export function periodOf(
  cycle: FeedbackCycle,
  date: string,
  calendar: WorkingCalendar,
  deadline: string | null,
): Period {
  if (cycle === 'once') return { key: 'once', start: date, end: deadline ?? date, due: deadline ?? date };
  const span = spanOf(cycle, date);
  return { ...span, due: dueDate(calendar, span.end) };
}

/** The key of the period of `cycle` containing `date`: keys of one cycle order as their periods do. */
export function periodKeyOf(cycle: FeedbackCycle, date: string): string {
  return cycle === 'once' ? 'once' : spanOf(cycle, date).key;
}

/** Due date of the period of `cycle` ending on `end`: the end itself for a one-off feedback. */
export function dueOfPeriodEnd(cycle: FeedbackCycle, end: string, calendar: WorkingCalendar): string {
  return cycle === 'once' ? end : dueDate(calendar, end);
}

/**
 * The first period from the one containing `since` whose feedback is not in `delivered`; null once the
 * one-off feedback is in. Independent of the calendar, so what is stored from it never goes stale.
 */
export function firstOwedPeriod(
  cycle: FeedbackCycle,
  since: string,
  deadline: string | null,
  delivered: ReadonlySet<string>,
): { start: string; end: string } | null {
  if (cycle === 'once') return delivered.has('once') ? null : { start: since, end: deadline ?? since };
  let span = spanOf(cycle, since);
  while (delivered.has(span.key)) span = spanOf(cycle, nextDate(span.end));
  return { start: span.start, end: span.end };
}

/**
 * A period is due on the last working day of its end, the same for every assignment: remember it per
 * calendar (which is itself cached until an administrator changes a day), so lists stay cheap.
 */
const dueDates = new WeakMap<WorkingCalendar, Map<string, string>>();
function dueDate(calendar: WorkingCalendar, end: string): string {
  let known = dueDates.get(calendar);
  if (!known) dueDates.set(calendar, (known = new Map<string, string>()));
  let due = known.get(end);
  if (due === undefined) known.set(end, (due = lastWorkingDayOnOrBefore(calendar, end)));
  return due;
}

/** Every period from the one containing `from` to the one containing `to`, in order. */
export function periodsBetween(
  cycle: FeedbackCycle,
  from: string,
  to: string,
  calendar: WorkingCalendar,
  deadline: string | null,
): Period[] {
  if (cycle === 'once') return [periodOf('once', from, calendar, deadline)];
  const out: Period[] = [];
  for (
    let p = periodOf(cycle, from, calendar, deadline);
    p.start <= to;
    p = periodOf(cycle, nextDate(p.end), calendar, deadline)
  )
    out.push(p);
  return out;
}
