import type { Actor } from '../../platform/context.js';
import { AppError } from '../../platform/http/errors.js';

/** Background jobs are system operation: the system administrator's duty alone (三员分立). */
export function mayManageJobs(actor: Actor | null): Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (!actor.roles.includes('system_admin'))
    throw new AppError('FORBIDDEN', '无权查看或重试后台任务：仅限系统管理员');
  return actor;
}
