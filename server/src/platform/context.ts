import type { Role } from '../../../shared/src/roles.js';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Keys } from './keys.js';

/** The signed-in person a service acts for. */
export interface Actor {
  id: number;
  login: string;
  name: string;
  departmentId: number | null;
  roles: readonly Role[];
}

/** What every service call needs besides its executor: who, from where, and "now". */
export interface Ctx {
  actor: Actor | null;
  clientIp: string | null;
  clock: Clock;
  keys: Keys;
  config: Config;
}

export function nowIso(ctx: Pick<Ctx, 'clock'>): string {
  return ctx.clock.now().toISOString();
}
