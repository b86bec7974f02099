import type { Actor } from '../../platform/context.js';
import { AppError } from '../../platform/http/errors.js';

/** Channels and deliveries are system operation: the system administrator's duty alone (三员分立). */
export function mayManageNotify(actor: Actor | null): Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (!actor.roles.includes('system_admin'))
    throw new AppError('FORBIDDEN', '无权管理通知渠道或发送记录：仅限系统管理员');
  return actor;
}

/** Everyone signed in has their own notifications. */
export function signedIn(actor: Actor | null): Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  return actor;
}
