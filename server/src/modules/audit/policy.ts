import type { Actor } from '../../platform/context.js';
import { AppError } from '../../platform/http/errors.js';

/**
 * 三员分立: the audit administrator alone reads the audit trail. The system and security
 * administrators are the people it watches, so they may not read (or export) it.
 */
export function mayReadAudit(actor: Actor | null): Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (!actor.roles.includes('audit_admin'))
    throw new AppError('FORBIDDEN', '无权查看审计日志：仅限审计管理员');
  return actor;
}
