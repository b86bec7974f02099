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

export async function deleteDemoRows(
  db: Executor,
  departmentIds: number[],
): Promise<{ users: number; departments: number }> {
  const users = await db.deleteFrom('users').where('is_demo', '=', 1).executeTakeFirst();
  if (departmentIds.length > 0) {
    await db.deleteFrom('branches').where('department_id', 'in', departmentIds).execute();
    // Children first (ids descending), so no row ever points to a deleted parent.
    for (const id of departmentIds) await db.deleteFrom('departments').where('id', '=', id).execute();
  }
  return { users: Number(users.numDeletedRows), departments: departmentIds.length };
}
