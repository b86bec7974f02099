import type { Actor } from '../../../platform/context.js';
import { AppError } from '../../../platform/http/errors.js';

/** Named checks for materials. Outside one's duties is 403; a material one may not read is 404. */

function signedIn(actor: Actor | null): Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  return actor;
}

/** Every signed-in business user reads the library; the 三员 administrators do not take part in it. */
export function mayReadLibrary(actor: Actor | null): Actor {
  const a = signedIn(actor);
  if (!a.roles.some((r) => r !== 'system_admin' && r !== 'security_admin' && r !== 'audit_admin'))
    throw new AppError('FORBIDDEN', '管理员不参与资料库业务');
  return a;
}

/** Drafting, versions, scheduling, publishing and withdrawing are the editors' (资料编辑) work. */
export function mayEditMaterials(actor: Actor | null, what: string): Actor {
  const a = signedIn(actor);
  if (!a.roles.includes('editor')) throw new AppError('FORBIDDEN', `无权${what}：仅限资料编辑`);
  return a;
}
