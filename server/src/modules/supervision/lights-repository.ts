import { sql, type RawBuilder } from 'kysely';
import { SEVERITY, type Light, type LightBounds } from './lights.js';

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

const rank = (light: Light) => sql.lit(SEVERITY[light]);

/** An assignment's light as its SEVERITY rank (lights.ts's lightOf in SQL), the assignment being `a`. */
function lightRank(bounds: LightBounds): RawBuilder<number> {
  return sql<number>`case
    when a.status = 'suspended' then ${rank('suspended')}
    when a.status = 'closed' then case when a.closed_on_time = 0 then ${rank('closed_late')} else ${rank('closed_on_time')} end
    else ${rank('green')} + ${lightSeverity(bounds)} end`;
}

/** Items with an open assignment whose severity (2 red, 1 yellow, 0 green) is `severity`. */
const openItemsWith = (bounds: LightBounds, severity: number) =>
  sql`select a.item_id from assignments a
    where ${openAssignment} and ${lightSeverity(bounds)} = ${sql.lit(severity)}`;

/**
 * Items whose light (their assignments' worst, lights.ts) is `light`, as a condition on `items`. Red,
 * yellow and green read only open assignments (0006's partial indexes; NOT EXISTS, which PostgreSQL
 * plans as an anti-join where NOT IN may probe a list per row); the rest rank every assignment of the
 * item, and an item without any shows 暂停 when suspended and 未开始 otherwise.
 */
export function itemLightIs(light: Light, bounds: LightBounds): RawBuilder<boolean> {
  const severity = { red: 2, yellow: 1, green: 0 }[light as 'red' | 'yellow' | 'green'];
  if (severity === 2) return sql<boolean>`items.id in (${openItemsWith(bounds, 2)})`;
  if (severity !== undefined)
    return sql<boolean>`items.id in (${openItemsWith(bounds, severity)})
      and not exists (select 1 from assignments a where a.item_id = items.id
        and ${openAssignment} and ${lightSeverity(bounds)} > ${sql.lit(severity)})`;
  return sql<boolean>`coalesce(
      (select max(${lightRank(bounds)}) from assignments a where a.item_id = items.id),
      case when items.status = 'suspended' then ${rank('suspended')} else ${rank('not_started')} end
    ) = ${rank(light)}`;
}
