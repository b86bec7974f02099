import type { Db } from '../../../platform/db/schema.js';
import type { Ctx } from '../../../platform/context.js';
import { departmentNames } from '../../identity/index.js';
import { notFound } from '../../../platform/http/errors.js';
import { periodWindow, previousPeriod, reportPeriod, type PeriodKind } from '../circulars/period.js';
import { departmentCounts, emptyCounts, type DepartmentCounts } from '../circulars/stats-repository.js';
import { byTimeliness, rankBy, rated } from '../circulars/stats.js';
import { lightBounds } from '../lights.js';
import { lighting } from '../views.js';
import { openLightCounts, trendCounts, watchedAtRisk } from './repository.js';
import { mayViewDashboard } from './policy.js';

/** The watched list shows at most this many items; the leader narrows further on the item list. */
const WATCHED_LIMIT = 50;
const TREND_BUCKETS = 12;

export interface DashboardQuery {
  scope: 'all' | number;
  period: PeriodKind;
}

export const severityLight = (severity: number) =>
  severity >= 2 ? ('red' as const) : severity === 1 ? ('yellow' as const) : ('green' as const);

/** Twelve weeks for a week's or month's dashboard, twelve months for longer periods, ending with today's. */
function trendPeriods(kind: PeriodKind, today: string) {
  const unit: 'week' | 'month' = kind === 'week' || kind === 'month' ? 'week' : 'month';
  const periods = [reportPeriod(unit, today)];
  while (periods.length < TREND_BUCKETS)
    periods.unshift(previousPeriod(periods[0] ?? reportPeriod(unit, today)));
  return { unit, periods };
}

export function addUp(rows: Iterable<DepartmentCounts>): DepartmentCounts {
  const total = emptyCounts();
  for (const c of rows) for (const k of Object.keys(total) as (keyof DepartmentCounts)[]) total[k] += c[k];
  return total;
}

export async function dashboard(db: Db, ctx: Ctx, query: DashboardQuery) {
  const departmentIds = mayViewDashboard(ctx.actor, query.scope === 'all' ? null : query.scope);
  const names = new Map((await departmentNames(db)).map((d) => [d.id, d.name]));
  if (departmentIds?.some((id) => !names.has(id))) throw notFound('部门');
  const l = await lighting(db, ctx);
  const bounds = lightBounds(l.calendar, l.today, l.warnDays);

  const bySource = await openLightCounts(db, bounds, departmentIds, 'source_type');
  const lights = { red: 0, yellow: 0, green: 0 };
  const sources = new Map<string, { red: number; yellow: number; green: number }>();
  for (const c of bySource) {
    const light = severityLight(c.severity);
    lights[light] += c.n;
    const s = sources.get(c.key) ?? { red: 0, yellow: 0, green: 0 };
    s[light] += c.n;
    sources.set(c.key, s);
  }

  const period = reportPeriod(query.period, l.today);
  const [counts = new Map<number, DepartmentCounts>()] = await departmentCounts(
    db,
    { departmentIds, sourceType: null },
    [periodWindow(period, l.today)],
  );
  const ranking = rankBy(
    [...counts.entries()].map(([id, c]) => ({
      departmentId: id,
      departmentName: names.get(id) ?? '',
      ...rated(c),
    })),
    byTimeliness,
  );
  const totals = rated(addUp(counts.values()));

  const trend = trendPeriods(query.period, l.today);
  const flows = await trendCounts(
    db,
    trend.periods.map((p) => ({ start: p.start, end: p.end, ...periodWindow(p, p.end) })),
    departmentIds,
  );
  const watched = ctx.actor === null ? [] : await watchedAtRisk(db, bounds, ctx.actor.id, WATCHED_LIMIT);

  return {
    period: { kind: period.kind, start: period.start, end: period.end, label: period.label },
    today: l.today,
    scope:
      departmentIds?.length === 1 && departmentIds[0] !== undefined
        ? { departmentId: departmentIds[0], departmentName: names.get(departmentIds[0]) ?? '' }
        : { departmentId: null, departmentName: null },
    lights: { ...lights, total: lights.red + lights.yellow + lights.green },
    closed: { onTime: totals.closedOnTime, late: totals.closedLate, onTimeRate: totals.onTimeRate },
    totals,
    trend: {
      unit: trend.unit,
      buckets: trend.periods.map((p, i) => ({
        label: p.label,
        start: p.start,
        end: p.end,
        assigned: flows.assigned[i] ?? 0,
        closed: flows.closed[i] ?? 0,
      })),
    },
    ranking,
    sources: [...sources.entries()]
      .map(([sourceType, c]) => ({ sourceType, ...c, total: c.red + c.yellow + c.green }))
      .sort((a, b) => b.total - a.total || a.sourceType.localeCompare(b.sourceType)),
    watched: watched.map((w) => ({ ...w, light: severityLight(w.severity) })),
  };
}
