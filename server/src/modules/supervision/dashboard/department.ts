import type { Db } from '../../../platform/db/schema.js';
import type { Ctx } from '../../../platform/context.js';
import { notFound } from '../../../platform/http/errors.js';
import { departmentMembersWithRole, listDepartments, namesOfUsers } from '../../identity/index.js';
import { periodWindow, reportPeriod, type PeriodKind } from '../circulars/period.js';
import { departmentCounts, emptyCounts, type DepartmentCounts } from '../circulars/stats-repository.js';
import { rated } from '../circulars/stats.js';
import { lightBounds } from '../lights.js';
import { lighting } from '../views.js';
import { dueOfPeriodEnd } from '../periods.js';
import { heldByPerson, statusCounts, workWithLight, type WorkRow } from './department-repository.js';
import { openLightCounts } from './repository.js';
import { mayViewDepartment } from './policy.js';
import { addUp, severityLight } from './service.js';

/** The overdue and due-soon lists stop here; their totals come from the light counts. */
const LIST_LIMIT = 100;

interface StatusRow {
  status: string;
  total: number;
  red: number;
  yellow: number;
  green: number;
}

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** 部门视图: one department's work by status and light, what is overdue or due soon, who holds what, and its on-time rate. */
export async function departmentOverview(db: Db, ctx: Ctx, departmentId: number, periodKind: PeriodKind) {
  mayViewDepartment(ctx.actor, departmentId);
  const department = (await listDepartments(db)).find((d) => d.id === departmentId);
  if (!department) throw notFound('部门');
  const l = await lighting(db, ctx);
  const bounds = lightBounds(l.calendar, l.today, l.warnDays);

  const byStatus = new Map(
    (await statusCounts(db, departmentId)).map((c): [string, StatusRow] => [
      c.status,
      { status: c.status, total: c.n, red: 0, yellow: 0, green: 0 },
    ]),
  );
  const lights = { red: 0, yellow: 0, green: 0 };
  for (const c of await openLightCounts(db, bounds, [departmentId], 'status')) {
    const light = severityLight(c.severity);
    lights[light] += c.n;
    const row = byStatus.get(c.key);
    if (row) row[light] += c.n;
  }

  const withDue = ({ feedbackCycle, feedbackEnd, ...w }: WorkRow) => ({
    ...w,
    feedbackDue: feedbackEnd === null ? null : dueOfPeriodEnd(feedbackCycle, feedbackEnd, l.calendar),
  });
  const overdue = (await workWithLight(db, bounds, departmentId, 2, LIST_LIMIT)).map(withDue);
  const dueSoon = (await workWithLight(db, bounds, departmentId, 1, LIST_LIMIT)).map(withDue);

  const held = await heldByPerson(db, bounds, departmentId);
  const members = [
    ...(await departmentMembersWithRole(db, [departmentId], 'department_head')),
    ...(await departmentMembersWithRole(db, [departmentId], 'handler')),
  ].map((m) => m.id);
  const names = new Map(
    (
      await namesOfUsers(db, [
        ...members,
        ...held.map((h) => h.userId).filter((id): id is number => id !== null),
      ])
    ).map((u) => [u.id, u.name]),
  );
  const people = [...names.entries()]
    .map(([id, name]) => {
      const h = held.find((x) => x.userId === id);
      return { userId: id, name, open: h?.n ?? 0, red: h?.red ?? 0, yellow: h?.yellow ?? 0 };
    })
    .sort((a, b) => b.open - a.open || a.userId - b.userId);
  const unsigned = held.find((h) => h.userId === null);

  const period = reportPeriod(periodKind, l.today);
  const [counts = new Map<number, DepartmentCounts>()] = await departmentCounts(
    db,
    { departmentIds: null, sourceType: null },
    [periodWindow(period, l.today)],
  );
  return {
    department: { id: department.id, name: department.name },
    today: l.today,
    period: { kind: period.kind, start: period.start, end: period.end, label: period.label },
    lights: { ...lights, total: lights.red + lights.yellow + lights.green },
    byStatus: [...byStatus.values()],
    overdue: overdue.map((w) => ({
      ...w,
      daysOverdue: w.deadline === null ? 0 : daysBetween(w.deadline, l.today),
    })),
    dueSoon,
    people,
    unsigned: unsigned ? { open: unsigned.n, red: unsigned.red, yellow: unsigned.yellow } : null,
    rate: {
      department: rated(counts.get(departmentId) ?? emptyCounts()),
      organisation: rated(addUp(counts.values())),
    },
  };
}
