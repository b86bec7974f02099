import type { Executor } from '../../platform/db/schema.js';
import type { Ctx } from '../../platform/context.js';
import { notFound } from '../../platform/http/errors.js';
import { namesOfUsers } from '../identity/index.js';
import { findFeedback } from './assignments-repository.js';

type FeedbackRow = NonNullable<Awaited<ReturnType<typeof findFeedback>>>;

/** A feedback as the item page lists it. */
export function presentFeedback(f: FeedbackRow, submittedBy: string) {
  return {
    id: f.id,
    period: f.period,
    dueDate: f.due_date,
    content: f.content,
    submittedBy,
    submittedAt: f.submitted_at,
    onTime: f.on_time === 1,
    status: f.status,
    returnReason: f.return_reason,
    version: f.version,
  };
}

/**
 * The answer to a submission: the feedback alone, not the whole item (≈30 queries), which the page
 * refetches for its lights and timeline. A resubmitted returned feedback keeps its first submitter.
 */
export async function submittedFeedback(db: Executor, ctx: Ctx, id: number) {
  const f = await findFeedback(db, id);
  if (!f) throw notFound('反馈');
  const name =
    f.submitted_by === ctx.actor?.id
      ? ctx.actor.name
      : ((await namesOfUsers(db, [f.submitted_by]))[0]?.name ?? '');
  return { assignmentId: f.assignment_id, feedback: presentFeedback(f, name) };
}
