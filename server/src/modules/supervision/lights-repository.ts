import { sql, type RawBuilder } from 'kysely';
import { dialectOf, timestampParam } from '../../platform/db/database.js';
import type { Executor } from '../../platform/db/schema.js';
import type { LightBounds } from './lights.js';
import type { OwedPeriod } from './reminders-repository.js';

/**
 * The rules of lights.ts evaluated in the database, for aggregates that must not load rows: the
 * fragments expect the assignment as `a` and its item as `i`, and apply to open assignments only.
 * Feedback lateness looks at the periods of `LightBounds` (the latest past-due one per cycle and any
 * due soon), not at every older period.
 */

const owes = (db: Executor, p: OwedPeriod): RawBuilder<unknown> =>
  sql`(a.status = 'acknowledged' and a.feedback_cycle = ${p.cycle}
    and a.acknowledged_at < ${timestampParam(dialectOf(db), p.ackBefore)}
    and not exists (select 1 from feedbacks f where f.assignment_id = a.id and f.period = ${p.key} and f.status <> 'returned'))`;

/** 2 red, 1 yellow, 0 green. */
export function lightSeverity(db: Executor, bounds: LightBounds): RawBuilder<number> {
  const feedbackWarn =
    bounds.periods.length === 0
      ? sql`1 = 0`
      : sql.join(
          bounds.periods.map((p) => owes(db, p)),
          sql` or `,
        );
  return sql<number>`case
    when i.standing = 0 and a.deadline < ${bounds.today} then 2
    when (i.standing = 0 and a.deadline <= ${bounds.soon}) or (${feedbackWarn}) then 1
    else 0 end`;
}

/** Due date of the earliest owed feedback period among the bounds' periods, or null. */
export function owedFeedbackDue(db: Executor, bounds: LightBounds): RawBuilder<string | null> {
  const sorted = [...bounds.periods].sort((x, y) => x.due.localeCompare(y.due));
  if (sorted.length === 0) return sql<null>`null`;
  return sql<string | null>`case ${sql.join(
    sorted.map((p) => sql`when ${owes(db, p)} then ${p.due}`),
    sql` `,
  )} else null end`;
}

/** Open work, as the partial indexes of 0006 define it: not closed and not suspended. */
export const openAssignment = sql<boolean>`a.closed_at is null and a.status <> 'suspended'`;
