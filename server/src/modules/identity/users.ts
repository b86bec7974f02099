import { isAdminRole, type Role } from '../../../../shared/src/roles.js';
import type { Executor, Tx } from '../../platform/db/schema.js';
import { nowIso, type Ctx } from '../../platform/context.js';
import { AppError, notFound, stale } from '../../platform/http/errors.js';
import { diff, recordAudit } from '../audit/index.js';
import { findDepartment } from './departments-repository.js';
import { generatePassword, hashPassword, passwordProblems } from './passwords.js';
import { roleGranted } from './role-listeners.js';
import { getSecurityPolicy } from './security-policy.js';
import { revokeUserSessions } from './sessions-repository.js';
import {
  findUserById,
  findUserByLogin,
  insertUser,
  replaceRoles,
  rolesOf,
  updateUserSecurity,
  updateUserVersioned,
} from './users-repository.js';

export interface NewUser {
  login: string;
  name: string;
  departmentId: number | null;
  roles?: readonly Role[];
  /** Given: the person chose it (CLI, demo). Absent: a one-time password is issued and must be changed. */
  password?: string;
  isDemo?: boolean;
}

/** 三员分立: at most one admin role per person, and admin roles never mix with business roles. */
export function checkRoleSeparation(roles: readonly Role[]): void {
  const admin = roles.filter(isAdminRole);
  if (admin.length > 1 || (admin.length === 1 && roles.length > 1)) {
    throw new AppError(
      'ADMIN_ROLES_SEPARATED',
      '角色：三员分立，系统管理员、安全管理员、审计管理员只能由不同的人担任，且不兼任业务角色',
    );
  }
}

async function requireDepartment(db: Executor, id: number | null): Promise<void> {
  if (id !== null && !(await findDepartment(db, id)))
    throw new AppError('VALIDATION_FAILED', '所属部门：不存在', { field: 'departmentId' });
}

export async function createUser(
  trx: Tx,
  ctx: Ctx,
  input: NewUser,
): Promise<{ id: number; issuedPassword: string | null }> {
  const roles = input.roles ?? [];
  checkRoleSeparation(roles);
  if (await findUserByLogin(trx, input.login)) {
    throw new AppError('CONFLICT_DUPLICATE', `登录名：「${input.login}」已被使用`, { field: 'login' });
  }
  await requireDepartment(trx, input.departmentId);
  const issued = input.password === undefined;
  const password = input.password ?? generatePassword();
  if (!issued) {
    const problems = passwordProblems(password, input.login, await getSecurityPolicy(trx));
    if (problems.length > 0)
      throw new AppError('PASSWORD_POLICY', `密码：${problems.join('；')}`, { field: 'password', problems });
  }
  const at = nowIso(ctx);
  const id = await insertUser(trx, {
    login: input.login,
    name: input.name,
    department_id: input.departmentId,
    status: 'active',
    password_hash: await hashPassword(password, ctx.config.gmProfile),
    password_changed_at: at,
    must_change_password: issued ? 1 : 0,
    failed_logins: 0,
    locked_until: null,
    totp_secret: null,
    totp_enabled: 0,
    is_demo: input.isDemo ? 1 : 0,
    created_at: at,
    updated_at: at,
  });
  await replaceRoles(trx, id, roles);
  await recordAudit(trx, ctx, {
    action: 'user.create',
    objectType: 'user',
    objectId: id,
    changes: { login: input.login, name: input.name, departmentId: input.departmentId, roles },
  });
  await roleGranted(trx, ctx, id, [], roles);
  return { id, issuedPassword: issued ? password : null };
}

export interface UserEdit {
  name?: string | undefined;
  departmentId?: number | null | undefined;
  status?: 'active' | 'disabled' | undefined;
  version: number;
}

export async function editUser(trx: Executor, ctx: Ctx, id: number, edit: UserEdit): Promise<void> {
  const user = await findUserById(trx, id);
  if (!user) throw notFound('用户');
  if (edit.departmentId !== undefined) await requireDepartment(trx, edit.departmentId);
  if (ctx.actor?.id === id && edit.status === 'disabled')
    throw new AppError('INVALID_STATE', '不能停用自己的账号');
  const changes = {
    ...(edit.name !== undefined ? { name: edit.name } : {}),
    ...(edit.departmentId !== undefined ? { department_id: edit.departmentId } : {}),
    ...(edit.status !== undefined ? { status: edit.status } : {}),
  };
  const at = nowIso(ctx);
  if (!(await updateUserVersioned(trx, id, edit.version, { ...changes, updated_at: at }))) throw stale();
  // A department move changes what the person may see; a disabled account must not keep a session.
  if (changes.department_id !== undefined || changes.status === 'disabled')
    await revokeUserSessions(trx, id, at);
  await recordAudit(trx, ctx, {
    action: 'user.update',
    objectType: 'user',
    objectId: id,
    changes: diff(user, changes),
  });
}

export async function resetPassword(trx: Executor, ctx: Ctx, id: number, version: number): Promise<string> {
  const user = await findUserById(trx, id);
  if (!user) throw notFound('用户');
  const password = generatePassword();
  const at = nowIso(ctx);
  const ok = await updateUserVersioned(trx, id, version, {
    password_hash: await hashPassword(password, ctx.config.gmProfile),
    password_changed_at: at,
    must_change_password: 1,
    updated_at: at,
  });
  if (!ok) throw stale();
  await revokeUserSessions(trx, id, at);
  await recordAudit(trx, ctx, {
    action: 'user.reset_password',
    objectType: 'user',
    objectId: id,
    changes: { mustChangePassword: true },
  });
  return password;
}

export async function unlockUser(trx: Executor, ctx: Ctx, id: number): Promise<void> {
  const user = await findUserById(trx, id);
  if (!user) throw notFound('用户');
  await updateUserSecurity(trx, id, { locked_until: null, failed_logins: 0, updated_at: nowIso(ctx) });
  await recordAudit(trx, ctx, {
    action: 'user.unlock',
    objectType: 'user',
    objectId: id,
    changes: { lockedUntil: { before: user.locked_until, after: null } },
  });
}

/**
 * Set a person's roles. Through the API only business roles are assigned; admin roles are given on
 * the server's command line, so no administrator can make themselves or another a second admin.
 */
export async function setRoles(
  trx: Tx,
  ctx: Ctx,
  id: number,
  roles: readonly Role[],
  version: number,
  allowAdmin = false,
): Promise<void> {
  const user = await findUserById(trx, id);
  if (!user) throw notFound('用户');
  const before = await rolesOf(trx, id);
  if (!allowAdmin && (roles.some(isAdminRole) || before.some(isAdminRole))) {
    throw new AppError('FORBIDDEN', '管理员角色只能在服务器上用命令行分配');
  }
  checkRoleSeparation(roles);
  const unique = [...new Set(roles)].sort();
  if (!(await updateUserVersioned(trx, id, version, { updated_at: nowIso(ctx) }))) throw stale();
  await replaceRoles(trx, id, unique);
  // Privilege change: existing sessions carry the old roles' trust, so they end.
  await revokeUserSessions(trx, id, nowIso(ctx));
  await recordAudit(trx, ctx, {
    action: 'user.roles',
    objectType: 'user',
    objectId: id,
    changes: { roles: { before, after: unique } },
  });
  await roleGranted(trx, ctx, id, before, unique);
}
