import type { Actor } from '../../../platform/context.js';
import { AppError } from '../../../platform/http/errors.js';

/** Every signed-in business user searches the library; the 三员 administrators take no part in it. */
export function maySearchLibrary(actor: Actor | null): Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (!actor.roles.some((r) => r !== 'system_admin' && r !== 'security_admin' && r !== 'audit_admin'))
    throw new AppError('FORBIDDEN', '管理员不参与资料库业务');
  return actor;
}
