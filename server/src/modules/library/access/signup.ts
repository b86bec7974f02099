import type { Ctx } from '../../../platform/context.js';
import type { Tx } from '../../../platform/db/schema.js';
import { issueGrant } from './grants.js';
import { hasGrantFrom } from './grants-repository.js';
import { signupPlan } from './plans-repository.js';

/**
 * 注册赠送: a new member (an account created with the member role, or the role given later) gets the
 * free plan's open-ended grant in the same transaction, once; without an active free plan there is
 * nothing to give.
 */
export async function giveSignupGrant(trx: Tx, ctx: Ctx, memberId: number): Promise<number | null> {
  const plan = await signupPlan(trx);
  if (!plan || (await hasGrantFrom(trx, memberId, 'signup'))) return null;
  return issueGrant(trx, ctx, memberId, { plan }, { source: 'signup' });
}
