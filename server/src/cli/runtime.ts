import { systemClock } from '../platform/clock.js';
import { loadConfig, type Config } from '../platform/config.js';
import { openDatabase } from '../platform/db/database.js';
import type { AppDeps } from '../platform/deps.js';
import { loadOrCreateKeys } from '../platform/keys.js';
import type { Ctx } from '../platform/context.js';

/** Open what a command needs: configuration, keys and the database (not yet migrated). */
export function openRuntime(config: Config = loadConfig()): AppDeps {
  const keys = loadOrCreateKeys(config.keyFile);
  const database = openDatabase(config.databaseUrl);
  return { database, db: database.db, config, clock: systemClock, keys };
}

/** Work done from the server's command line is audited as the operating-system user. */
export function cliCtx(deps: AppDeps): Ctx {
  return {
    actor: null,
    clientIp: `cli:${process.env.USER ?? 'unknown'}`,
    clock: deps.clock,
    keys: deps.keys,
    config: deps.config,
  };
}

export class UsageError extends Error {}
