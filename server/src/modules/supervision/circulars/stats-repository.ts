import { sql, type SelectQueryBuilder } from 'kysely';
import { dialectOf, indexedBy } from '../../../platform/db/database.js';
import type { DB, Executor } from '../../../platform/db/schema.js';
import type { PeriodWindow } from './period.js';
import '../count-tables.js';

/**
 * The SQL behind circulars and assessments: per-department aggregates over one period, each restricted
 * by a range on an indexed column (migration 0006). `departmentCounts` is the seam where a counter or
 * snapshot table kept in the transactions of 交办/销号/中止/重新启动/延期 can take over.
 */

export interface StatsScope {
  /** null: the whole organisation. */
  departmentIds: readonly number[] | null;
  sourceType: string | null;
}

export interface DepartmentCounts {
  assigned: number;
  closedOnTime: number;
  closedLate: number;
  overdue: number;
  inProgress: number;
}

export const emptyCounts = (): DepartmentCounts => ({
  assigned: 0,
  closedOnTime: 0,
  closedLate: 0,
  overdue: 0,
  inProgress: 0,
});

type AssignmentQuery = SelectQueryBuilder<DB, 'assignments', object>;

function scoped(db: Executor, scope: StatsScope): AssignmentQuery {
  let query: AssignmentQuery = db.selectFrom('assignments');
  if (scope.departmentIds) query = query.where('assignments.department_id', 'in', [...scope.departmentIds]);
  if (scope.sourceType !== null) {
    const sourceType = scope.sourceType;
    // The unary plus keeps SQLite from driving the query by the item list (every item of the type,
    // then its assignments): the date range stays the driver and the list is only probed.
    query = query.where(sql<number>`+${sql.ref('assignments.item_id')}`, 'in', (eb) =>
      eb.selectFrom('items').select('items.id').where('items.source_type', '=', sourceType),
    );
  }
  return query;
}

const n = (value: unknown) => Number(value ?? 0);

/**
 * Grouping key for the date-range aggregates. The unary plus keeps SQLite from grouping by walking the
 * whole (department_id, status) index with a row lookup per entry — it did, taking seconds on 1.5 M
 * rows — so it reads the range of the covering index and groups in a temporary b-tree. PostgreSQL
 * computes the same value.
 */
export const departmentKey = sql<number>`+${sql.ref('assignments.department_id')}`;
/** The open-assignment index starts with the department, so its scan is already grouped. */
const plainDepartmentKey = sql<number>`${sql.ref('assignments.department_id')}`;

/** One period's counts per department, keyed by department id. */
export type CountsByDepartment = Map<number, DepartmentCounts>;

/**
 * Per period: assigned and closed (on time / late) within its window; overdue and in progress as they
 * stood at its cutoff — not yet closed then (open now, or closed after the cutoff), deadline before the
 * cutoff day or not. Suspended assignments (中止) are left out of every figure. The open set is read
 * once for all periods: it is the largest read, and the same rows serve every cutoff.
 */
