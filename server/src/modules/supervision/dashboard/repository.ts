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
  if (by === 'source_type' && departmentIds === null) return keptSourceLightCounts(db, bounds);
  if (by === 'source_type') return sourceLightCounts(db, bounds, departmentIds);
  // Sums per key rather than a group per (key, light): one pass over the department's open work.
  const { rows } = await sql<{ key: string; red: number; yellow: number; n: number }>`
    select t.key, sum(case when t.sev = 2 then 1 else 0 end) as red,
      sum(case when t.sev = 1 then 1 else 0 end) as yellow, count(*) as n
    from (
      select a.status as key, ${lightSeverity(bounds)} as sev
      from assignments a
      where ${openAssignment} and ${inDepartments(departmentIds)}
    ) t group by t.key`.execute(db);
  return rows.flatMap((r) => lightsOf(r.key, n(r.red), n(r.yellow), n(r.n) - n(r.red) - n(r.yellow)));
}

const lightsOf = (key: string, red: number, yellow: number, green: number): LightCount[] =>
  [
    { key, severity: 2, n: red },
    { key, severity: 1, n: yellow },
    { key, severity: 0, n: green },
  ].filter((c) => c.n > 0);

/**
 * The same per source type as counts over ranges of the covering index (0017), which starts with the
 * source type, standing and deadline: overdue and due-soon are counted without evaluating a row, and
 * only the rest (deadline later or none, standing) is checked for an owed feedback. The source types
 * come from the index one seek each; a scan grouping every open assignment took three times as long.
 */
async function sourceLightCounts(
  db: Executor,
  b: LightBounds,
  departmentIds: readonly number[] | null,
): Promise<LightCount[]> {
  const open = sql`${openAssignment} and ${inDepartments(departmentIds)}`;
  const owed = sql`a.feedback_owed_start <= ${b.today} and a.feedback_owed_end < ${b.warnBefore}`;
  const count = (range: RawBuilder<unknown>) =>
    sql<number>`(select count(*) from assignments a where ${open} and a.source_type = s.t and ${range})`;
  // Yellow only when a feedback is owed: counted in total and with an owed feedback.
  const rest = [
    sql`a.standing = 0 and a.deadline >= ${b.warnBefore}`,
    sql`a.standing = 0 and a.deadline is null`,
    sql`a.standing = 1`,
  ];
  const { rows } = await sql<{ key: string; red: number; soon: number; rest: number; owed: number }>`
    with recursive s(t) as (
      select min(a.source_type) from assignments a where ${openAssignment}
      union all
      select (select min(a.source_type) from assignments a where ${openAssignment} and a.source_type > s.t)
      from s where s.t is not null
    )
    select s.t as key,
      ${count(sql`a.standing = 0 and a.deadline < ${b.today}`)} as red,
      ${count(sql`a.standing = 0 and a.deadline >= ${b.today} and a.deadline < ${b.warnBefore}`)} as soon,
      ${sql.join(
        rest.map((range) => count(range)),
        sql` + `,
      )} as rest,
      ${sql.join(
        rest.map((range) => count(sql`${range} and ${owed}`)),
        sql` + `,
      )} as owed
    from s where s.t is not null`.execute(db);
  return rows.flatMap((r) => lightsOf(r.key, n(r.red), n(r.soon) + n(r.owed), n(r.rest) - n(r.owed)));
}

/**
 * The whole organisation's lights per source type from the kept counts (0020): red, due-soon and the
 * total are sums over the per-deadline rows; of the rest (deadline after the warning bound, none, or
 * standing) those owing a feedback due within the window are summed from the per-period rows.
 */
