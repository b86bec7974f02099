import type { FastifyInstance } from 'fastify';
import { randomBytes } from 'node:crypto';
import { buildApp } from '../app.js';
import { TestClock } from '../platform/clock.js';
import { loadConfig, type Config } from '../platform/config.js';
import type { AppDeps } from '../platform/deps.js';
import { deriveKeys } from '../platform/keys.js';
import type { Ctx } from '../platform/context.js';
import { openTestDatabase, type DbKind, TEST_DB, type TestDatabase } from './database.js';
import { TestClient } from './client.js';

export interface TestApp {
  app: FastifyInstance;
  deps: AppDeps;
  clock: TestClock;
  database: TestDatabase;
  /** A service context acting as nobody (system work) or as the given actor. */
  ctx(actor?: Ctx['actor']): Ctx;
  client(): TestClient;
  close(): Promise<void>;
}

export async function startTestApp(
  options: { kind?: DbKind; config?: Partial<Config> } = {},
): Promise<TestApp> {
  const database = await openTestDatabase(options.kind ?? TEST_DB);
  const clock = new TestClock();
  const config: Config = {
    ...loadConfig({}),
    loginRateLimitPerMinute: 1000,
    ...options.config,
    databaseUrl: database.url,
  };
  const keys = deriveKeys(randomBytes(32));
  const deps: AppDeps = { database, db: database.db, config, clock, keys };
  const app = await buildApp(deps, { serveWeb: false });
  await app.ready();
  return {
    app,
    deps,
    clock,
    database,
    ctx: (actor = null) => ({ actor, clientIp: '127.0.0.1', clock, keys, config }),
    client: () => new TestClient(app),
    close: async () => {
      await app.close();
      await database.dispose();
    },
  };
}
