import type { Executor } from '../../platform/db/schema.js';

export async function insertChase(
  db: Executor,
  row: { assignment_id: number; item_id: number; chaser_id: number; message: string; created_at: string },
  recipients: readonly number[],
): Promise<number> {
  const { id } = await db.insertInto('chases').values(row).returning('id').executeTakeFirstOrThrow();
  await db
    .insertInto('chase_recipients')
    .values([...new Set(recipients)].map((user_id) => ({ chase_id: id, user_id })))
    .execute();
  return id;
}

export function findChase(db: Executor, id: number) {
  return db.selectFrom('chases').selectAll().where('id', '=', id).executeTakeFirst();
}
export type ChaseRow = NonNullable<Awaited<ReturnType<typeof findChase>>>;

export function chasesOfAssignment(db: Executor, assignmentId: number) {
  return db
    .selectFrom('chases')
    .selectAll()
    .where('assignment_id', '=', assignmentId)
    .orderBy('id', 'desc')
    .execute();
}

export function recipientsOfChases(db: Executor, chaseIds: readonly number[]) {
  if (chaseIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('chase_recipients')
    .selectAll()
    .where('chase_id', 'in', chaseIds)
    .orderBy('chase_id')
    .orderBy('user_id')
    .execute();
}

/** Note the first reading by a recipient; false when they are no recipient or had read it already. */
export async function markChaseRead(
  db: Executor,
  chaseId: number,
  userId: number,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('chase_recipients')
    .set({ read_at: at })
    .where('chase_id', '=', chaseId)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Store the one reply; false when someone replied first. */
export async function saveChaseReply(
  db: Executor,
  chaseId: number,
  reply: { reply: string; replied_by: number; replied_at: string },
): Promise<boolean> {
  const result = await db
    .updateTable('chases')
    .set(reply)
    .where('id', '=', chaseId)
    .where('replied_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Chases waiting for this person's reply, on work still open. */
export function unansweredChasesFor(db: Executor, userId: number) {
  return db
    .selectFrom('chase_recipients as cr')
    .innerJoin('chases as c', 'c.id', 'cr.chase_id')
    .innerJoin('assignments as a', 'a.id', 'c.assignment_id')
    .innerJoin('items as i', 'i.id', 'c.item_id')
    .select(['c.id', 'c.item_id', 'c.message', 'c.created_at', 'i.number'])
    .where('cr.user_id', '=', userId)
    .where('c.replied_at', 'is', null)
    .where('a.status', 'in', ['assigned', 'acknowledged'])
    .orderBy('c.id')
    .limit(200)
    .execute();
}
