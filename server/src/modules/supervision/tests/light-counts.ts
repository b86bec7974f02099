import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Db } from '../../../platform/db/schema.js';
import '../count-tables.js';

const KEYS = {
  open_light_counts: ['source_type', 'standing', 'deadline'],
  owed_light_counts: ['source_type', 'standing', 'deadline', 'feedback_owed_end', 'feedback_owed_start'],
} as const;

/** Rows of a kept light count table (0020) that are not zero, as [...key, n] in key order. */
export async function lightCountRows(db: Db, table: keyof typeof KEYS): Promise<unknown[][]> {
  const keys = KEYS[table];
  const { rows } = await sql<Record<string, unknown>>`select ${sql.join(keys.map((k) => sql.ref(k)))}, n
    from ${sql.table(table)} where n <> 0 order by ${sql.join(keys.map((k) => sql.ref(k)))}`.execute(db);
  return rows.map((r) => [...keys.map((k) => (k === 'standing' ? Number(r[k]) : r[k])), Number(r.n)]);
}

/** Both kept light count tables equal a recount of the open assignments. */
export async function assertLightCountsKept(db: Db, message: string): Promise<void> {
  for (const [table, keys] of Object.entries(KEYS) as [keyof typeof KEYS, readonly string[]][]) {
    const value = (k: string) => (k === 'standing' ? sql.ref(k) : sql`coalesce(${sql.ref(k)}, '')`);
    const grouped = sql.join(keys.map(value));
    const owing = table === 'owed_light_counts' ? sql`and feedback_owed_start is not null` : sql``;
    const { rows } = await sql<Record<string, unknown>>`select ${sql.join(
      keys.map((k) => sql`${value(k)} as ${sql.ref(k)}`),
    )}, count(*) as n from assignments
      where closed_at is null and status <> 'suspended' ${owing}
      group by ${grouped} order by ${grouped}`.execute(db);
    const recounted = rows.map((r) => [
      ...keys.map((k) => (k === 'standing' ? Number(r[k]) : r[k])),
      Number(r.n),
    ]);
    assert.deepEqual(await lightCountRows(db, table), recounted, `${table}: ${message}`);
  }
}