export async function departmentCounts(
  db: Executor,
  scope: StatsScope,
  windows: readonly [PeriodWindow, ...PeriodWindow[]],
): Promise<CountsByDepartment[]> {
  const periods = windows.map((w) => ({ w, counts: new Map() as CountsByDepartment }));
  const of = (counts: CountsByDepartment, id: number) => {
    let c = counts.get(id);
    if (!c) counts.set(id, (c = emptyCounts()));
    return c;
  };
  const overdueAt = (w: PeriodWindow) =>
    sql<number>`case when ${sql.ref('assignments.deadline')} < ${w.cutoffDate} then 1 else 0 end`;

  for (const { w, counts: period } of periods) {
    const assigned = await scoped(db, scope)
      .select((eb) => [departmentKey.as('department_id'), eb.fn.countAll().as('n')])
      .where('assignments.assigned_at', '>=', w.startIso)
      .where('assignments.assigned_at', '<', w.endIso)
      .where('assignments.status', '<>', 'suspended')
      .groupBy(departmentKey)
      .execute();
    for (const r of assigned) of(period, r.department_id).assigned = n(r.n);

    const closed = await scoped(db, scope)
      .select((eb) => [
        departmentKey.as('department_id'),
        eb.fn.sum(eb.case().when('assignments.closed_on_time', '=', 1).then(1).else(0).end()).as('on_time'),
        eb.fn.countAll().as('n'),
      ])
      .where('assignments.closed_at', '>=', w.startIso)
      .where('assignments.closed_at', '<', w.endIso)
      .groupBy(departmentKey)
      .execute();
    for (const r of closed) {
      const counts = of(period, r.department_id);
      counts.closedOnTime = n(r.on_time);
      counts.closedLate = n(r.n) - n(r.on_time);
    }

    const closedAfterCutoff = await scoped(db, scope)
      .select((eb) => [
        departmentKey.as('department_id'),
        eb.fn.sum(overdueAt(w)).as('overdue'),
        eb.fn.countAll().as('n'),
      ])
      .where('assignments.closed_at', '>=', w.cutoffIso)
      .where('assignments.assigned_at', '<', w.cutoffIso)
      .groupBy(departmentKey)
      .execute();
    for (const r of closedAfterCutoff) {
      const counts = of(period, r.department_id);
      counts.overdue += n(r.overdue);
      counts.inProgress += n(r.n) - n(r.overdue);
    }
  }

  const openRows =
    scope.sourceType === null
      ? await openAtCutoffsFromCounts(db, scope.departmentIds, windows)
      : await openAtCutoffs(db, scope, windows);
  for (const row of openRows) {
    for (const [i, { counts: period }] of periods.entries()) {
      const [open, overdue] = [n(row[`open_${i}`]), n(row[`overdue_${i}`])];
      if (open === 0) continue;
      const counts = of(period, n(row.department_id));
      counts.overdue += overdue;
      counts.inProgress += open - overdue;
    }
  }
  return periods.map((p) => p.counts);
}

type OpenRow = Record<string, number>;

/** Open assignments at each cutoff, read from the open assignments themselves (scoped by source type). */
export async function openAtCutoffs(
  db: Executor,
  scope: StatsScope,
  windows: readonly [PeriodWindow, ...PeriodWindow[]],
): Promise<OpenRow[]> {
  const latest = windows.reduce((a, b) => (a.cutoffIso > b.cutoffIso ? a : b));
  const rows = await scoped(db, scope)
    .select((eb) => [
      plainDepartmentKey.as('department_id'),
      ...windows.flatMap((w, i) => {
        const assignedBefore = sql`${sql.ref('assignments.assigned_at')} < ${w.cutoffIso}`;
        const late = sql`${sql.ref('assignments.deadline')} < ${w.cutoffDate}`;
        return [
          eb.fn.sum(sql<number>`case when ${assignedBefore} then 1 else 0 end`).as(`open_${i}`),
          eb.fn
            .sum(sql<number>`case when ${assignedBefore} and ${late} then 1 else 0 end`)
            .as(`overdue_${i}`),
        ];
      }),
    ])
    .where('assignments.closed_at', 'is', null)
    .where('assignments.status', '<>', 'suspended')
    .where('assignments.assigned_at', '<', latest.cutoffIso)
    .groupBy(plainDepartmentKey)
    .execute();
  return rows as unknown as OpenRow[];
}

/**
 * The same from the trigger-kept counts: all open assignments per department (0018), overdue at a
 * cutoff being the dated ones less those due on or after it (0013's per-deadline counts, one seek per
 * department into their (department, deadline, n) index of 0020), less the open ones made after each
 * cutoff (a few days' worth, from the small open-by-time index).
 */
