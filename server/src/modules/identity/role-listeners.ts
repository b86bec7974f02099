import type { Role } from '../../../../shared/src/roles.js';
import type { Ctx } from '../../platform/context.js';
import type { Tx } from '../../platform/db/schema.js';

/** Runs inside the transaction that gave a person the role, so its own writes commit or roll back with it. */
export type RoleListener = (trx: Tx, ctx: Ctx, userId: number) => Promise<void>;

const listeners = new Map<Role, Set<RoleListener>>();

/**
 * Another module reacts when someone gains a role (a new account or a role change): identity cannot
 * import the modules that build on it, so they register here.
 */
export function onRoleGranted(role: Role, listener: RoleListener): void {
  const set = listeners.get(role) ?? new Set<RoleListener>();
  set.add(listener);
  listeners.set(role, set);
}

export async function roleGranted(
  trx: Tx,
  ctx: Ctx,
  userId: number,
  before: readonly Role[],
  after: readonly Role[],
): Promise<void> {
  for (const role of after) {
    if (before.includes(role)) continue;
    for (const listener of listeners.get(role) ?? []) await listener(trx, ctx, userId);
  }
}
