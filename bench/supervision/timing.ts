/** Timing helpers: the SQL time inside a service call, and percentiles. */
import type { LogEvent } from 'kysely';

/**
 * Kysely tells the database's logger (openDatabase's `log`) of every statement with its duration: the
 * bare SQL, driver included, so a service's overhead is its total minus this. A logger, not a plugin:
 * prepared queries (platform/db/prepared.ts) pass a plugin's transformQuery only once, when compiled.
 */
export class SqlTimer {
  total = 0;
  queries = 0;

  readonly log = (event: LogEvent): void => {
    this.total += event.queryDurationMillis;
    this.queries++;
  };

  reset(): void {
    this.total = 0;
    this.queries = 0;
  }
}

export interface Runs {
  median: number;
  p95: number;
  sqlMedian: number;
  queries: number;
}

/** Run `work` `times` times after one warm-up; median and p95 of the whole, median of its SQL. */
export async function timeRuns(timer: SqlTimer, times: number, work: () => Promise<unknown>): Promise<Runs> {
  await work();
  const totals: number[] = [];
  const sqls: number[] = [];
  for (let i = 0; i < times; i++) {
    timer.reset();
    const start = performance.now();
    await work();
    totals.push(performance.now() - start);
    sqls.push(timer.total);
  }
  return {
    median: percentile(totals, 50),
    p95: percentile(totals, 95),
    sqlMedian: percentile(sqls, 50),
    queries: timer.queries,
  };
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export const ms = (value: number) => `${value.toFixed(1)} ms`;
