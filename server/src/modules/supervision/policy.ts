import type { Actor } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import type { AssignmentRow } from './assignments-repository.js';
import type { ItemRow } from './items-repository.js';

/** Named checks for 督查督办. Outside one's duties is 403; an item one may not see is 404. */

const has = (actor: Actor, role: Actor['roles'][number]) => actor.roles.includes(role);

function signedIn(actor: Actor | null): Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (!actor.roles.some((r) => r !== 'system_admin' && r !== 'security_admin' && r !== 'audit_admin')) {
    throw new AppError('FORBIDDEN', '管理员不参与督查督办业务');
  }
  return actor;
}

/** Leaders and the supervision office (督查室) see every item. */
export function seesAllItems(actor: Actor): boolean {
  return has(actor, 'leader') || has(actor, 'supervisor');
}

export function mayUseSupervision(actor: Actor | null): Actor {
  return signedIn(actor);
}

/** 立项, 交办, 中止, 重新启动, 审核 and 销号 are the supervision office's work. */
export function mayRunSupervision(actor: Actor | null, what: string): Actor {
  const a = signedIn(actor);
  if (!has(a, 'supervisor')) throw new AppError('FORBIDDEN', `无权${what}：仅限督查员`);
  return a;
}

/** 审批 of a new item: a leader, or the head of the supervision office. */
export function mayApproveItem(actor: Actor | null): Actor {
  const a = signedIn(actor);
  if (has(a, 'leader') || (has(a, 'supervisor') && has(a, 'department_head'))) return a;
  throw new AppError('FORBIDDEN', '无权审批：仅限领导或督查室负责人');
}

/** An item is visible to leaders, supervisors, its watchers and the departments it is assigned to. */
export function mayViewItem(
  actor: Actor | null,
  item: ItemRow,
  departments: readonly number[],
  watchers: readonly number[],
): Actor {
  const a = signedIn(actor);
  if (seesAllItems(a) || watchers.includes(a.id) || item.responsible_leader_id === a.id) return a;
  if (a.departmentId !== null && departments.includes(a.departmentId)) return a;
  throw notFound('督办事项');
}

/** Signing, feedback, completion and extension requests: a handler or the head of the assigned department. */
export function mayActForAssignment(actor: Actor, assignment: AssignmentRow, what: string): void {
  const own = actor.departmentId === assignment.department_id;
  if (own && (has(actor, 'handler') || has(actor, 'department_head'))) return;
  throw new AppError(
    'FORBIDDEN',
    own ? `无权${what}：仅限承办人或部门负责人` : `无权${what}：本事项未交办给您的部门`,
  );
}

/** The department head's own step: first review of feedback, transfers of the accountable person. */
export function mayHeadAssignment(actor: Actor, assignment: AssignmentRow, what: string): void {
  if (actor.departmentId === assignment.department_id && has(actor, 'department_head')) return;
  throw new AppError('FORBIDDEN', `无权${what}：仅限承办部门负责人`);
}

/** 报原批办领导阅: the responsible leader reads it, or the office records that the leader has read it. */
export function mayRecordLeaderRead(actor: Actor, item: ItemRow): void {
  if (item.responsible_leader_id === actor.id || has(actor, 'supervisor')) return;
  throw new AppError('FORBIDDEN', '无权操作：仅限批办领导或督查员');
}

/** The supervision settings are read by every business user (forms show the default limits) and by the system administrator. */
export function mayReadSupervisionSettings(actor: Actor | null): Actor {
  if (actor && has(actor, 'system_admin')) return actor;
  return signedIn(actor);
}

/**
 * Numbering, time limits and the warning window are the supervision office's rules, so its head sets them
 * (the same person who may approve items); the system administrator may too, since configuring the system
 * is that role's duty under 三员分立. Other supervisors may not: one of them could shorten everyone's limits.
 */
export function mayEditSupervisionSettings(actor: Actor | null): Actor {
  if (actor && has(actor, 'system_admin')) return actor;
  const a = signedIn(actor);
  if (has(a, 'supervisor') && has(a, 'department_head')) return a;
  throw new AppError('FORBIDDEN', '无权修改督查督办设置：仅限督查室负责人或系统管理员');
}
