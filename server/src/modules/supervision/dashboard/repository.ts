import { sql, type RawBuilder } from 'kysely';
import { dialectOf, timestampParam } from '../../../platform/db/database.js';
import type { Executor } from '../../../platform/db/schema.js';
import type { LightBounds } from '../lights.js';
import { lightSeverity, openAssignment } from '../lights-repository.js';

/** The dashboard's aggregates: every figure is a GROUP BY in the database, never rows loaded into JS. */

const n = (value: unknown) => Number(value ?? 0);

const inDepartments = (departmentIds: readonly number[] | null): RawBuilder<unknown> =>
  departmentIds === null
    ? sql`1 = 1`
    : departmentIds.length === 0
      ? sql`1 = 0`
      : sql`a.department_id in (${sql.join(departmentIds)})`;

export interface LightCount {
  key: string;
  /** 2 red, 1 yellow, 0 green. */
  severity: number;
  n: number;
}

/** Open assignments per light, grouped further by the item's source type or the assignment's status. */
export async function openLightCounts(
  db: Executor,
  bounds: LightBounds,
  departmentIds: readonly number[] | null,
  by: 'source_type' | 'status',
): Promise<LightCount[]> {
  const key = by === 'source_type' ? sql`a.source_type` : sql`a.status`;
  const { rows } = await sql<{ key: string; sev: number; n: number }>`
    select t.key, t.sev, count(*) as n from (
      select ${key} as key, ${lightSeverity(db, bounds)} as sev
      from assignments a
      where ${openAssignment} and ${inDepartments(departmentIds)}
    ) t group by t.key, t.sev`.execute(db);
  return rows.map((r) => ({ key: r.key, severity: n(r.sev), n: n(r.n) }));
}

/**
 * Assignments made and closed per bucket; `bounds` are the n+1 instants that delimit n buckets. Each
 * count reads one range of an indexed timestamp (0006) and buckets it with a CASE both databases share.
 */
export async function trendCounts(
  db: Executor,
  bounds: readonly string[],
  departmentIds: readonly number[] | null,
): Promise<{ assigned: number[]; closed: number[] }> {
  const dialect = dialectOf(db);
  const at = (iso: string) => timestampParam(dialect, iso);
  const first = bounds[0] ?? '';
  const last = bounds[bounds.length - 1] ?? '';
  const bucket = (column: RawBuilder<unknown>) =>
    sql<number>`case ${sql.join(
      bounds.slice(1).map((b, i) => sql`when ${column} < ${at(b)} then ${sql.lit(i)}`),
      sql` `,
    )} end`;
  const count = async (column: 'assigned_at' | 'closed_at', extra: RawBuilder<unknown>) => {
    const ref = sql.ref(`a.${column}`);
    const { rows } = await sql<{ bucket: number; n: number }>`
      select t.bucket, count(*) as n from (
        select ${bucket(ref)} as bucket from assignments a
        where ${ref} >= ${at(first)} and ${ref} < ${at(last)} and ${extra} and ${inDepartments(departmentIds)}
      ) t group by t.bucket`.execute(db);
    const out = new Array<number>(bounds.length - 1).fill(0);
    for (const r of rows) out[n(r.bucket)] = n(r.n);
    return out;
  };
  return {
    assigned: await count('assigned_at', sql`a.status <> 'suspended'`),
    closed: await count('closed_at', sql`1 = 1`),
  };
}

export interface AtRiskItem {
  id: number;
  number: string;
  title: string;
  sourceType: string;
  deadline: string | null;
  severity: number;
  responsible: boolean;
}

/** Items in progress the user is responsible for (分管) or watches (领导关注) that show red or yellow, worst first. */
export async function watchedAtRisk(
  db: Executor,
  bounds: LightBounds,
  userId: number,
  limit: number,
): Promise<AtRiskItem[]> {
  const { rows } = await sql<{
    id: number;
    number: string;
    title: string;
    source_type: string;
    deadline: string | null;
    sev: number;
    responsible: number;
  }>`
    with mine as (
      select id as item_id, 1 as responsible from items
        where responsible_leader_id = ${userId} and status = 'assigned'
      union all
      select item_id, 0 from item_watchers where user_id = ${userId}
    )
    select i.id, i.number, i.title, i.source_type, min(a.deadline) as deadline,
      max(${lightSeverity(db, bounds)}) as sev, max(m.responsible) as responsible
    from mine m
    join items i on i.id = m.item_id
    join assignments a on a.item_id = i.id
    where i.status = 'assigned' and ${openAssignment}
    group by i.id, i.number, i.title, i.source_type
    having max(${lightSeverity(db, bounds)}) > 0
    order by sev desc, deadline, i.id
    limit ${limit}`.execute(db);
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    title: r.title,
    sourceType: r.source_type,
    deadline: r.deadline,
    severity: n(r.sev),
    responsible: n(r.responsible) === 1,
  }));
}
