import type { AssignmentStatus, Executor } from '../../platform/db/schema.js';
import { nowIso, type Ctx } from '../../platform/context.js';
import { AppError, notFound, stale } from '../../platform/http/errors.js';
import { beijingDate } from '../calendar/index.js';
import { findUserById } from '../identity/index.js';
import {
  assignmentsOf,
  findAssignment,
  updateAssignmentVersioned,
  type AssignmentRow,
} from './assignments-repository.js';
import { updateItemVersioned, watchersOf } from './items-repository.js';
import { loadItem } from './item-flow.js';
import { ASSIGNMENT_STATUSES } from './labels.js';
import { refreshOwedPeriod } from './owed-periods.js';
import {
  mayActForAssignment,
  mayHeadAssignment,
  mayRecordLeaderRead,
  mayRunSupervision,
  mayViewItem,
} from './policy.js';
import { recordStep } from './steps.js';

/** The assignment state machine: each action, the states it may start from, and where it leads. */
export const ASSIGNMENT_FLOW = {
  acknowledge: { from: ['assigned'], to: 'acknowledged', label: '签收' },
  request_completion: { from: ['acknowledged'], to: 'completion_requested', label: '申请办结' },
  approve_completion: { from: ['completion_requested'], to: 'completion_approved', label: '审核通过' },
  return_completion: { from: ['completion_requested'], to: 'acknowledged', label: '退回办结申请' },
  leader_read: { from: ['completion_approved'], to: 'leader_read', label: '报原批办领导阅' },
  sign_off: { from: ['leader_read'], to: 'closed', label: '销号' },
} as const satisfies Record<
  string,
  { from: readonly AssignmentStatus[]; to: AssignmentStatus; label: string }
>;

export type AssignmentAction = keyof typeof ASSIGNMENT_FLOW;

/** The assignment, if the actor may see its item at all: another department's work does not exist for them (404). */
export async function itemOfAssignment(db: Executor, ctx: Ctx, id: number): Promise<number> {
  return (await loadAssignment(db, ctx, id)).item_id;
}

export async function loadAssignment(trx: Executor, ctx: Ctx, id: number): Promise<AssignmentRow> {
  const assignment = await findAssignment(trx, id);
  if (!assignment) throw notFound('承办任务');
  await requireVisible(trx, ctx, assignment);
  return assignment;
}

async function requireVisible(trx: Executor, ctx: Ctx, assignment: AssignmentRow): Promise<void> {
  const item = await loadItem(trx, assignment.item_id);
  const departments = (await assignmentsOf(trx, [item.id])).map((a) => a.department_id);
  mayViewItem(ctx.actor, item, departments, await watchersOf(trx, item.id));
}

/**
 * The same for a step of the assignment's own department (feedback): being assigned to the actor's
 * department already makes the item visible, so only others pay for the check (and get 404, not 403).
 */
export async function loadOwnAssignment(trx: Executor, ctx: Ctx, id: number): Promise<AssignmentRow> {
  const assignment = await findAssignment(trx, id);
  if (!assignment) throw notFound('承办任务');
  if (ctx.actor?.departmentId !== assignment.department_id) await requireVisible(trx, ctx, assignment);
  return assignment;
}

async function advance(
  trx: Executor,
  ctx: Ctx,
  assignment: AssignmentRow,
  version: number,
  action: AssignmentAction,
  summary: string,
  extra: Partial<AssignmentRow> = {},
): Promise<void> {
  const step = ASSIGNMENT_FLOW[action];
  if (!(step.from as readonly string[]).includes(assignment.status)) {
    throw new AppError(
      'INVALID_STATE',
      `当前状态「${ASSIGNMENT_STATUSES[assignment.status]}」不能${step.label}`,
      { status: assignment.status },
    );
  }
  if (
    !(await updateAssignmentVersioned(trx, assignment.id, version, {
      status: step.to,
      updated_at: nowIso(ctx),
      ...extra,
    }))
  )
    throw stale();
  await refreshOwedPeriod(trx, assignment.id);
  await recordStep(trx, ctx, {
    itemId: assignment.item_id,
    assignmentId: assignment.id,
    kind: action,
    summary,
    changes: { from: assignment.status, to: step.to, ...extra },
  });
}

const actorOf = (ctx: Ctx) => {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  return ctx.actor;
};

