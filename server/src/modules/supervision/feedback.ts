import type { Executor } from '../../platform/db/schema.js';
import { nowIso, type Ctx } from '../../platform/context.js';
import { AppError, notFound, stale } from '../../platform/http/errors.js';
import { beijingDate, loadCalendar } from '../calendar/index.js';
import {
  findFeedback,
  findFeedbackForPeriod,
  insertFeedback,
  updateFeedbackVersioned,
  type FeedbackRow,
} from './assignments-repository.js';
import { loadAssignment, loadOwnAssignment } from './assignment-flow.js';
import { refreshOwedPeriod } from './owed-periods.js';
import { periodOf } from './periods.js';
import { mayActForAssignment, mayHeadAssignment, mayRunSupervision } from './policy.js';
import { recordStep } from './steps.js';

const actorOf = (ctx: Ctx) => {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  return ctx.actor;
};

/** The item a feedback belongs to, if the actor may see it. */
export async function itemOfFeedback(db: Executor, ctx: Ctx, feedbackId: number): Promise<number> {
  const feedback = await findFeedback(db, feedbackId);
  if (!feedback) throw notFound('反馈');
  return (await loadAssignment(db, ctx, feedback.assignment_id)).item_id;
}

const periodLabel = (key: string) => (key === 'once' ? '一次性' : key);

/**
 * One feedback per period of the assignment's cycle, filed against the earliest period still owed (a
 * missed period is made up first); a returned one is corrected and resubmitted. Returns it as stored.
 */
export async function submitFeedback(
  trx: Executor,
  ctx: Ctx,
  assignmentId: number,
  content: string,
): Promise<FeedbackRow> {
  const actor = actorOf(ctx);
  const a = await loadOwnAssignment(trx, ctx, assignmentId);
  mayActForAssignment(actor, a, '反馈');
  if (a.status !== 'acknowledged')
    throw new AppError('INVALID_STATE', a.status === 'assigned' ? '请先签收再反馈' : '当前状态不能反馈');
  const today = beijingDate(ctx.clock.now());
  const calendar = await loadCalendar(trx);
  // The first owed period is stored (owed-periods.ts): it is filed while it has begun; otherwise this
  // period's, which is then delivered already and refused below.
  const owed = a.feedback_owed_start;
  const period = periodOf(
    a.feedback_cycle,
    owed !== null && owed <= today ? owed : today,
    calendar,
    a.deadline,
  );
  const onTime = today <= period.due ? 1 : 0;
  const at = nowIso(ctx);
  const existing = await findFeedbackForPeriod(trx, a.id, period.key);
  let feedback: FeedbackRow;
  if (existing) {
    if (existing.status !== 'returned')
      throw new AppError('INVALID_STATE', `本期（${periodLabel(period.key)}）已反馈，如需修改请等待审核退回`);
    const ok = await updateFeedbackVersioned(trx, existing.id, existing.version, {
      content,
      submitted_at: at,
      on_time: onTime,
      status: 'submitted',
      return_reason: null,
      head_reviewed_by: null,
      office_reviewed_by: null,
      updated_at: at,
    });
    const resubmitted = ok ? await findFeedback(trx, existing.id) : undefined;
    if (!resubmitted) throw stale();
    feedback = resubmitted;
  } else {
    feedback = await insertFeedback(trx, {
      assignment_id: a.id,
      period: period.key,
      due_date: period.due,
      content,
      submitted_by: actor.id,
      submitted_at: at,
      on_time: onTime,
    });
  }
  await refreshOwedPeriod(trx, a.id, a);
  await recordStep(trx, ctx, {
    itemId: a.item_id,
    assignmentId: a.id,
    kind: 'feedback',
    summary: `${periodLabel(period.key)} 反馈${onTime ? '' : '（逾期）'}：${content.slice(0, 60)}`,
    changes: { feedbackId: feedback.id, period: period.key, onTime: onTime === 1 },
  });
  return feedback;
}

/** Review in two steps: the department head, then the supervision office. Either may return it with a reason. */
export async function reviewFeedback(
  trx: Executor,
  ctx: Ctx,
  feedbackId: number,
  version: number,
  decision: 'approve' | 'return',
  reason: string | null,
): Promise<void> {
  const actor = actorOf(ctx);
  const feedback = await findFeedback(trx, feedbackId);
  if (!feedback) throw notFound('反馈');
  const a = await loadAssignment(trx, ctx, feedback.assignment_id);
  if (decision === 'return' && !reason)
    throw new AppError('VALIDATION_FAILED', '退回原因：不能为空', { field: 'reason' });
  const at = nowIso(ctx);
  let stage: string;
  let changes: Parameters<typeof updateFeedbackVersioned>[3];
  if (feedback.status === 'submitted') {
    mayHeadAssignment(actor, a, '审核反馈');
    stage = '部门负责人';
    changes =
      decision === 'approve'
        ? { status: 'head_approved', head_reviewed_by: actor.id, updated_at: at }
        : { status: 'returned', head_reviewed_by: actor.id, return_reason: reason, updated_at: at };
  } else if (feedback.status === 'head_approved') {
    mayRunSupervision(actor, '审核反馈');
    stage = '督查室';
    changes =
      decision === 'approve'
        ? { status: 'approved', office_reviewed_by: actor.id, updated_at: at }
        : { status: 'returned', office_reviewed_by: actor.id, return_reason: reason, updated_at: at };
  } else {
    throw new AppError(
      'INVALID_STATE',
      feedback.status === 'approved' ? '该反馈已审核通过' : '该反馈已退回，等待重新报送',
    );
  }
  if (!(await updateFeedbackVersioned(trx, feedback.id, version, changes))) throw stale();
  if (changes.status === 'returned') await refreshOwedPeriod(trx, a.id);
  await recordStep(trx, ctx, {
    itemId: a.item_id,
    assignmentId: a.id,
    kind: decision === 'approve' ? 'feedback_approve' : 'feedback_return',
    summary:
      decision === 'approve'
        ? `${stage}审核通过 ${periodLabel(feedback.period)} 反馈`
        : `${stage}退回 ${periodLabel(feedback.period)} 反馈：${reason ?? ''}`,
    changes: { feedbackId: feedback.id, decision, reason },
  });
}
