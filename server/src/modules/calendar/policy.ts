import type { Actor } from '../../platform/context.js';
import { AppError } from '../../platform/http/errors.js';

/** Holidays and 调休 days are system configuration: the system administrator enters them. */
export function mayEditCalendar(actor: Actor | null): Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (!actor.roles.includes('system_admin'))
    throw new AppError('FORBIDDEN', '无权修改工作日历：仅限系统管理员');
  return actor;
}

export function mayReadCalendar(actor: Actor | null): Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (actor.roles.length === 1 && actor.roles[0] === 'audit_admin')
    throw new AppError('FORBIDDEN', '审计管理员仅可查看审计日志');
  return actor;
}
