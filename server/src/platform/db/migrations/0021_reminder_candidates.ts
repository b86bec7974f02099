import { sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not follow the current schema types */
type AnyDb = Kysely<any>;

/**
 * The daily sweep's feedback reminders read signed assignments by cycle whose first owed period (0017)
 * starts on or before the period reminded of: one owing the period has it there, one that delivered
 * it and everything before does not. Replaces 0005's (cycle, signed at) index, which only the sweep
 * read: the monthly "before" window probed ~64,000 candidates a day of which ~35,000 had reported.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex('assignments_owed_cycle_idx')
    .on('assignments')
    .columns(['feedback_cycle', 'feedback_owed_start', 'acknowledged_at'])
    .where(sql.ref('status'), '=', sql.lit('acknowledged'))
    .execute();
  await db.schema.dropIndex('assignments_acknowledged_cycle_idx').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex('assignments_acknowledged_cycle_idx')
    .on('assignments')
    .columns(['feedback_cycle', 'acknowledged_at'])
    .where(sql.ref('status'), '=', sql.lit('acknowledged'))
    .execute();
  await db.schema.dropIndex('assignments_owed_cycle_idx').execute();
}
