import type { Db } from '../../platform/db/schema.js';
import type { Ctx } from '../../platform/context.js';
import { DAY } from '../../platform/clock.js';
import type { Todo } from '../home/index.js';
import { hasRole } from './policy.js';
import { getSecurityPolicy } from './security-policy.js';
import { signedInUser } from './sessions.js';
import { countLockedUsers, findUserById } from './users-repository.js';

/** Password about to expire; for the security administrator, accounts waiting to be unlocked. */
export async function identityTodos(db: Db, ctx: Ctx): Promise<Todo[]> {
  const actor = ctx.actor;
  if (!actor) return [];
  const todos: Todo[] = [];
  const policy = await getSecurityPolicy(db);
  const user = signedInUser(ctx) ?? (await findUserById(db, actor.id));
  const now = ctx.clock.now();
  if (user && policy.maxAgeDays > 0) {
    const expires = new Date(new Date(user.password_changed_at).getTime() + policy.maxAgeDays * DAY);
    const daysLeft = Math.ceil((expires.getTime() - now.getTime()) / DAY);
    if (daysLeft <= 14) {
      todos.push({
        id: 'password-expiry',
        kind: 'account',
        title: '密码即将到期',
        detail: `您的密码将在 ${daysLeft} 天后到期，请及时修改。`,
        link: '/account',
        dueAt: expires.toISOString(),
        severity: daysLeft <= 3 ? 'danger' : 'warning',
      });
    }
  }
  if (user && user.totp_enabled === 0 && actor.roles.some((r) => policy.totpRequiredRoles.includes(r))) {
    todos.push({
      id: 'totp-enrol',
      kind: 'account',
      title: '请绑定动态验证码',
      detail: '您的角色要求登录时使用动态验证码。',
      link: '/account',
      dueAt: null,
      severity: 'warning',
    });
  }
  if (hasRole(actor, 'security_admin')) {
    const locked = await countLockedUsers(db, now.toISOString());
    if (locked > 0) {
      todos.push({
        id: 'locked-accounts',
        kind: 'security',
        title: `${locked} 个账号处于锁定状态`,
        detail: '连续登录失败被锁定的账号，核实后可解锁。',
        link: '/users?locked=1',
        dueAt: null,
        severity: 'info',
      });
    }
  }
  return todos;
}
