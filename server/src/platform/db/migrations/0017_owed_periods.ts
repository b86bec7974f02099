import { sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not follow the current schema types */
type AnyDb = Kysely<any>;

/**
 * What a light needs, on the assignment itself, so the dashboard counts lights over one partial index
 * instead of joining every open assignment to its item and probing its feedbacks:
 * - `source_type` and `standing`, copied from the item (neither changes once an item is assigned);
 * - `feedback_owed_start` / `feedback_owed_end`: the first feedback period of a signed assignment
 *   (`acknowledged`) without a delivered feedback, null otherwise. The period's end rather than its due
 *   date is kept, so a change to the working calendar cannot make it stale. The service fills them for
 *   existing rows (period arithmetic is not SQL), once, recording `supervision_owed_periods` in settings.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('assignments')
    .addColumn('source_type', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .alterTable('assignments')
    .addColumn('standing', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('assignments').addColumn('feedback_owed_start', 'text').execute();
  await db.schema.alterTable('assignments').addColumn('feedback_owed_end', 'text').execute();
  await sql`update assignments set source_type = i.source_type, standing = i.standing
    from items i where i.id = assignments.item_id`.execute(db);
  // Everything a light count reads, for open work only: the dashboard's counts never touch a table row
  // (closed_at, null throughout, only so that SQLite sees the index covers the open-work condition).
  await db.schema
    .createIndex('assignments_open_lights_idx')
    .on('assignments')
    .columns([
      'source_type',
      'standing',
      'deadline',
      'feedback_owed_end',
      'feedback_owed_start',
      'department_id',
      'status',
      'closed_at',
    ])
    .where(sql<boolean>`closed_at is null and status <> 'suspended'`)
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('assignments_open_lights_idx').execute();
  for (const column of ['feedback_owed_end', 'feedback_owed_start', 'standing', 'source_type'])
    await db.schema.alterTable('assignments').dropColumn(column).execute();
  await sql`delete from settings where key = 'supervision_owed_periods'`.execute(db);
}
