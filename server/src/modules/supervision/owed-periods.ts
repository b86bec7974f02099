import type { Db, Executor } from '../../platform/db/schema.js';
import { readSetting, writeSetting } from '../../platform/db/settings-repository.js';
import { beijingDate } from '../calendar/index.js';
import { feedbackPeriodsFrom, feedbackPeriodsOf } from './assignments-repository.js';
import {
  owedInputsForUpdate,
  setOwedPeriod,
  signedAssignmentsAfter,
  type OwedInputs,
  type OwedColumns,
} from './owed-periods-repository.js';
import { firstOwedPeriod, periodKeyOf } from './periods.js';

/**
 * Each signed assignment keeps its first feedback period without a delivered feedback, so a light is a
 * comparison of stored dates with today's bounds (lights.ts, lights-repository.ts) instead of a walk
 * over every period since signing. Kept in the transaction of every change that moves it: a status
 * change, a feedback filed or returned, a new deadline (a one-off feedback is due on it).
 */

const NOTHING_OWED: OwedColumns = { feedback_owed_start: null, feedback_owed_end: null };
/** Present once every row written before 0017 has its owed period (the benchmark's generator writes it too). */
export const OWED_PERIODS_FILLED_KEY = 'supervision_owed_periods';

/** Periods delivered: every feedback except a returned one, which must be filed again. */
export function deliveredPeriods(feedbacks: readonly { period: string; status: string }[]): Set<string> {
  return new Set(feedbacks.filter((f) => f.status !== 'returned').map((f) => f.period));
}

export function owedPeriodOf(
  a: Omit<OwedInputs, 'id' | 'feedback_owed_start' | 'feedback_owed_end'>,
  delivered: ReadonlySet<string>,
  from: string | null = null,
): OwedColumns {
  if (a.status !== 'acknowledged') return NOTHING_OWED;
  const since = from ?? beijingDate(new Date(a.acknowledged_at ?? a.assigned_at));
  const period = firstOwedPeriod(a.feedback_cycle, since, a.deadline, delivered);
  return period === null
    ? NOTHING_OWED
    : { feedback_owed_start: period.start, feedback_owed_end: period.end };
}

/**
 * Recompute one assignment's owed period after a change in this transaction; writes only when it moved.
 * A feedback filed (`filedFor`: the assignment as the filing read it) only moves it forward, so the walk
 * starts at the stored one (every period before it is delivered) instead of at signing, and reads only the
 * feedback from there: a weekly assignment signed two years ago would read and walk a hundred weeks.
 */
export async function refreshOwedPeriod(
  trx: Executor,
  assignmentId: number,
  filedFor?: OwedInputs,
): Promise<void> {
  const afterFiling = filedFor !== undefined;
  const a = await owedInputsForUpdate(trx, assignmentId, filedFor);
  if (!a) return;
  const from = afterFiling ? a.feedback_owed_start : null;
  const fromKey = from === null ? '' : periodKeyOf(a.feedback_cycle, from);
  const delivered =
    a.status === 'acknowledged'
      ? deliveredPeriods(await feedbackPeriodsFrom(trx, a.id, fromKey))
      : new Set<string>();
  const owed = owedPeriodOf(a, delivered, from);
  if (owed.feedback_owed_start !== a.feedback_owed_start || owed.feedback_owed_end !== a.feedback_owed_end)
    await setOwedPeriod(trx, a.id, owed);
}

/** Compute every signed assignment's owed period: for rows written before 0017 (period arithmetic is not SQL). */
export async function fillOwedPeriods(db: Db, batch = 2000): Promise<number> {
  let after = 0;
  let filled = 0;
  for (;;) {
    const rows = await signedAssignmentsAfter(db, after, batch);
    const last = rows[rows.length - 1];
    if (!last) return filled;
    await db.transaction().execute(async (trx) => {
      const feedbacks = await feedbackPeriodsOf(
        trx,
        rows.map((r) => r.id),
      );
      const byAssignment = new Map<number, typeof feedbacks>();
      for (const f of feedbacks) {
        const own = byAssignment.get(f.assignment_id);
        if (own) own.push(f);
        else byAssignment.set(f.assignment_id, [f]);
      }
      for (const a of rows) {
        const owed = owedPeriodOf(a, deliveredPeriods(byAssignment.get(a.id) ?? []));
        if (
          owed.feedback_owed_start !== a.feedback_owed_start ||
          owed.feedback_owed_end !== a.feedback_owed_end
        )
          await setOwedPeriod(trx, a.id, owed);
      }
    });
    filled += rows.length;
    after = last.id;
  }
}

/** At start-up: fill once after 0017 has run (the settings row records it; 0017's down removes it). */
export async function ensureOwedPeriods(db: Db, at: string): Promise<void> {
  if (await readSetting(db, OWED_PERIODS_FILLED_KEY)) return;
  await fillOwedPeriods(db);
  await writeSetting(db, OWED_PERIODS_FILLED_KEY, JSON.stringify({ filledAt: at }), 0, at);
}
