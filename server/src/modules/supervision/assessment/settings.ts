import { z } from 'zod';
import type { Executor } from '../../../platform/db/schema.js';
import { readSetting, writeSetting } from '../../../platform/db/settings-repository.js';
import { nowIso, type Ctx } from '../../../platform/context.js';
import { stale } from '../../../platform/http/errors.js';
import { diff, recordAudit } from '../../audit/index.js';

/**
 * 考核计分: points for the on-time closure rate and the review pass rate (together 100), less a
 * deduction per assignment overdue at the end of the period and per feedback delivered late.
 */
export const assessmentWeightsSchema = z
  .object({
    onTimeRate: z.number().int().min(0).max(100),
    reviewPassRate: z.number().int().min(0).max(100),
    perOverdue: z.number().min(0).max(100),
    perLateFeedback: z.number().min(0).max(100),
  })
  .refine((w) => w.onTimeRate + w.reviewPassRate === 100, {
    message: '按期办结率与审核通过率的分值之和须为 100',
    path: ['onTimeRate'],
  });
export type AssessmentWeights = z.infer<typeof assessmentWeightsSchema>;

export const DEFAULT_WEIGHTS: AssessmentWeights = {
  onTimeRate: 60,
  reviewPassRate: 40,
  perOverdue: 2,
  perLateFeedback: 1,
};

const KEY = 'assessment_weights';

export async function getAssessmentWeights(db: Executor): Promise<AssessmentWeights & { version: number }> {
  const row = await readSetting(db, KEY);
  if (!row) return { ...DEFAULT_WEIGHTS, version: 0 };
  return { ...assessmentWeightsSchema.parse(JSON.parse(row.value)), version: row.version };
}

/** Replace the weights at the expected version; a stale version changes nothing (409). */
export async function updateAssessmentWeights(
  trx: Executor,
  ctx: Ctx,
  next: AssessmentWeights,
  version: number,
): Promise<void> {
  const { version: current, ...before } = await getAssessmentWeights(trx);
  if (current !== version || !(await writeSetting(trx, KEY, JSON.stringify(next), version, nowIso(ctx))))
    throw stale();
  await recordAudit(trx, ctx, {
    action: 'assessment.settings.update',
    objectType: 'setting',
    objectId: KEY,
    changes: diff(before, next),
  });
}