export async function openAtCutoffsFromCounts(
  db: Executor,
  departmentIds: readonly number[] | null,
  windows: readonly [PeriodWindow, ...PeriodWindow[]],
): Promise<OpenRow[]> {
  const earliest = windows.reduce((a, b) => (a.cutoffIso < b.cutoffIso ? a : b));
  // The (department, deadline, n) index answers each sum from itself; on some cutoffs SQLite took the
  // (department, deadline) key instead and read every counted row (5 → 20 ms at province scale).
  const counts = indexedBy(dialectOf(db), 'open_assignment_counts_department_idx');
  let totals = db.selectFrom('open_department_counts as t').select([
    't.department_id',
    't.n',
    't.dated',
    ...windows.map((w, i) =>
      sql<number | null>`(select sum(c.n) from open_assignment_counts as c ${counts}
        where c.department_id = t.department_id and c.deadline >= ${w.cutoffDate})`.as(`due_${i}`),
    ),
  ]);
  // Grouped by an expression, so the planner reads the open-by-time index, not every open assignment.
  let later = db
    .selectFrom('assignments as a')
    .select((eb) => [
      sql<number>`+a.department_id`.as('department_id'),
      ...windows.flatMap((w, i) => {
        const after = sql`a.assigned_at >= ${w.cutoffIso}`;
        return [
          eb.fn.sum<number>(sql`case when ${after} then 1 else 0 end`).as(`open_${i}`),
          eb.fn
            .sum<number>(sql`case when ${after} and a.deadline < ${w.cutoffDate} then 1 else 0 end`)
            .as(`overdue_${i}`),
        ];
      }),
    ])
    .where('a.closed_at', 'is', null)
    .where('a.status', '<>', 'suspended')
    .where('a.assigned_at', '>=', earliest.cutoffIso)
    .groupBy(sql`+a.department_id`);
  if (departmentIds) {
    totals = totals.where('t.department_id', 'in', [...departmentIds]);
    later = later.where('a.department_id', 'in', [...departmentIds]);
  }
  const rows = new Map<number, OpenRow>();
  for (const t of await totals.execute()) {
    const row: OpenRow = { department_id: t.department_id };
    const due = t as unknown as Record<string, unknown>;
    for (const i of windows.keys())
      [row[`open_${i}`], row[`overdue_${i}`]] = [n(t.n), n(t.dated) - n(due[`due_${i}`])];
    rows.set(t.department_id, row);
  }
  const subtract = (from: OpenRow[], key: (k: string) => string | null) => {
    for (const row of from) {
      const total = rows.get(n(row.department_id));
      if (!total) continue;
      for (const k of Object.keys(row)) {
        const target = key(k);
        if (target !== null) total[target] = n(total[target]) - n(row[k]);
      }
    }
  };
  subtract(await later.execute(), (k) => (k === 'department_id' ? null : k));
  return [...rows.values()];
}

export interface OverdueRow {
  assignmentId: number;
  itemId: number;
  number: string;
  title: string;
  departmentId: number;
  accountable: string | null;
  deadline: string;
}

const openDeadline = sql<string>`${sql.ref('assignments.deadline')}`;
/**
 * Ordered by an expression, so the planner reads the few assignments closed since the cutoff and sorts
 * them, instead of walking all 1.5 M rows in deadline order (SQLite did: 100–250 ms).
 */
const closedDeadline = sql<string>`${sql.ref('assignments.deadline')} || ''`;

/** Assignments overdue at the cutoff, oldest deadline first, at most `limit`. */
export async function overdueAssignments(
  db: Executor,
  scope: StatsScope,
  w: PeriodWindow,
  limit: number,
): Promise<OverdueRow[]> {
  // The page of overdue assignments first, from the index alone; names and titles only for those.
  const list = (query: AssignmentQuery, deadline: typeof openDeadline) =>
    db
      .selectFrom(
        query
          .select([
            'assignments.id as assignment_id',
            'assignments.item_id',
            'assignments.department_id',
            'assignments.accountable_user_id',
            'assignments.deadline',
          ])
          .where('assignments.deadline', '<', w.cutoffDate)
          .where('assignments.assigned_at', '<', w.cutoffIso)
          .orderBy(deadline)
          .orderBy('assignments.id')
          .limit(limit)
          .as('o'),
      )
      .innerJoin('items', 'items.id', 'o.item_id')
      .leftJoin('users', 'users.id', 'o.accountable_user_id')
      .select([
        'o.assignment_id as assignmentId',
        'items.id as itemId',
        'items.number as number',
        'items.title as title',
        'o.department_id as departmentId',
        'users.name as accountable',
        'o.deadline as deadline',
      ])
      .execute();
  const rows = [
    ...(await list(
      scoped(db, scope)
        .where('assignments.closed_at', 'is', null)
        .where('assignments.status', '<>', 'suspended'),
      openDeadline,
    )),
    ...(await list(scoped(db, scope).where('assignments.closed_at', '>=', w.cutoffIso), closedDeadline)),
  ];
  return rows
    .map((r) => ({ ...r, deadline: r.deadline ?? '' }))
    .sort((a, b) => a.deadline.localeCompare(b.deadline) || a.assignmentId - b.assignmentId)
    .slice(0, limit);
}
