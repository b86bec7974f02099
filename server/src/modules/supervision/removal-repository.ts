import type { Executor } from '../../platform/db/schema.js';

/**
 * Delete the items created by the given people with everything that hangs off them, children before
 * parents, so no foreign key is left dangling. Used by `demo remove`; audit rows stay (append-only).
 */
export async function deleteItemsCreatedBy(db: Executor, userIds: readonly number[]): Promise<number> {
  if (userIds.length === 0) return 0;
  const items = await wholeTreesCreatedBy(db, [...userIds]);
  if (items.length === 0) return 0;
  const assignments = (
    await db.selectFrom('assignments').select('id').where('item_id', 'in', items).execute()
  ).map((r) => r.id);
  const chases = (await db.selectFrom('chases').select('id').where('item_id', 'in', items).execute()).map(
    (r) => r.id,
  );
  if (chases.length > 0) await db.deleteFrom('chase_recipients').where('chase_id', 'in', chases).execute();
  await db.deleteFrom('attachments').where('item_id', 'in', items).execute();
  await db.deleteFrom('accountability_records').where('item_id', 'in', items).execute();
  await db.deleteFrom('chases').where('item_id', 'in', items).execute();
  if (assignments.length > 0) {
    await db.deleteFrom('reminders').where('assignment_id', 'in', assignments).execute();
    await db.deleteFrom('extensions').where('assignment_id', 'in', assignments).execute();
    await db.deleteFrom('feedbacks').where('assignment_id', 'in', assignments).execute();
  }
  await db.deleteFrom('item_events').where('item_id', 'in', items).execute();
  await db.deleteFrom('item_watchers').where('item_id', 'in', items).execute();
  await db.deleteFrom('assignments').where('item_id', 'in', items).execute();
  // Sub-items (任务分解) have higher ids than their parents: descending ids delete children first.
  for (const id of items) await db.deleteFrom('items').where('id', '=', id).execute();
  return items.length;
}

/**
 * The items these people created, less any in a tree (item with its 任务分解) someone else also created
 * in: such a tree is real work and stays whole. Descending ids.
 */
async function wholeTreesCreatedBy(db: Executor, userIds: number[]): Promise<number[]> {
  const mine = await db.selectFrom('items').select('id').where('created_by', 'in', userIds).execute();
  const ids = new Set(mine.map((r) => r.id));
  for (;;) {
    if (ids.size === 0) return [];
    const list = [...ids];
    const underOthers = await db
      .selectFrom('items')
      .select('id')
      .where('id', 'in', list)
      .where('parent_id', 'is not', null)
      .where('parent_id', 'not in', list)
      .execute();
    const overOthers = await db
      .selectFrom('items')
      .select('parent_id as id')
      .where('parent_id', 'in', list)
      .where('id', 'not in', list)
      .execute();
    const mixed = [...underOthers, ...overOthers];
    if (mixed.length === 0) return list.sort((a, b) => b - a);
    for (const { id } of mixed) if (id !== null) ids.delete(id);
  }
}

type IdQuery = { execute(): Promise<{ id: number | null }[]> };

async function idsFound(queries: IdQuery[]): Promise<number[]> {
  const found = new Set<number>();
  for (const query of queries) for (const { id } of await query.execute()) if (id !== null) found.add(id);
  return [...found].sort((a, b) => a - b);
}

/**
 * Which of these people the remaining supervision rows still name (items, assignments, feedback, 催办,
 * 通报, 责任追究, attachments, timelines): run after `deleteItemsCreatedBy`, these are the people the
 * real work needs to keep.
 */
export async function usersNamedInSupervision(db: Executor, userIds: readonly number[]): Promise<number[]> {
  if (userIds.length === 0) return [];
  const ids = [...userIds];
  return idsFound([
    db.selectFrom('items').select('created_by as id').where('created_by', 'in', ids),
    db.selectFrom('items').select('responsible_leader_id as id').where('responsible_leader_id', 'in', ids),
    db.selectFrom('item_watchers').select('user_id as id').where('user_id', 'in', ids),
    db.selectFrom('item_events').select('actor_id as id').where('actor_id', 'in', ids),
    db.selectFrom('assignments').select('accountable_user_id as id').where('accountable_user_id', 'in', ids),
    db.selectFrom('feedbacks').select('submitted_by as id').where('submitted_by', 'in', ids),
    db.selectFrom('feedbacks').select('head_reviewed_by as id').where('head_reviewed_by', 'in', ids),
    db.selectFrom('feedbacks').select('office_reviewed_by as id').where('office_reviewed_by', 'in', ids),
    db.selectFrom('extensions').select('requested_by as id').where('requested_by', 'in', ids),
    db.selectFrom('extensions').select('decided_by as id').where('decided_by', 'in', ids),
    db.selectFrom('chases').select('chaser_id as id').where('chaser_id', 'in', ids),
    db.selectFrom('chases').select('replied_by as id').where('replied_by', 'in', ids),
    db.selectFrom('chase_recipients').select('user_id as id').where('user_id', 'in', ids),
    db.selectFrom('circulars').select('created_by as id').where('created_by', 'in', ids),
    db.selectFrom('circulars').select('published_by as id').where('published_by', 'in', ids),
    db
      .selectFrom('accountability_records')
      .select('responsible_user_id as id')
      .where('responsible_user_id', 'in', ids),
    db.selectFrom('accountability_records').select('decided_by as id').where('decided_by', 'in', ids),
    db.selectFrom('accountability_records').select('closed_by as id').where('closed_by', 'in', ids),
    db.selectFrom('accountability_records').select('created_by as id').where('created_by', 'in', ids),
    db.selectFrom('attachments').select('uploaded_by as id').where('uploaded_by', 'in', ids),
    db.selectFrom('attachments').select('deleted_by as id').where('deleted_by', 'in', ids),
  ]);
}

/** Which of these departments the remaining supervision rows (assignments, 通报, 责任追究) still name. */
export async function departmentsNamedInSupervision(
  db: Executor,
  departmentIds: readonly number[],
): Promise<number[]> {
  if (departmentIds.length === 0) return [];
  const ids = [...departmentIds];
  return idsFound([
    db.selectFrom('assignments').select('department_id as id').where('department_id', 'in', ids),
    db.selectFrom('circular_departments').select('department_id as id').where('department_id', 'in', ids),
    db.selectFrom('accountability_records').select('department_id as id').where('department_id', 'in', ids),
  ]);
}
