import type { Db } from '../../../platform/db/schema.js';
import type { Ctx } from '../../../platform/context.js';
import { AppError } from '../../../platform/http/errors.js';
import { recordAudit } from '../../audit/index.js';
import { beijingDate } from '../../calendar/index.js';
import { listDepartments } from '../../identity/index.js';
import { mayUseSupervision, seesAllItems } from '../policy.js';
import { chosenPeriod, periodWindow, type ReportPeriod } from '../circulars/period.js';
import { departmentCounts, emptyCounts, type DepartmentCounts } from '../circulars/stats-repository.js';
import { rankBy, rated, type RatedCounts } from '../circulars/stats.js';
import { feedbackCounts, reviewCounts } from './repository.js';
import { getAssessmentWeights, type AssessmentWeights } from './settings.js';

export type AssessmentKind = 'month' | 'quarter' | 'half' | 'year';

export interface AssessmentRow extends RatedCounts {
  rank: number;
  departmentId: number;
  departmentName: string;
  feedbacks: number;
  lateFeedbacks: number;
  reviews: number;
  returned: number;
  /** Percent of review decisions that passed; null when nothing was reviewed. */
  reviewPassRate: number | null;
  /** The parts of the score, so a department can see where its points went. */
  points: { timeliness: number; review: number; overdue: number; lateFeedback: number };
  /** null: the department had no supervision work in the period and is not assessed. */
  score: number | null;
}

export interface Assessment {
  period: ReportPeriod & { cutoff: string };
  weights: AssessmentWeights;
  rows: AssessmentRow[];
}

/** Half-up to one decimal; the epsilon keeps 61.65 from becoming 61.6 through binary fractions. */
const round1 = (x: number) => Math.round(x * 10 + 1e-6) / 10;

/** The score: rates earn their weight (nothing due or reviewed earns it in full), deductions apply, 0–100. */
function score(
  c: RatedCounts,
  reviewPassRate: number | null,
  lateFeedbacks: number,
  w: AssessmentWeights,
): AssessmentRow['points'] & { score: number } {
  const timeliness = round1(((c.onTimeRate ?? 100) * w.onTimeRate) / 100);
  const review = round1(((reviewPassRate ?? 100) * w.reviewPassRate) / 100);
  const overdue = round1(c.overdue * w.perOverdue);
  const lateFeedback = round1(lateFeedbacks * w.perLateFeedback);
  const total = round1(Math.min(100, Math.max(0, timeliness + review - overdue - lateFeedback)));
  return { timeliness, review, overdue, lateFeedback, score: total };
}

/** 考核: leaders and the supervision office read the department scores; departments do not rank each other. */
export function mayReadAssessment(ctx: Ctx, what = '查看考核结果') {
  const actor = mayUseSupervision(ctx.actor);
  if (!seesAllItems(actor)) throw new AppError('FORBIDDEN', `无权${what}：仅限领导或督查员`);
  return actor;
}

export async function assess(
  db: Db,
  ctx: Ctx,
  query: { kind: AssessmentKind; date?: string | undefined; departmentIds?: number[] | undefined },
): Promise<Assessment> {
  mayReadAssessment(ctx);
  const today = beijingDate(ctx.clock.now());
  const period = chosenPeriod(query.kind, query.date, today);
  if (period.start > today)
    throw new AppError('VALIDATION_FAILED', `考核期间：${period.label}尚未开始`, { field: 'date' });
  const w = periodWindow(period, today);
  const ids = query.departmentIds?.length ? query.departmentIds : null;
  const weights = await getAssessmentWeights(db);
  const [timeliness = new Map<number, DepartmentCounts>()] = await departmentCounts(
    db,
    { departmentIds: ids, sourceType: null },
    [w],
  );
  const feedback = await feedbackCounts(db, ids, w);
  const reviews = await reviewCounts(db, ids, w);
  const listed = (await listDepartments(db)).filter((d) =>
    ids ? ids.includes(d.id) : timeliness.has(d.id) || feedback.has(d.id) || reviews.has(d.id),
  );

  const rows = listed.map((d) => {
    const counts = rated(timeliness.get(d.id) ?? emptyCounts());
    const f = feedback.get(d.id) ?? { feedbacks: 0, late: 0 };
    const r = reviews.get(d.id) ?? { reviews: 0, returned: 0 };
    const reviewPassRate = r.reviews === 0 ? null : round1((100 * (r.reviews - r.returned)) / r.reviews);
    const idle =
      counts.assigned + counts.closedOnTime + counts.closedLate + counts.overdue + counts.inProgress === 0;
    const { score: total, ...points } = score(counts, reviewPassRate, f.late, weights);
    return {
      departmentId: d.id,
      departmentName: d.name,
      ...counts,
      feedbacks: f.feedbacks,
      lateFeedbacks: f.late,
      reviews: r.reviews,
      returned: r.returned,
      reviewPassRate,
      points,
      score: idle && f.feedbacks === 0 && r.reviews === 0 ? null : total,
    };
  });
  // Higher score first (departments not assessed last), then fewer overdue; equal on both share a rank.
  const ranked = rankBy(rows, (a, b) => (b.score ?? -1) - (a.score ?? -1) || a.overdue - b.overdue);
  const { version: _version, ...plainWeights } = weights;
  return { period: { ...period, cutoff: w.cutoffDate }, weights: plainWeights, rows: ranked };
}

export async function recordAssessmentExport(db: Db, ctx: Ctx, a: Assessment): Promise<void> {
  await db.transaction().execute((trx) =>
    recordAudit(trx, ctx, {
      action: 'export',
      objectType: 'assessment',
      objectId: `${a.period.kind}:${a.period.start}`,
      changes: { format: 'xlsx', period: a.period.label, departments: a.rows.length },
    }),
  );
}
