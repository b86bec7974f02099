/**
 * SQLite's one connection, with group commit: the transactions that run in one turn of the event loop
 * share a single BEGIN IMMEDIATE … COMMIT, each inside its own savepoint. A commit writes every page it
 * changed to the WAL; transactions that append to the same tables (feedback, its step, its audit row)
 * change the same pages, so a shared commit writes them once instead of once per transaction.
 *
 * Nothing is acknowledged early: a transaction's `execute()` resolves only after the shared COMMIT, and
 * rejects if that COMMIT fails. One transaction's failure rolls back to its savepoint and leaves the others.
 */
import type BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type QueryCompiler,
  type SqliteDialectConfig,
} from 'kysely';

const exec = (connection: DatabaseConnection, text: string) =>
  connection.executeQuery(CompiledQuery.raw(text));

/** The transactions sharing one COMMIT, and whether it has happened. */
class Batch {
  readonly durable: Promise<void>;
  settle!: (error?: Error) => void;
  constructor() {
    this.durable = new Promise<void>((resolve, reject) => {
      this.settle = (error?: Error) => (error === undefined ? resolve() : reject(error));
    });
    // Waited on by whoever ran in the batch; with no one waiting, a failure must not end the process.
    this.durable.catch(() => undefined);
  }
}

/** Kysely's SqliteDriver (its connection and mutex) with transactions joined into batches. */
export class GroupCommitSqliteDriver implements Driver {
  readonly #inner: SqliteDriver;
  readonly #handle: BetterSqlite3.Database;
  #batch: Batch | null = null;

  constructor(config: SqliteDialectConfig, handle: BetterSqlite3.Database) {
    this.#inner = new SqliteDriver(config);
    this.#handle = handle;
  }

  init(): Promise<void> {
    return this.#inner.init();
  }

  acquireConnection(): Promise<DatabaseConnection> {
    return this.#inner.acquireConnection();
  }

  /** BEGIN IMMEDIATE (so two processes never deadlock upgrading a read lock) opens a batch. */
  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    if (!this.#batch) {
      await exec(connection, 'begin immediate');
      const batch = new Batch();
      this.#batch = batch;
      setImmediate(() => void this.#commit(batch));
    }
    await exec(connection, 'savepoint luoshi_transaction');
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await exec(connection, 'release luoshi_transaction');
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (!this.#handle.inTransaction) {
      // SQLite rolled the whole batch back itself (an I/O error, a full disk): the others are lost too.
      this.#end(new Error('SQLite 回滚了整批事务（磁盘或读写错误），本批写入均未保存'));
      return;
    }
    await exec(connection, 'rollback to luoshi_transaction');
    await exec(connection, 'release luoshi_transaction');
  }

  savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    return this.#inner.savepoint(connection, name, compile);
  }

  rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    return this.#inner.rollbackToSavepoint(connection, name, compile);
  }

  releaseSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    return this.#inner.releaseSavepoint(connection, name, compile);
  }

  /** The connection goes to the next caller at once; this caller waits until its writes are committed. */
  async releaseConnection(): Promise<void> {
    const batch = this.#batch;
    await this.#inner.releaseConnection();
    if (batch) await batch.durable;
  }

  async destroy(): Promise<void> {
    if (this.#batch) await this.#commit(this.#batch);
    await this.#inner.destroy();
  }

  /** After the turn that opened it: wait for the transaction in progress, if any, then COMMIT. */
  async #commit(batch: Batch): Promise<void> {
    const connection = await this.#inner.acquireConnection();
    try {
      if (this.#batch !== batch) return;
      try {
        await exec(connection, 'commit');
        this.#end();
      } catch (error) {
        if (this.#handle.inTransaction) await exec(connection, 'rollback');
        this.#end(error instanceof Error ? error : new Error(String(error)));
      }
    } finally {
      await this.#inner.releaseConnection();
    }
  }

  #end(error?: Error): void {
    const batch = this.#batch;
    this.#batch = null;
    batch?.settle(error);
  }
}
