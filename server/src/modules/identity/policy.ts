import type { Role } from '../../../../shared/src/roles.js';
import type { Actor } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/http/errors.js';

/** Named authorisation checks. Each either returns or throws FORBIDDEN (outside duties) / NOT_FOUND (outside scope). */

export function hasRole(actor: Actor | null, ...roles: Role[]): boolean {
  return !!actor && roles.some((r) => actor.roles.includes(r));
}

function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  return actor;
}

function requireDuty(actor: Actor | null, role: Role, what: string): Actor {
  const a = requireActor(actor);
  if (!a.roles.includes(role)) throw new AppError('FORBIDDEN', `无权${what}：仅限${roleName(role)}`);
  return a;
}

const roleName = (role: Role) =>
  ({ system_admin: '系统管理员', security_admin: '安全管理员', audit_admin: '审计管理员' })[role as string] ??
  role;

/** 系统管理员: accounts and the department tree. */
export const mayManageAccounts = (actor: Actor | null) => requireDuty(actor, 'system_admin', '管理用户账号');
export const mayManageDepartments = (actor: Actor | null) => requireDuty(actor, 'system_admin', '管理部门');
/** 安全管理员: roles, unlocking and the security policy. */
export const mayAssignRoles = (actor: Actor | null) => requireDuty(actor, 'security_admin', '分配角色');
export const mayUnlockAccounts = (actor: Actor | null) => requireDuty(actor, 'security_admin', '解锁账号');
export const mayEditSecurityPolicy = (actor: Actor | null) =>
  requireDuty(actor, 'security_admin', '修改安全策略');

/** Listing all users serves the system and security administrators' duties only. */
export function mayListUsers(actor: Actor | null): Actor {
  const a = requireActor(actor);
  if (!hasRole(a, 'system_admin', 'security_admin')) throw new AppError('FORBIDDEN', '无权查看用户列表');
  return a;
}

/** Leaders and the supervision office work across departments; everyone else sees their own department. */
function seesAllDepartments(actor: Actor): boolean {
  return hasRole(actor, 'leader', 'supervisor', 'system_admin', 'security_admin');
}

/** A department's member list and its export. Outside the actor's scope it does not exist (404). */
export function mayViewDepartmentMembers(actor: Actor | null, departmentId: number): Actor {
  const a = requireActor(actor);
  if (seesAllDepartments(a)) return a;
  if (hasRole(a, 'audit_admin')) throw new AppError('FORBIDDEN', '审计管理员仅可查看审计日志');
  if (a.departmentId === departmentId && hasRole(a, 'department_head', 'handler', 'branch_secretary'))
    return a;
  throw notFound('部门');
}

/** One user's profile: oneself, the account administrators, cross-department roles, or the same department. */
export function mayViewUser(actor: Actor | null, user: { id: number; department_id: number | null }): Actor {
  const a = requireActor(actor);
  if (a.id === user.id || seesAllDepartments(a)) return a;
  if (user.department_id !== null && a.departmentId === user.department_id && !hasRole(a, 'audit_admin'))
    return a;
  throw notFound('用户');
}

/** The department tree is the skeleton every page shows; the audit administrator does not need it. */
export function mayViewDepartmentTree(actor: Actor | null): Actor {
  const a = requireActor(actor);
  if (hasRole(a, 'audit_admin') && a.roles.length === 1)
    throw new AppError('FORBIDDEN', '审计管理员仅可查看审计日志');
  return a;
}
