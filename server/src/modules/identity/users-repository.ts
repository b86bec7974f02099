import type { Insertable, Updateable } from 'kysely';
import type { Role } from '../../../../shared/src/roles.js';
import { containsText, dialectOf } from '../../platform/db/database.js';
import type { Executor, UserTable } from '../../platform/db/schema.js';

export type UserRow = Awaited<ReturnType<typeof findUserById>> & object;

export function findUserById(db: Executor, id: number) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findUserByLogin(db: Executor, login: string) {
  return db.selectFrom('users').selectAll().where('login', '=', login).executeTakeFirst();
}

export async function rolesOf(db: Executor, userId: number): Promise<Role[]> {
  const rows = await db
    .selectFrom('user_roles')
    .select('role')
    .where('user_id', '=', userId)
    .orderBy('role')
    .execute();
  return rows.map((r) => r.role as Role);
}

export async function rolesOfMany(db: Executor, userIds: number[]): Promise<Map<number, Role[]>> {
  const map = new Map<number, Role[]>();
  if (userIds.length === 0) return map;
  const rows = await db
    .selectFrom('user_roles')
    .selectAll()
    .where('user_id', 'in', userIds)
    .orderBy('role')
    .execute();
  for (const row of rows) map.set(row.user_id, [...(map.get(row.user_id) ?? []), row.role as Role]);
  return map;
}

export async function insertUser(db: Executor, row: Insertable<UserTable>): Promise<number> {
  const created = await db.insertInto('users').values(row).returning('id').executeTakeFirstOrThrow();
  return created.id;
}

/** Update at the expected version; false when someone else changed the row first. */
export async function updateUserVersioned(
  db: Executor,
  id: number,
  version: number,
  changes: Updateable<UserTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Security bookkeeping (failed logins, lock) that must not race with an admin's edit of the profile. */
export async function updateUserSecurity(
  db: Executor,
  id: number,
  changes: Updateable<UserTable>,
): Promise<void> {
  await db.updateTable('users').set(changes).where('id', '=', id).execute();
}

export async function replaceRoles(db: Executor, userId: number, roles: readonly Role[]): Promise<void> {
  await db.deleteFrom('user_roles').where('user_id', '=', userId).execute();
  if (roles.length > 0)
    await db
      .insertInto('user_roles')
      .values(roles.map((role) => ({ user_id: userId, role })))
      .execute();
}

export interface UserFilter {
  q?: string | undefined;
  departmentId?: number | undefined;
  role?: string | undefined;
  status?: 'active' | 'disabled' | undefined;
  locked?: { at: string } | undefined;
  page: number;
  pageSize: number;
}

export async function listUsers(db: Executor, filter: UserFilter) {
  let query = db.selectFrom('users');
  if (filter.q) {
    const q = filter.q;
    const dialect = dialectOf(db);
    query = query.where((eb) => eb.or([containsText(dialect, 'login', q), containsText(dialect, 'name', q)]));
  }
  if (filter.departmentId !== undefined) query = query.where('department_id', '=', filter.departmentId);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.locked) query = query.where('locked_until', '>', filter.locked.at);
  if (filter.role) {
    const role = filter.role;
    query = query.where('id', 'in', (eb) =>
      eb.selectFrom('user_roles').select('user_id').where('role', '=', role),
    );
  }
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .selectAll()
    .orderBy('department_id')
    .orderBy('id')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return { total: Number(total.n), rows };
}

export function usersOfDepartment(db: Executor, departmentId: number) {
  return db.selectFrom('users').selectAll().where('department_id', '=', departmentId).orderBy('id').execute();
}

export async function passwordHistory(db: Executor, userId: number, limit: number): Promise<string[]> {
  if (limit <= 0) return [];
  const rows = await db
    .selectFrom('password_history')
    .select('password_hash')
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => r.password_hash);
}

export async function addPasswordHistory(
  db: Executor,
  userId: number,
  hash: string,
  at: string,
): Promise<void> {
  await db
    .insertInto('password_history')
    .values({ user_id: userId, password_hash: hash, created_at: at })
    .execute();
}

export async function countLockedUsers(db: Executor, at: string): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('locked_until', '>', at)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function namesOfUsers(db: Executor, userIds: readonly number[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('id', 'in', [...new Set(userIds)])
    .execute();
}

/** Active people holding `role` in the given departments: whom to remind or chase in a department. */
export function departmentMembersWithRole(db: Executor, departmentIds: readonly number[], role: Role) {
  if (departmentIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select(['users.id', 'users.department_id'])
    .where('user_roles.role', '=', role)
    .where('users.status', '=', 'active')
    .where('users.department_id', 'in', [...new Set(departmentIds)])
    .orderBy('users.id')
    .execute();
}

/** Active people among `userIds` with their department, in chunks below the databases' parameter limits. */
export async function activeUsersByIds(db: Executor, userIds: readonly number[]) {
  const ids = [...new Set(userIds)];
  const out: { id: number; department_id: number | null }[] = [];
  for (let i = 0; i < ids.length; i += 1000) {
    out.push(
      ...(await db
        .selectFrom('users')
        .select(['id', 'department_id'])
        .where('id', 'in', ids.slice(i, i + 1000))
        .where('status', '=', 'active')
        .execute()),
    );
  }
  return out;
}
