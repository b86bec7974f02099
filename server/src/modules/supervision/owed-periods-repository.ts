import { dialectOf } from '../../platform/db/database.js';
import { prepared } from '../../platform/db/prepared.js';
import type { Executor } from '../../platform/db/schema.js';

/** The stored first owed feedback period of assignments (0017): reads and writes of those two columns. */

export interface OwedColumns {
  feedback_owed_start: string | null;
  feedback_owed_end: string | null;
}

const inputs = [
  'id',
  'status',
  'feedback_cycle',
  'acknowledged_at',
  'assigned_at',
  'deadline',
  'feedback_owed_start',
  'feedback_owed_end',
] as const;

const owedInputsRow = prepared((db: Executor, id: number) => {
  const query = db.selectFrom('assignments').select(inputs).where('id', '=', id);
  return dialectOf(db) === 'postgres' ? query.forUpdate() : query;
});
export type OwedInputs = NonNullable<Awaited<ReturnType<typeof owedInputsRow>>[number]>;

/**
 * What the owed period is computed from, with the row locked on PostgreSQL: a feedback filed and
 * another returned at once must not both compute from what they read before the other committed.
 * A SQLite transaction holds the database's write lock from its BEGIN, so the row as this transaction
 * read it already (`readHere`) is current and is not read again.
 */
export async function owedInputsForUpdate(db: Executor, id: number, readHere?: OwedInputs) {
  if (readHere && dialectOf(db) === 'sqlite') return readHere;
  return (await owedInputsRow(db, id))[0];
}

/** Signed assignments after `afterId`, in id order: the repair walks them in batches. */
export function signedAssignmentsAfter(db: Executor, afterId: number, limit: number) {
  return db
    .selectFrom('assignments')
    .select(inputs)
    .where('status', '=', 'acknowledged')
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
}

const owedPeriodUpdate = prepared((db: Executor, id: number, start: string | null, end: string | null) =>
  db
    .updateTable('assignments')
    .set({ feedback_owed_start: start, feedback_owed_end: end })
    .where('id', '=', id),
);

export async function setOwedPeriod(db: Executor, id: number, owed: OwedColumns): Promise<void> {
  await owedPeriodUpdate(db, id, owed.feedback_owed_start, owed.feedback_owed_end);
}
