import type { Executor } from '../../platform/db/schema.js';
import { nowIso, type Ctx } from '../../platform/context.js';
import { AppError, notFound, stale } from '../../platform/http/errors.js';
import { beijingDate } from '../calendar/index.js';
import {
  decideExtensionRow,
  extensionsOf,
  findExtension,
  insertExtension,
  updateAssignmentVersioned,
} from './assignments-repository.js';
import { loadAssignment } from './assignment-flow.js';
import { refreshOwedPeriod } from './owed-periods.js';
import { mayActForAssignment, mayRunSupervision } from './policy.js';
import { recordStep } from './steps.js';

/** The item an extension request belongs to, if the actor may see it. */
export async function itemOfExtension(db: Executor, ctx: Ctx, extensionId: number): Promise<number> {
  const request = await findExtension(db, extensionId);
  if (!request) throw notFound('延期申请');
  return (await loadAssignment(db, ctx, request.assignment_id)).item_id;
}

/** 延期申请: only before the deadline, one pending request at a time, to a later date. */
export async function requestExtension(
  trx: Executor,
  ctx: Ctx,
  assignmentId: number,
  newDeadline: string,
  reason: string,
): Promise<number> {
  const actor = ctx.actor;
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const a = await loadAssignment(trx, ctx, assignmentId);
  mayActForAssignment(actor, a, '申请延期');
  if (a.status !== 'acknowledged' && a.status !== 'assigned')
    throw new AppError('INVALID_STATE', '当前状态不能申请延期');
  if (a.deadline === null) throw new AppError('INVALID_STATE', '长期坚持事项没有办理时限，无需延期');
  const today = beijingDate(ctx.clock.now());
  if (today > a.deadline)
    throw new AppError('INVALID_STATE', `办理时限 ${a.deadline} 已过，不能再申请延期`, {
      deadline: a.deadline,
    });
  if (newDeadline <= a.deadline)
    throw new AppError('VALIDATION_FAILED', `新的办理时限：须晚于原时限 ${a.deadline}`, {
      field: 'newDeadline',
    });
  if ((await extensionsOf(trx, [a.id])).some((e) => e.status === 'pending'))
    throw new AppError('INVALID_STATE', '已有一份延期申请正在审批');
  const id = await insertExtension(trx, {
    assignment_id: a.id,
    old_deadline: a.deadline,
    new_deadline: newDeadline,
    reason,
    status: 'pending',
    requested_by: actor.id,
    requested_at: nowIso(ctx),
  });
  await recordStep(trx, ctx, {
    itemId: a.item_id,
    assignmentId: a.id,
    kind: 'extension_request',
    summary: `申请延期至 ${newDeadline}：${reason}`,
    changes: { extensionId: id, from: a.deadline, to: newDeadline },
  });
  return id;
}

/** Approve (the assignment takes the new deadline; the old one stays on the request) or refuse. */
export async function decideExtension(
  trx: Executor,
  ctx: Ctx,
  extensionId: number,
  approve: boolean,
  note: string | null,
): Promise<void> {
  const actor = mayRunSupervision(ctx.actor, '审批延期');
  const request = await findExtension(trx, extensionId);
  if (!request) throw notFound('延期申请');
  const at = nowIso(ctx);
  if (
    !(await decideExtensionRow(trx, extensionId, {
      status: approve ? 'approved' : 'refused',
      decided_by: actor.id,
      decided_at: at,
      decision_note: note,
    }))
  ) {
    throw new AppError('INVALID_STATE', '该延期申请已处理');
  }
  const a = await loadAssignment(trx, ctx, request.assignment_id);
  if (
    approve &&
    !(await updateAssignmentVersioned(trx, a.id, a.version, {
      deadline: request.new_deadline,
      updated_at: at,
    }))
  )
    throw stale();
  if (approve) await refreshOwedPeriod(trx, a.id);
  await recordStep(trx, ctx, {
    itemId: a.item_id,
    assignmentId: a.id,
    kind: approve ? 'extension_approve' : 'extension_refuse',
    summary: approve
      ? `同意延期：${request.old_deadline} → ${request.new_deadline}`
      : `不同意延期${note ? `：${note}` : ''}`,
    changes: { extensionId, oldDeadline: request.old_deadline, newDeadline: request.new_deadline, approve },
  });
}
