/**
 * Every difference between SQLite and PostgreSQL lives in this file: connection setup, column types,
 * transaction start (SQLite's group commit: sqlite-driver.ts), row locking and serialisation locks.
 * Repositories ask `dialectOf(executor)`.
 */
import BetterSqlite3 from 'better-sqlite3';
import {
  Kysely,
  PostgresAdapter,
  PostgresDialect,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  sql,
  type ColumnDataType,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Logger,
  type QueryCompiler,
  type RawBuilder,
  type SelectQueryBuilder,
  type SqliteDatabase,
  type SqliteDialectConfig,
  type SqlBool,
} from 'kysely';
import pg from 'pg';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { DB } from './schema.js';
import { GroupCommitSqliteDriver } from './sqlite-driver.js';

export type DialectName = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  dialect: DialectName;
  url: string;
  /** The SQLite file (absolute), when the dialect is SQLite. */
  sqliteFile: string | null;
  sqliteHandle: BetterSqlite3.Database | null;
  close(): Promise<void>;
}

/** Kysely's SQLite dialect with transactions in group commit (sqlite-driver.ts). */
class GroupCommitSqliteDialect implements Dialect {
  constructor(
    private readonly config: SqliteDialectConfig,
    private readonly handle: BetterSqlite3.Database,
  ) {}
  createDriver(): Driver {
    return new GroupCommitSqliteDriver(this.config, this.handle);
  }
  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler();
  }
  createAdapter(): DialectAdapter {
    return new SqliteAdapter();
  }
  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new SqliteIntrospector(db);
  }
}

/**
 * Kysely prepares every query anew; preparing is a fifth of a simple request's cost on SQLite. Reuse
 * prepared statements by SQL text (the set of distinct queries is small), unless one is mid-iteration.
 */
function withStatementCache(handle: BetterSqlite3.Database, limit = 500): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => handle.close(),
    prepare(text: string) {
      const cached = cache.get(text);
      if (cached && !cached.busy) return cached;
      const statement = handle.prepare(text);
      if (cache.size >= limit) cache.delete(cache.keys().next().value as string);
      cache.set(text, statement);
      return statement;
    },
  };
}

export function sqliteFileFromUrl(url: string): string {
  return resolve(url.replace(/^sqlite:(\/\/)?/, ''));
}

export const WAL_AUTOCHECKPOINT = 10_000;

