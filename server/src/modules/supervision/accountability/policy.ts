import type { Actor } from '../../../platform/context.js';
import { AppError, notFound } from '../../../platform/http/errors.js';
import { mayUseSupervision, seesAllItems } from '../policy.js';

/** Named checks for 责任追究. Outside one's duties is 403; another department's record is 404. */

/** Starting accountability and closing it are for leaders and the supervision office. */
export function mayDecideAccountability(actor: Actor | null, what: string): Actor {
  const a = mayUseSupervision(actor);
  if (!seesAllItems(a)) throw new AppError('FORBIDDEN', `无权${what}：仅限领导或督查员`);
  return a;
}

/** Leaders and supervisors read every record; a department reads the records concerning it. */
export function mayViewAccountability(actor: Actor | null, record: { department_id: number }): Actor {
  const a = mayUseSupervision(actor);
  if (seesAllItems(a) || a.departmentId === record.department_id) return a;
  throw notFound('责任追究记录');
}

/** The department concerned reports its rectification (its head or a handler); the office may record it. */
export function mayReportRectification(actor: Actor, record: { department_id: number }): void {
  if (actor.roles.includes('supervisor')) return;
  const own = actor.departmentId === record.department_id;
  if (own && (actor.roles.includes('department_head') || actor.roles.includes('handler'))) return;
  throw new AppError('FORBIDDEN', '无权报送整改情况：仅限被追责部门负责人、承办人或督查员');
}
