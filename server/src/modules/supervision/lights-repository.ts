import { sql, type RawBuilder } from 'kysely';
import type { LightBounds } from './lights.js';

/**
 * The rules of lights.ts evaluated in the database, for aggregates that must not load rows: the
 * fragments expect the assignment as `a` and apply to open assignments only. They read only the
 * assignment's own columns (0017): the item's standing flag copied at 交办 and the stored first owed
 * feedback period, whose due date is before `warnBefore` exactly when its end is (the due date is the
 * last working day up to the end, and `warnBefore` is a working day).
 */

/** The owed feedback period makes the light yellow: it has begun and falls due within the window. */
const feedbackWarn = (b: LightBounds) =>
  sql`(a.feedback_owed_start <= ${b.today} and a.feedback_owed_end < ${b.warnBefore})`;

/** 2 red, 1 yellow, 0 green. */
export function lightSeverity(bounds: LightBounds): RawBuilder<number> {
  return sql<number>`case
    when a.standing = 0 and a.deadline < ${bounds.today} then 2
    when (a.standing = 0 and a.deadline < ${bounds.warnBefore}) or ${feedbackWarn(bounds)} then 1
    else 0 end`;
}

/** End of the owed feedback period when it has begun, or null; its due date follows from the calendar. */
export function owedFeedbackEnd(bounds: LightBounds): RawBuilder<string | null> {
  return sql<string | null>`case when a.feedback_owed_start <= ${bounds.today} then a.feedback_owed_end end`;
}

/** Open work, as the partial indexes of 0006 define it: not closed and not suspended. */
export const openAssignment = sql<boolean>`a.closed_at is null and a.status <> 'suspended'`;
