import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import type { Db } from './db/schema.js';
import type { Keys } from './keys.js';

/** What the app is built from; tests build it with a test clock and their own database. */
export interface AppDeps {
  database: Database;
  db: Db;
  config: Config;
  clock: Clock;
  keys: Keys;
}
