import type { Db, Executor } from '../../../platform/db/schema.js';
import { nowIso, type Actor, type Ctx } from '../../../platform/context.js';
import { notFound, stale } from '../../../platform/http/errors.js';
import type { StoredFile } from '../../../platform/files/index.js';
import { ATTACHMENT_KINDS, type AttachmentKind } from '../../../../../shared/src/attachments.js';
import { recordAudit } from '../../audit/index.js';
import { assignmentsOf, findFeedback, type AssignmentRow } from '../assignments-repository.js';
import { watchersOf, type ItemRow } from '../items-repository.js';
import { loadItem } from '../item-flow.js';
import { mayViewItem } from '../policy.js';
import { recordStep } from '../steps.js';
import { mayDeleteAttachment, mayUploadAttachment } from './policy.js';
import { attachmentViews, type AttachmentView } from './presenter.js';
import { findAttachment, insertAttachment, markDeleted, type AttachmentRow } from './repository.js';

export interface UploadTarget {
  kind: AttachmentKind;
  assignmentId: number | null;
  feedbackId: number | null;
}

interface Visible {
  actor: Actor;
  item: ItemRow;
  assignments: AssignmentRow[];
}

/** The item, if the actor may see it; otherwise 404, as if it did not exist. */
export async function visibleItem(db: Executor, ctx: Ctx, itemId: number): Promise<Visible> {
  const item = await loadItem(db, itemId);
  const assignments = await assignmentsOf(db, [itemId]);
  const actor = mayViewItem(
    ctx.actor,
    item,
    assignments.map((a) => a.department_id),
    await watchersOf(db, itemId),
  );
  return { actor, item, assignments };
}

/**
 * Every check an upload must pass, run before its bytes are read (so a refused upload stores nothing)
 * and again inside the transaction that records it.
 */
export async function checkUpload(db: Executor, ctx: Ctx, itemId: number, target: UploadTarget) {
  const { actor, item, assignments } = await visibleItem(db, ctx, itemId);
  const assignment =
    target.assignmentId === null ? null : assignments.find((a) => a.id === target.assignmentId);
  if (assignment === undefined) throw notFound('承办任务');
  if (target.feedbackId !== null) {
    const feedback = await findFeedback(db, target.feedbackId);
    if (!feedback || !assignment || feedback.assignment_id !== assignment.id) throw notFound('反馈');
  }
  mayUploadAttachment(actor, item, assignments, assignment, target.kind);
  return { actor, item };
}

/** Record a file already in the store as an attachment of the item, with its timeline entry and audit row. */
export async function addAttachment(
  trx: Executor,
  ctx: Ctx,
  itemId: number,
  target: UploadTarget,
  file: StoredFile & { name: string },
): Promise<AttachmentView> {
  const { actor, item } = await checkUpload(trx, ctx, itemId, target);
  const id = await insertAttachment(trx, {
    item_id: itemId,
    assignment_id: target.assignmentId,
    feedback_id: target.feedbackId,
    kind: target.kind,
    file_hash: file.hash,
    name: file.name,
    mime_type: file.mime,
    size: file.size,
    uploaded_by: actor.id,
    uploaded_at: nowIso(ctx),
  });
  await recordStep(trx, ctx, {
    itemId,
    assignmentId: target.assignmentId,
    kind: 'attachment_add',
    summary: `上传${ATTACHMENT_KINDS[target.kind]}「${file.name}」`,
    changes: { attachmentId: id, name: file.name, hash: file.hash, size: file.size, type: file.type },
  });
  const [view] = await attachmentViews(trx, actor, item, id);
  if (!view) throw notFound('附件');
  return view;
}

/** A live attachment whose item the actor may see; anything else is 404. */
async function visibleAttachment(db: Executor, ctx: Ctx, id: number) {
  const attachment = await findAttachment(db, id);
  if (!attachment) throw notFound('附件');
  return { attachment, ...(await visibleItem(db, ctx, attachment.item_id)) };
}

/** Taking a file out of the system is an export: audited before the bytes are sent. */
export async function attachmentForDownload(db: Db, ctx: Ctx, id: number): Promise<AttachmentRow> {
  return db.transaction().execute(async (trx) => {
    const { attachment } = await visibleAttachment(trx, ctx, id);
    await recordAudit(trx, ctx, {
      action: 'export',
      objectType: 'attachment',
      objectId: id,
      changes: {
        what: 'attachment',
        itemId: attachment.item_id,
        name: attachment.name,
        hash: attachment.file_hash,
      },
    });
    return attachment;
  });
}

export async function deleteAttachment(trx: Executor, ctx: Ctx, id: number, version: number): Promise<void> {
  const { attachment, actor, item } = await visibleAttachment(trx, ctx, id);
  mayDeleteAttachment(actor, item, attachment);
  if (!(await markDeleted(trx, id, version, actor.id, nowIso(ctx)))) throw stale();
  await recordStep(trx, ctx, {
    itemId: attachment.item_id,
    assignmentId: attachment.assignment_id,
    kind: 'attachment_delete',
    summary: `删除${ATTACHMENT_KINDS[attachment.kind]}「${attachment.name}」`,
    changes: { attachmentId: id, name: attachment.name, hash: attachment.file_hash },
  });
}
