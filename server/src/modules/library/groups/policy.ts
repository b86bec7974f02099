import type { Actor } from '../../../platform/context.js';
import { AppError } from '../../../platform/http/errors.js';

/** Named checks for member groups. Outside one's duties is 403. */

function signedIn(actor: Actor | null): Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  return actor;
}

/** Every signed-in business user sees the groups of the tiers they hold; the 三员 take no part. */
export function mayJoinGroups(actor: Actor | null): Actor {
  const a = signedIn(actor);
  if (!a.roles.some((r) => r !== 'system_admin' && r !== 'security_admin' && r !== 'audit_admin'))
    throw new AppError('FORBIDDEN', '管理员不参与资料库业务');
  return a;
}

/** The groups' names, links and notes are kept by the system administrator. */
export function mayAdministerGroups(actor: Actor | null, what: string): Actor {
  const a = signedIn(actor);
  if (!a.roles.includes('system_admin')) throw new AppError('FORBIDDEN', `无权${what}：仅限系统管理员`);
  return a;
}
