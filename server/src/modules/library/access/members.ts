import { nowIso, type Ctx } from '../../../platform/context.js';
import type { Executor } from '../../../platform/db/schema.js';
import { listUsers } from '../../identity/index.js';
import { memberSpansOf } from './grants-repository.js';
import { mayAdministerAccess } from './policy.js';
import { windowAt } from './window.js';

export interface MemberSearch {
  q?: string | undefined;
  page: number;
  pageSize: number;
}

/**
 * Members by login or name, a page at a time, each with the tier they hold now: the grant
 * administration's member picker searches here instead of loading every member.
 */
export async function searchMembers(db: Executor, ctx: Ctx, search: MemberSearch) {
  mayAdministerAccess(ctx.actor, '查找会员');
  const { total, rows } = await listUsers(db, { ...search, role: 'member' });
  const spans = await memberSpansOf(
    db,
    rows.map((u) => u.id),
  );
  const at = nowIso(ctx);
  const items = rows.map((u) => {
    const window = windowAt(spans.get(u.id) ?? [], at);
    return {
      id: u.id,
      login: u.login,
      name: u.name,
      active: u.status === 'active',
      tier: window.tier,
      runEnd: window.runEnd,
    };
  });
  return { total, items };
}
