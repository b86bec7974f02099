import type { Actor } from '../../../platform/context.js';
import { AppError, notFound } from '../../../platform/http/errors.js';

/** Named checks for plans, grants and orders. Outside one's duties is 403; another member's record is 404. */

function signedIn(actor: Actor | null): Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  return actor;
}

/** Plans, code batches, order confirmation and comp grants are the system administrator's work. */
export function mayAdministerAccess(actor: Actor | null, what: string): Actor {
  const a = signedIn(actor);
  if (!a.roles.includes('system_admin')) throw new AppError('FORBIDDEN', `无权${what}：仅限系统管理员`);
  return a;
}

/** Membership (orders, codes, one's own grants) belongs to members. */
export function mayHoldMembership(actor: Actor | null, what: string): Actor {
  const a = signedIn(actor);
  if (!a.roles.includes('member')) throw new AppError('FORBIDDEN', `无权${what}：仅限会员`);
  return a;
}

/** A member sees their own orders only; anyone else's do not exist for them. */
export function mayViewOrder(actor: Actor | null, order: { member_id: number }): Actor {
  const a = signedIn(actor);
  if (a.roles.includes('system_admin')) return a;
  if (a.roles.includes('member') && order.member_id === a.id) return a;
  throw notFound('订单');
}