/** 签收: the first person who signs becomes the accountable person (首问负责制). */
export async function acknowledge(trx: Executor, ctx: Ctx, id: number, version: number): Promise<void> {
  const actor = actorOf(ctx);
  const a = await loadAssignment(trx, ctx, id);
  mayActForAssignment(actor, a, '签收');
  await advance(trx, ctx, a, version, 'acknowledge', `${actor.name}签收，为首问责任人`, {
    accountable_user_id: a.accountable_user_id ?? actor.id,
    acknowledged_at: nowIso(ctx),
  });
}

/** The department head hands the accountable role to a colleague; the transfer is logged. */
export async function transferAccountable(
  trx: Executor,
  ctx: Ctx,
  id: number,
  version: number,
  toUserId: number,
  reason: string,
): Promise<void> {
  const actor = actorOf(ctx);
  const a = await loadAssignment(trx, ctx, id);
  mayHeadAssignment(actor, a, '转交');
  if (a.status === 'assigned' || a.status === 'closed' || a.status === 'suspended')
    throw new AppError('INVALID_STATE', '只有签收后、销号前的任务可以转交');
  const target = await findUserById(trx, toUserId);
  if (!target || target.status !== 'active' || target.department_id !== a.department_id)
    throw new AppError('VALIDATION_FAILED', '转交对象：须为本部门在职人员', { field: 'toUserId' });
  if (
    !(await updateAssignmentVersioned(trx, id, version, {
      accountable_user_id: toUserId,
      updated_at: nowIso(ctx),
    }))
  )
    throw stale();
  await recordStep(trx, ctx, {
    itemId: a.item_id,
    assignmentId: id,
    kind: 'transfer',
    summary: `责任人转交给${target.name}：${reason}`,
    changes: { from: a.accountable_user_id, to: toUserId, reason },
  });
}

export async function requestCompletion(
  trx: Executor,
  ctx: Ctx,
  id: number,
  version: number,
  evidence: string,
): Promise<void> {
  const actor = actorOf(ctx);
  const a = await loadAssignment(trx, ctx, id);
  mayActForAssignment(actor, a, '申请办结');
  await advance(trx, ctx, a, version, 'request_completion', `申请办结：${evidence}`, {
    completion_evidence: evidence,
    completion_requested_at: nowIso(ctx),
    return_reason: null,
  });
}

export async function approveCompletion(trx: Executor, ctx: Ctx, id: number, version: number): Promise<void> {
  mayRunSupervision(ctx.actor, '审核办结');
  const a = await loadAssignment(trx, ctx, id);
  await advance(trx, ctx, a, version, 'approve_completion', '督查室审核通过');
}

export async function returnCompletion(
  trx: Executor,
  ctx: Ctx,
  id: number,
  version: number,
  reason: string,
): Promise<void> {
  mayRunSupervision(ctx.actor, '退回办结申请');
  const a = await loadAssignment(trx, ctx, id);
  await advance(trx, ctx, a, version, 'return_completion', `办结申请被退回：${reason}`, {
    return_reason: reason,
  });
}

export async function markLeaderRead(trx: Executor, ctx: Ctx, id: number, version: number): Promise<void> {
  const actor = actorOf(ctx);
  const a = await loadAssignment(trx, ctx, id);
  mayRecordLeaderRead(actor, await loadItem(trx, a.item_id));
  await advance(trx, ctx, a, version, 'leader_read', `${actor.name}：已报原批办领导阅`);
}

/** 销号. Closed on time when the department applied for completion by its deadline; the item closes with its last assignment. */
export async function signOff(trx: Executor, ctx: Ctx, id: number, version: number): Promise<void> {
  mayRunSupervision(ctx.actor, '销号');
  const a = await loadAssignment(trx, ctx, id);
  const finishedOn = beijingDate(new Date(a.completion_requested_at ?? nowIso(ctx)));
  const onTime = a.deadline === null || finishedOn <= a.deadline;
  await advance(trx, ctx, a, version, 'sign_off', onTime ? '销号（按期办结）' : '销号（逾期办结）', {
    closed_at: nowIso(ctx),
    closed_on_time: onTime ? 1 : 0,
  });
  const siblings = await assignmentsOf(trx, [a.item_id]);
  if (siblings.every((s) => s.id === a.id || s.status === 'closed')) {
    const item = await loadItem(trx, a.item_id);
    if (
      !(await updateItemVersioned(trx, item.id, item.version, {
        status: 'closed',
        closed_at: nowIso(ctx),
        updated_at: nowIso(ctx),
      }))
    )
      throw stale();
    await recordStep(trx, ctx, { itemId: item.id, kind: 'close', summary: '全部承办任务已销号，事项办结' });
  }
}
