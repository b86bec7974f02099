import type { Actor } from '../../../platform/context.js';
import { AppError, notFound } from '../../../platform/http/errors.js';
import { mayUseSupervision, seesAllItems } from '../policy.js';

/**
 * 领导驾驶舱 and 部门视图: leaders and supervisors see the whole organisation or any department; a
 * department head sees only their own department (another one does not exist for them: 404); other
 * roles have no such duty (403).
 */

const heads = (a: Actor) => a.roles.includes('department_head') && a.departmentId !== null;

/** The departments a dashboard covers: null for the whole organisation. `wanted` null asks for everything allowed. */
export function mayViewDashboard(actor: Actor | null, wanted: number | null): number[] | null {
  const a = mayUseSupervision(actor);
  if (seesAllItems(a)) return wanted === null ? null : [wanted];
  if (!heads(a)) throw new AppError('FORBIDDEN', '无权查看领导驾驶舱：仅限领导、督查员和部门负责人');
  if (wanted !== null && wanted !== a.departmentId) throw notFound('部门');
  return [a.departmentId ?? -1];
}

export function mayViewDepartment(actor: Actor | null, departmentId: number): Actor {
  const a = mayUseSupervision(actor);
  if (seesAllItems(a)) return a;
  if (!heads(a)) throw new AppError('FORBIDDEN', '无权查看部门视图：仅限领导、督查员和部门负责人');
  if (a.departmentId !== departmentId) throw notFound('部门');
  return a;
}
