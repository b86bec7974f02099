import type { FeedbackCycle } from '../../platform/db/schema.js';
import { nextDate, type WorkingCalendar } from '../calendar/index.js';
import { periodsBetween } from './periods.js';
import type { OwedPeriod } from './reminders-repository.js';

/** Which due dates call for a reminder on a given day: date arithmetic on the working calendar only. */

/** Escalate to the responsible leader once a deadline or feedback is more than this many working days late. */
export const LEADER_AFTER_DAYS = 3;
/** After an outage, reminders whose moment passed longer ago than this are not sent any more. */
const CATCH_UP_DAYS = 10;

export type When = 'before' | 'due' | 'overdue';
export interface Rule {
  when: When;
  level: 0 | 1 | 2;
  /** Due dates (deadline or feedback due) that trigger this reminder today, inclusive. */
  from: string;
  to: string;
}

const previousDate = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** The k-th working day counting back from `date` inclusive: more than k-1 working days late ⇔ due before it. */
function workingDayBack(calendar: WorkingCalendar, date: string, k: number): string {
  let d = date;
  for (let found = 0; ; d = previousDate(d)) if (calendar.isWorkingDay(d) && ++found === k) return d;
}

/**
 * Which due dates trigger which reminder on `today`. "Before" and "due day" look at the whole window
 * each day, so a new or extended deadline inside it is still announced; escalations fire on the day a
 * threshold is crossed, so they cover only the days since the last sweep (at most CATCH_UP_DAYS).
 */
export function reminderRules(
  calendar: WorkingCalendar,
  today: string,
  lastSweep: string | null,
  warnDays: number,
): Rule[] {
  const rules: Rule[] = [];
  if (warnDays > 0)
    rules.push({
      when: 'before',
      level: 0,
      from: nextDate(today),
      to: calendar.addWorkingDays(today, warnDays).date,
    });
  rules.push({ when: 'due', level: 0, from: today, to: today });
  // The first sweep ever starts from the working day before, so installing the system does not flood
  // people with notices for everything that fell overdue before it.
  const previous = lastSweep ?? workingDayBack(calendar, previousDate(today), 1);
  const crossed = (k: number, level: 0 | 1 | 2): Rule => {
    const floor = workingDayBack(calendar, today, k + CATCH_UP_DAYS);
    const since = workingDayBack(calendar, previous, k);
    return {
      when: 'overdue',
      level,
      from: since > floor ? since : floor,
      to: previousDate(workingDayBack(calendar, today, k)),
    };
  };
  rules.push(crossed(1, 0), crossed(1, 1), crossed(LEADER_AFTER_DAYS + 1, 2));
  return rules.filter((r) => r.from <= r.to);
}

/** Periods of each cycle whose due date lies in [from, to]. */
export function periodsDueIn(calendar: WorkingCalendar, from: string, to: string): OwedPeriod[] {
  const out: OwedPeriod[] = [];
  const until = new Date(Date.parse(`${to}T00:00:00Z`) + 31 * 86_400_000).toISOString().slice(0, 10);
  for (const cycle of ['weekly', 'monthly', 'quarterly', 'half_yearly'] as FeedbackCycle[]) {
    for (const p of periodsBetween(cycle, from, until, calendar, null)) {
      if (p.due >= from && p.due <= to)
        out.push({ cycle, key: p.key, start: p.start, due: p.due, ackBefore: `${p.end}T16:00:00.000Z` });
    }
  }
  return out;
}