async function keptSourceLightCounts(db: Executor, b: LightBounds): Promise<LightCount[]> {
  const owed = (range: RawBuilder<unknown>) =>
    sql<number>`(select coalesce(sum(o.n), 0) from owed_light_counts o
      where o.source_type = s.source_type and ${range}
        and o.feedback_owed_start <= ${b.today} and o.feedback_owed_end < ${b.warnBefore})`;
  const { rows } = await sql<{ key: string; red: number; soon: number; n: number; owed: number }>`
    with s as (
      select source_type,
        sum(case when standing = 0 and deadline <> '' and deadline < ${b.today} then n else 0 end) as red,
        sum(case when standing = 0 and deadline >= ${b.today} and deadline < ${b.warnBefore} then n else 0 end)
          as soon,
        sum(n) as n
      from open_light_counts group by source_type
    )
    select s.source_type as key, s.red, s.soon, s.n,
      ${owed(sql`o.standing = 0 and o.deadline >= ${b.warnBefore}`)}
        + ${owed(sql`o.standing = 0 and o.deadline = ''`)}
        + ${owed(sql`o.standing = 1`)} as owed
    from s`.execute(db);
  return rows.flatMap((r) => {
    const rest = n(r.n) - n(r.red) - n(r.soon);
    return lightsOf(r.key, n(r.red), n(r.soon) + n(r.owed), rest - n(r.owed));
  });
}

export interface TrendBucket {
  /** First and last Beijing date of the bucket, and the instants that delimit it. */
  start: string;
  end: string;
  startIso: string;
  endIso: string;
}

/**
 * Assignments made and closed per bucket. The whole organisation's are sums of the kept day counts
 * (0019); a department's are counts over one range of an indexed timestamp (0006) per bucket, all in
 * one statement: counting index entries costs less than bucketing each with a CASE.
 */
export async function trendCounts(
  db: Executor,
  buckets: readonly TrendBucket[],
  departmentIds: readonly number[] | null,
): Promise<{ assigned: number[]; closed: number[] }> {
  const assigned = new Array<number>(buckets.length).fill(0);
  const closed = new Array<number>(buckets.length).fill(0);
  if (departmentIds === null) {
    const { rows } = await sql<{ bucket: number; assigned: number | null; closed: number | null }>`${sql.join(
      buckets.map(
        (b, i) => sql`select ${sql.lit(i)} as bucket, sum(assigned) as assigned, sum(closed) as closed
          from assignment_day_counts where day >= ${b.start} and day <= ${b.end}`,
      ),
      sql` union all `,
    )}`.execute(db);
    for (const r of rows) {
      assigned[n(r.bucket)] = n(r.assigned);
      closed[n(r.bucket)] = n(r.closed);
    }
    return { assigned, closed };
  }
  const dialect = dialectOf(db);
  const at = (iso: string) => timestampParam(dialect, iso);
  const count = async (out: number[], column: 'assigned_at' | 'closed_at', extra: RawBuilder<unknown>) => {
    const ref = sql.ref(`a.${column}`);
    const { rows } = await sql<{ bucket: number; n: number }>`${sql.join(
      buckets.map(
        (b, i) => sql`select ${sql.lit(i)} as bucket, count(*) as n from assignments a
          where ${ref} >= ${at(b.startIso)} and ${ref} < ${at(b.endIso)} and ${extra}
            and ${inDepartments(departmentIds)}`,
      ),
      sql` union all `,
    )}`.execute(db);
    for (const r of rows) out[n(r.bucket)] = n(r.n);
  };
  await count(assigned, 'assigned_at', sql`a.status <> 'suspended'`);
  await count(closed, 'closed_at', sql`1 = 1`);
  return { assigned, closed };
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
      select w.item_id, 0 from item_watchers w join items wi on wi.id = w.item_id
        where w.user_id = ${userId} and wi.status = 'assigned'
    ), at_risk as (
      select a.item_id, min(a.deadline) as deadline, max(${lightSeverity(bounds)}) as sev,
        max(m.responsible) as responsible
      from mine m join assignments a on a.item_id = m.item_id
      where ${openAssignment}
      group by a.item_id
      having max(${lightSeverity(bounds)}) > 0
      order by sev desc, deadline, a.item_id
      limit ${limit}
    )
    -- Titles only for the page: a leader may follow thousands of items.
    select i.id, i.number, i.title, i.source_type, r.deadline, r.sev, r.responsible
    from at_risk r join items i on i.id = r.item_id
    order by r.sev desc, r.deadline, i.id`.execute(db);
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
