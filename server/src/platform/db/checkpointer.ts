/**
 * SQLite checkpoints on a worker thread. A checkpoint copies the WAL back into the database file and
 * syncs it: on the request thread it stalled one write in ~500 for ~50 ms (a sixth of a feedback
 * submission's average cost, and all of its p99). The request thread keeps a far higher threshold, so
 * the WAL stays bounded should the worker die; then it takes checkpoints back at the usual threshold.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type BetterSqlite3 from 'better-sqlite3';
import { WAL_AUTOCHECKPOINT } from './database.js';

/** The request thread checkpoints only past this many pages (≈ 400 MB) while the worker runs. */
const BACKSTOP_PAGES = 100_000;

/**
 * The thread's code: its own connection, a PASSIVE checkpoint (never waits for the request thread)
 * every `everyMs`, each result posted back. Inline CommonJS, so it runs alike compiled and under tsx
 * (Node 20 workers do not take tsx's loader).
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const handle = new Database(workerData.file);
handle.pragma('busy_timeout = 1000');
const checkpoint = () => parentPort.postMessage(handle.pragma('wal_checkpoint(PASSIVE)')[0]);
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.on('message', () => {
  clearInterval(timer);
  checkpoint();
  handle.close();
  parentPort.close();
});
`;

export interface CheckpointResult {
  /** Frames in the WAL and how many of them are now in the database file. */
  log: number;
  checkpointed: number;
  at: Date;
}

export interface Checkpointer {
  /** The latest checkpoint's result, null before the first. */
  last(): CheckpointResult | null;
  /** One last checkpoint, then the thread ends and the request thread checkpoints again. */
  stop(): Promise<void>;
}

export function startCheckpointer(
  handle: BetterSqlite3.Database,
  options: { everyMs?: number; onError?: (error: Error) => void } = {},
): Checkpointer {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      driver: createRequire(import.meta.url).resolve('better-sqlite3'),
      file: handle.name,
      everyMs: options.everyMs ?? 250,
    },
  });
  handle.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
  let last: CheckpointResult | null = null;
  worker.on('message', (message: { log: number; checkpointed: number }) => {
    last = { log: message.log, checkpointed: message.checkpointed, at: new Date() };
  });
  worker.on('error', (error) => options.onError?.(error));
  const exited = new Promise<void>((resolve) =>
    worker.once('exit', () => {
      if (handle.open) handle.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT}`);
      resolve();
    }),
  );
  // A checkpointer alone must not keep the process alive.
  worker.unref();
  return {
    last: () => last,
    stop: async () => {
      worker.ref();
      worker.postMessage('stop');
      await exited;
    },
  };
}
