import type { Actor } from '../../../platform/context.js';
import { AppError } from '../../../platform/http/errors.js';

/** Named checks for the demand board. Outside one's duties is 403. */

function signedIn(actor: Actor | null): Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  return actor;
}

/** Every signed-in business user reads, posts and votes; the 三员 administrators take no part in it. */
export function mayUseDemandBoard(actor: Actor | null, what: string): Actor {
  const a = signedIn(actor);
  if (!a.roles.some((r) => r !== 'system_admin' && r !== 'security_admin' && r !== 'audit_admin'))
    throw new AppError('FORBIDDEN', `无权${what}：管理员不参与资料库业务`);
  return a;
}

/** Answering with a material and closing a demand are the editors' (资料编辑) work. */
export function mayDecideDemands(actor: Actor | null, what: string): Actor {
  const a = signedIn(actor);
  if (!a.roles.includes('editor')) throw new AppError('FORBIDDEN', `无权${what}：仅限资料编辑`);
  return a;
}
