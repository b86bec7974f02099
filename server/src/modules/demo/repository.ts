import type { Executor } from '../../platform/db/schema.js';

export async function anyUsers(db: Executor): Promise<boolean> {
  return (await db.selectFrom('users').select('id').limit(1).executeTakeFirst()) !== undefined;
}

export async function demoUserIds(db: Executor): Promise<number[]> {
  return (await db.selectFrom('users').select('id').where('is_demo', '=', 1).execute()).map((r) => r.id);
}

export async function demoDepartmentIds(db: Executor): Promise<number[]> {
  const rows = await db
    .selectFrom('departments')
    .select('id')
    .where('code', 'like', 'demo-%')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Delete the demo users except `kept`, who are disabled instead: no roles, no sessions, so they can
 * never sign in, while `is_demo` stays so a later removal finds them again. Returns how many went.
 */
export async function retireDemoUsers(db: Executor, kept: readonly number[], at: string): Promise<number> {
  let doomed = db.deleteFrom('users').where('is_demo', '=', 1);
  if (kept.length > 0) doomed = doomed.where('id', 'not in', [...kept]);
  const deleted = await doomed.executeTakeFirst();
  if (kept.length > 0) {
    const ids = [...kept];
    await db
      .updateTable('users')
      .set((eb) => ({ status: 'disabled', version: eb('version', '+', 1), updated_at: at }))
      .where('id', 'in', ids)
      .where('status', '<>', 'disabled')
      .execute();
    await db.deleteFrom('user_roles').where('user_id', 'in', ids).execute();
    await db.deleteFrom('sessions').where('user_id', 'in', ids).execute();
  }
  return Number(deleted.numDeletedRows);
}

/**
 * Of the demo departments, those that must stay: the ones named elsewhere (`named`), the departments of
 * the users who remain, the parents of departments that remain, and so on up to the demo root.
 */
export async function demoDepartmentsToKeep(
  db: Executor,
  demo: readonly number[],
  named: readonly number[],
): Promise<number[]> {
  if (demo.length === 0) return [];
  const ids = [...demo];
  const rows = await db
    .selectFrom('departments')
    .select(['id', 'parent_id'])
    .where('id', 'in', ids)
    .execute();
  const parentOf = new Map(rows.map((r) => [r.id, r.parent_id]));
  const members = await db
    .selectFrom('users')
    .select('department_id as id')
    .where('department_id', 'in', ids)
    .execute();
  const children = await db
    .selectFrom('departments')
    .select('parent_id as id')
    .where('parent_id', 'in', ids)
    .where('id', 'not in', ids)
    .execute();
  const kept = new Set<number>();
  for (const start of [...named, ...members.map((r) => r.id), ...children.map((r) => r.id)]) {
    for (let id = start; id !== null && parentOf.has(id) && !kept.has(id); id = parentOf.get(id) ?? null)
      kept.add(id);
  }
  return [...kept].sort((a, b) => a - b);
}

/** Kept demo departments get the demo label in their name, so no one takes them for a real one. */
export async function labelDemoDepartments(db: Executor, ids: readonly number[], at: string): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('departments')
    .set((eb) => ({
      name: eb('name', '||', '（演示数据）'),
      version: eb('version', '+', 1),
      updated_at: at,
    }))
    .where('id', 'in', [...ids])
    .where('name', 'not like', '%演示数据%')
    .execute();
}

/** Delete these departments (ids descending, children first, as `demoDepartmentIds` gives them) and their branches. */
export async function deleteDepartments(db: Executor, departmentIds: readonly number[]): Promise<number> {
  if (departmentIds.length === 0) return 0;
  await db
    .deleteFrom('branches')
    .where('department_id', 'in', [...departmentIds])
    .execute();
  // Children first (ids descending), so no row ever points to a deleted parent.
  for (const id of departmentIds) await db.deleteFrom('departments').where('id', '=', id).execute();
  return departmentIds.length;
}
