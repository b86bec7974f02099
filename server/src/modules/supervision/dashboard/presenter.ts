import { z } from 'zod';

/** API shapes of the leader dashboard (领导驾驶舱) and the department view (部门视图). */

const lights = z.object({ red: z.number(), yellow: z.number(), green: z.number(), total: z.number() });
const period = z.object({ kind: z.string(), start: z.string(), end: z.string(), label: z.string() });
const rated = z.object({
  assigned: z.number(),
  closedOnTime: z.number(),
  closedLate: z.number(),
  overdue: z.number(),
  inProgress: z.number(),
  onTimeRate: z.number().nullable(),
});
const light = z.enum(['red', 'yellow', 'green']);

export const dashboardView = z.object({
  period,
  today: z.string(),
  scope: z.object({ departmentId: z.number().nullable(), departmentName: z.string().nullable() }),
  lights,
  closed: z.object({ onTime: z.number(), late: z.number(), onTimeRate: z.number().nullable() }),
  totals: rated,
  trend: z.object({
    unit: z.enum(['week', 'month']),
    buckets: z.array(
      z.object({
        label: z.string(),
        start: z.string(),
        end: z.string(),
        assigned: z.number(),
        closed: z.number(),
      }),
    ),
  }),
  ranking: z.array(rated.extend({ rank: z.number(), departmentId: z.number(), departmentName: z.string() })),
  sources: z.array(
    z.object({
      sourceType: z.string(),
      red: z.number(),
      yellow: z.number(),
      green: z.number(),
      total: z.number(),
    }),
  ),
  watched: z.array(
    z.object({
      id: z.number(),
      number: z.string(),
      title: z.string(),
      sourceType: z.string(),
      deadline: z.string().nullable(),
      light,
      responsible: z.boolean(),
    }),
  ),
});

const work = z.object({
  assignmentId: z.number(),
  itemId: z.number(),
  number: z.string(),
  title: z.string(),
  status: z.string(),
  accountable: z.string().nullable(),
  deadline: z.string().nullable(),
  feedbackDue: z.string().nullable(),
});
const held = z.object({ open: z.number(), red: z.number(), yellow: z.number() });

export const departmentOverviewView = z.object({
  department: z.object({ id: z.number(), name: z.string() }),
  today: z.string(),
  period,
  lights,
  byStatus: z.array(
    z.object({
      status: z.string(),
      total: z.number(),
      red: z.number(),
      yellow: z.number(),
      green: z.number(),
    }),
  ),
  overdue: z.array(work.extend({ daysOverdue: z.number() })),
  dueSoon: z.array(work),
  people: z.array(held.extend({ userId: z.number(), name: z.string() })),
  unsigned: held.nullable(),
  rate: z.object({ department: rated, organisation: rated }),
});
