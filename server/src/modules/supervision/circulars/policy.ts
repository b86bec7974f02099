import type { Actor } from '../../../platform/context.js';
import { AppError, notFound } from '../../../platform/http/errors.js';
import { mayUseSupervision, seesAllItems } from '../policy.js';
import type { CircularRow } from './repository.js';

/** Generating, editing, publishing and archiving circulars is the supervision office's work. */
export function mayManageCirculars(actor: Actor | null, what: string): Actor {
  const a = mayUseSupervision(actor);
  if (!a.roles.includes('supervisor')) throw new AppError('FORBIDDEN', `无权${what}：仅限督查员`);
  return a;
}

/**
 * Leaders and supervisors read every circular, drafts included. Others read a published or archived
 * circular addressed to their department; anything else does not exist for them (404).
 */
export function mayViewCircular(actor: Actor | null, circular: CircularRow, scope: readonly number[]): Actor {
  const a = mayUseSupervision(actor);
  if (seesAllItems(a)) return a;
  const issued = circular.status === 'published' || circular.status === 'archived';
  const addressed = circular.scope_all === 1 || (a.departmentId !== null && scope.includes(a.departmentId));
  if (issued && addressed) return a;
  throw notFound('通报');
}
