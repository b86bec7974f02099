import type { WorkingCalendar } from '../calendar/index.js';

import type { Light } from '../../../../shared/src/supervision.js';

export { LIGHT_LABELS, type Light } from '../../../../shared/src/supervision.js';

export interface LightInput {
  status: string;
  deadline: string | null;
  standing: boolean;
  closedOnTime: boolean | null;
  /** Due date of the earliest period without an accepted feedback, if any. */
  nextFeedbackDue: string | null;
}

/**
 * 红黄绿灯, derived on read: red when overdue; yellow when the deadline or the next feedback is within
 * `warnDays` working days, or a feedback is late; green otherwise. Standing items are never overdue.
 */
export function lightOf(
  input: LightInput,
  today: string,
  calendar: WorkingCalendar,
  warnDays: number,
): Light {
  if (input.status === 'suspended') return 'suspended';
  if (input.status === 'closed') return input.closedOnTime === false ? 'closed_late' : 'closed_on_time';
  if (input.status === 'draft' || input.status === 'pending_approval' || input.status === 'approved')
    return 'not_started';
  const feedbackLate = input.nextFeedbackDue !== null && input.nextFeedbackDue < today;
  const soon = (date: string) => date < warningEnd(calendar, today, warnDays);
  const feedbackSoon = input.nextFeedbackDue !== null && soon(input.nextFeedbackDue);
  if (!input.standing && input.deadline !== null) {
    if (today > input.deadline) return 'red';
    if (soon(input.deadline)) return 'yellow';
  }
  return feedbackLate || feedbackSoon ? 'yellow' : 'green';
}

/**
 * At most `warnDays` working days after today ⟺ before the (warnDays + 1)-th working day: one bound per
 * day instead of counting the days to every deadline (a list of 60 assignments counted thousands).
 */
const warningEnds = new WeakMap<WorkingCalendar, Map<string, string>>();
function warningEnd(calendar: WorkingCalendar, today: string, warnDays: number): string {
  let ends = warningEnds.get(calendar);
  if (!ends) warningEnds.set(calendar, (ends = new Map<string, string>()));
  const key = `${today}:${warnDays}`;
  let end = ends.get(key);
  if (end === undefined) ends.set(key, (end = calendar.addWorkingDays(today, warnDays + 1).date));
  return end;
}

/** How bad a light is: an item shows its assignments' worst. Also ranks them in SQL (lights-repository.ts). */
export const SEVERITY: Record<Light, number> = {
  red: 6,
  yellow: 5,
  green: 4,
  not_started: 3,
  closed_late: 2,
  closed_on_time: 1,
  suspended: 0,
};

/** An item shows the worst light of its assignments. */
export function worstLight(lights: readonly Light[]): Light | null {
  return lights.reduce<Light | null>(
    (worst, l) => (worst === null || SEVERITY[l] > SEVERITY[worst] ? l : worst),
    null,
  );
}

/** What the database needs to evaluate lights in SQL (lights-repository.ts): today's bounds, in JS once. */
export interface LightBounds {
  today: string;
  /** A deadline or a feedback due before this date is within the warning window (see lightOf). */
  warnBefore: string;
}

export function lightBounds(calendar: WorkingCalendar, today: string, warnDays: number): LightBounds {
  return { today, warnBefore: warningEnd(calendar, today, warnDays) };
}
