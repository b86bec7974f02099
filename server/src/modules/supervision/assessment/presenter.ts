import { z } from 'zod';
import { workbook } from '../circulars/xlsx.js';
import type { Assessment } from './service.js';

export const weightsView = z.object({
  onTimeRate: z.number(),
  reviewPassRate: z.number(),
  perOverdue: z.number(),
  perLateFeedback: z.number(),
});

export const assessmentView = z.object({
  period: z.object({
    kind: z.string(),
    start: z.string(),
    end: z.string(),
    label: z.string(),
    cutoff: z.string(),
  }),
  weights: weightsView,
  rows: z.array(
    z.object({
      rank: z.number(),
      departmentId: z.number(),
      departmentName: z.string(),
      assigned: z.number(),
      closedOnTime: z.number(),
      closedLate: z.number(),
      overdue: z.number(),
      inProgress: z.number(),
      onTimeRate: z.number().nullable(),
      feedbacks: z.number(),
      lateFeedbacks: z.number(),
      reviews: z.number(),
      returned: z.number(),
      reviewPassRate: z.number().nullable(),
      points: z.object({
        timeliness: z.number(),
        review: z.number(),
        overdue: z.number(),
        lateFeedback: z.number(),
      }),
      score: z.number().nullable(),
    }),
  ),
});

/** The ranked table as a workbook, with the scoring rule on a sheet of its own. */
export function assessmentXlsx(a: Assessment): Promise<Buffer> {
  const w = a.weights;
  return workbook(`${a.period.label}督办工作考核`, [
    {
      name: '考核得分',
      columns: [
        ['排名', 6],
        ['部门', 24],
        ['得分', 8],
        ['按期办结率(%)', 14],
        ['交办', 8],
        ['按期办结', 10],
        ['逾期办结', 10],
        ['逾期未办结', 12],
        ['反馈次数', 10],
        ['逾期反馈', 10],
        ['审核次数', 10],
        ['退回次数', 10],
        ['审核通过率(%)', 14],
      ],
      rows: a.rows.map((r) => [
        r.rank,
        r.departmentName,
        r.score,
        r.onTimeRate,
        r.assigned,
        r.closedOnTime,
        r.closedLate,
        r.overdue,
        r.feedbacks,
        r.lateFeedbacks,
        r.reviews,
        r.returned,
        r.reviewPassRate,
      ]),
    },
    {
      name: '计分规则',
      columns: [
        ['项目', 30],
        ['分值', 10],
      ],
      rows: [
        ['考核期间', `${a.period.label}（${a.period.start}至${a.period.end}）`],
        ['按期办结率（满分，无到期事项按满分计）', w.onTimeRate],
        ['审核通过率（满分，无审核按满分计）', w.reviewPassRate],
        ['每项逾期未办结扣分', w.perOverdue],
        ['每次逾期反馈扣分', w.perLateFeedback],
      ],
    },
  ]);
}
