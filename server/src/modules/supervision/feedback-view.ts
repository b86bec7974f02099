import type { Executor } from '../../platform/db/schema.js';
import type { Ctx } from '../../platform/context.js';
import { namesOfUsers } from '../identity/index.js';
import type { FeedbackRow } from './assignments-repository.js';

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
export async function submittedFeedback(db: Executor, ctx: Ctx, f: FeedbackRow) {
  const name =
    f.submitted_by === ctx.actor?.id
      ? ctx.actor.name
      : ((await namesOfUsers(db, [f.submitted_by]))[0]?.name ?? '');
  return { assignmentId: f.assignment_id, feedback: presentFeedback(f, name) };
}