export function openSqlite(file: string): BetterSqlite3.Database {
  mkdirSync(dirname(file), { recursive: true });
  const handle = new BetterSqlite3(file);
  handle.pragma('journal_mode = WAL');
  handle.pragma('foreign_keys = ON');
  handle.pragma('busy_timeout = 5000');
  handle.pragma('synchronous = NORMAL');
  // A checkpoint syncs the file: every 1,000 pages (the default) is several a second under a stream of
  // small writes (feedback at hundreds a second); 10,000 pages (≈40 MB of WAL) is one in ten. A server
  // moves them off the request thread (checkpointer.ts).
  handle.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT}`);
  // The default 2 MB page cache re-reads the counters' and open-work indexes from the OS on every
  // aggregate (the reminder sweep's notice grouping: ~130 → ~80 ms with 64 MB); a ceiling, not an allocation.
  handle.pragma('cache_size = -65536');
  // Reads take the pages the OS caches in place, not by one read() each: at province scale the daily
  // sweep 522 → 351–361 ms, the red items 134 → 71 ms, the monthly circular 229 → 147 ms; the item list
  // ~5 % slower, feedback unchanged (interleaved runs). Writes still go through the WAL. SQLite's ceiling.
  handle.pragma('mmap_size = 2147418112');
  return handle;
}

export interface OpenOptions {
  /** PostgreSQL schema to use (tests give each database its own schema). */
  pgSchema?: string;
  poolSize?: number;
  /** Told of every statement with its duration (benchmarks time the bare SQL with it). */
  log?: Logger;
}

const log = (options: OpenOptions) => (options.log ? { log: options.log } : {});

export function openDatabase(url: string, options: OpenOptions = {}): Database {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    const pool = new pg.Pool({
      connectionString: url,
      max: options.poolSize ?? 10,
      ...(options.pgSchema ? { options: `-c search_path=${options.pgSchema}` } : {}),
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
          // timestamptz → ISO string, int8 (counts) → number: the same shapes SQLite returns.
          if (oid === 1184) return (value: string) => new Date(value).toISOString();
          if (oid === 20) return (value: string) => Number(value);
          return pg.types.getTypeParser(oid, format) as (value: string) => unknown;
        }) as typeof pg.types.getTypeParser,
      },
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), ...log(options) });
    return {
      db,
      dialect: 'postgres',
      url,
      sqliteFile: null,
      sqliteHandle: null,
      close: () => db.destroy(),
    };
  }
  const file = sqliteFileFromUrl(url);
  const handle = openSqlite(file);
  const db = new Kysely<DB>({
    dialect: new GroupCommitSqliteDialect({ database: withStatementCache(handle) }, handle),
    ...log(options),
  });
  return { db, dialect: 'sqlite', url, sqliteFile: file, sqliteHandle: handle, close: () => db.destroy() };
}

/** Which dialect a Kysely instance or transaction talks to. */
export function dialectOf(executor: { getExecutor(): { adapter: unknown } }): DialectName {
  return executor.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** Column types for migrations. */
export function columnTypes(dialect: DialectName): { timestamp: ColumnDataType; flag: ColumnDataType } {
  return dialect === 'postgres'
    ? { timestamp: 'timestamptz', flag: 'smallint' }
    : { timestamp: 'text', flag: 'integer' };
}

/** A timestamp parameter compared in SQL: PostgreSQL needs an explicit cast from the ISO string. */
export function timestampParam(dialect: DialectName, iso: string): RawBuilder<string> {
  return dialect === 'postgres' ? sql<string>`${iso}::timestamptz` : sql<string>`${iso}`;
}

/**
 * A list of integers as a table of one column `value`, bound as a single JSON parameter: thousands of
 * ids cost one parameter instead of IN lists chunked under the bound-parameter limits.
 */
export function integerRows(dialect: DialectName, values: readonly number[]): RawBuilder<{ value: number }> {
  const json = JSON.stringify(values);
  return dialect === 'postgres'
    ? sql`(select cast(value as integer) as value from jsonb_array_elements_text(cast(${json} as jsonb)))`
    : sql`(select value from json_each(${json}))`;
}

/**
 * `column` is one of `values`, bound as one parameter. PostgreSQL: `= any` of an integer array, checked
 * by hash or index whatever the statistics say; `in` integerRows was planned, on a table just written and
 * not yet analysed, as a scan of the whole list for each row (3 s for 10,000 ids).
 */
export function isOneOf(
  dialect: DialectName,
  column: RawBuilder<unknown>,
  values: readonly number[],
): RawBuilder<SqlBool> {
  return dialect === 'postgres'
    ? sql<SqlBool>`${column} = any(cast(${values} as integer[]))`
    : sql<SqlBool>`${column} in ${integerRows(dialect, values)}`;
}

/**
 * `column` contains `text`, ignoring ASCII case: its % and _ match only themselves. The escape character is named,
 * since SQLite's LIKE has none by default (PostgreSQL's is the backslash).
 */
export function containsText(dialect: DialectName, column: string, text: string): RawBuilder<SqlBool> {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  // SQLite's LIKE ignores ASCII case; PostgreSQL's does not, so it uses ILIKE and both find "Wang" by "wang".
  const like = dialect === 'postgres' ? sql`ilike` : sql`like`;
  return sql<SqlBool>`${sql.ref(column)} ${like} ${pattern} escape '\\'`;
}

/**
 * integerRows the other way: the values of `column` in an aggregate query (only the rows `where` holds,
 * if given; in the order of `orderBy`, if given) as one JSON array in one text value: thousands of ids
 * cost one value to read, not a row each.
 */
export function jsonArray(
  dialect: DialectName,
  column: RawBuilder<unknown>,
  where?: RawBuilder<unknown>,
  orderBy?: RawBuilder<unknown>,
): RawBuilder<string> {
  const only = where ? sql` filter (where ${where})` : sql``;
  const order = orderBy ? sql` order by ${orderBy}` : sql``;
  return dialect === 'postgres'
    ? sql<string>`cast(coalesce(json_agg(${column}${order})${only}, '[]') as text)`
    : sql<string>`json_group_array(${column}${order})${only}`;
}

/** Values as one JSON array (a row as a tuple): with jsonArray, many rows come back as one value. */
export function jsonTuple(dialect: DialectName, values: readonly RawBuilder<unknown>[]): RawBuilder<unknown> {
  const list = sql.join(values);
  return dialect === 'postgres' ? sql`json_build_array(${list})` : sql`json_array(${list})`;
}

/**
 * Name the index SQLite must use for a table reference (`from t as x ${indexedBy(…)}`): where two indexes
 * share a prefix, its STAT4 estimates can pick the one that is not covering for some values. PostgreSQL
 * plans on its own statistics and has no such clause.
 */
export function indexedBy(dialect: DialectName, index: string): RawBuilder<unknown> {
  return dialect === 'sqlite' ? sql`indexed by ${sql.id(index)}` : sql``;
}

/** Row locking that lets several workers claim different rows (PostgreSQL); SQLite serialises writers. */
export function skipLocked<DB1, TB extends keyof DB1, O>(
  dialect: DialectName,
  query: SelectQueryBuilder<DB1, TB, O>,
): SelectQueryBuilder<DB1, TB, O> {
  return dialect === 'postgres' ? query.forUpdate().skipLocked() : query;
}

/**
 * Serialise transactions that must not interleave (the audit hash chain): a transaction-scoped
 * advisory lock on PostgreSQL; on SQLite BEGIN IMMEDIATE already gives one writer at a time.
 */
export async function serialLock(executor: Kysely<DB>, key: number): Promise<void> {
  if (dialectOf(executor) === 'postgres') await sql`select pg_advisory_xact_lock(${key})`.execute(executor);
}
