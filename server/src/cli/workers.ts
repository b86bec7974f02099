import type { AppDeps } from '../platform/deps.js';

/** Background work of a worker process; returns a function that stops it. */
export function startWorkers(_deps: AppDeps): () => Promise<void> {
  return () => Promise.resolve();
}
