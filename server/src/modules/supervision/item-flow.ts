import type { Executor, FeedbackCycle } from '../../platform/db/schema.js';
import { serialLock } from '../../platform/db/database.js';
import { nowIso, type Ctx } from '../../platform/context.js';
import { AppError, invalid, notFound, stale } from '../../platform/http/errors.js';
import { holdAuditChain } from '../audit/index.js';
import { beijingDate, loadCalendar } from '../calendar/index.js';
import { departmentsByIds, findUserById, rolesOf } from '../identity/index.js';
import {
  assignmentsOf,
  insertAssignment,
  updateAssignmentsOfItem,
  updateAssignmentVersioned,
} from './assignments-repository.js';
import {
  findItem,
  insertItem,
  maxSeq,
  setWatchers,
  updateItemVersioned,
  type ItemRow,
} from './items-repository.js';
import { ITEM_STATUSES, type SourceType, type Urgency } from './labels.js';
import { formatNumber, getSupervisionSettings } from './settings.js';
import { refreshOwedPeriod } from './owed-periods.js';
import { mayApproveItem, mayRunSupervision } from './policy.js';
import { recordStep } from './steps.js';

export interface ItemInput {
  title: string;
  requirements: string;
  sourceType: SourceType;
  sourceRef: Record<string, unknown>;
  urgency: Urgency;
  difficult?: boolean | undefined;
  responsibleLeaderId: number | null;
  watcherIds?: number[] | undefined;
  parentId?: number | null | undefined;
  /** A fixed date, or N working days from assignment; neither: the default limit for the urgency. */
  deadline?: string | null | undefined;
  workingDays?: number | null | undefined;
  feedbackCycle: FeedbackCycle;
  standing?: boolean | undefined;
  tags?: string[] | undefined;
}

const NUMBER_LOCK = 0x4c5349; // serialises numbering so two items never take the same 督〔年〕号

/** The item in `status`, or a clear refusal naming the current state. Changes nothing. */
export function requireItemStatus(item: ItemRow, allowed: ItemRow['status'][], action: string): void {
  if (!allowed.includes(item.status)) {
    throw new AppError('INVALID_STATE', `当前状态「${ITEM_STATUSES[item.status]}」不能${action}`, {
      status: item.status,
    });
  }
}

export async function loadItem(trx: Executor, id: number): Promise<ItemRow> {
  const item = await findItem(trx, id);
  if (!item) throw notFound('督办事项');
  return item;
}

/** 责任领导 answers for the item and is escalated to when it runs late, so only a leader may be named. */
async function requireLeader(trx: Executor, userId: number | null): Promise<void> {
  if (userId === null || (await rolesOf(trx, userId)).includes('leader')) return;
  const user = await findUserById(trx, userId);
  throw new AppError('LEADER_ROLE_REQUIRED', `责任领导：${user?.name ?? userId} 不具有领导角色，请选择领导`, {
    field: 'responsibleLeaderId',
  });
}

/** 立项: a numbered draft. Sub-items (任务分解) name their parent. */
export async function createItem(trx: Executor, ctx: Ctx, input: ItemInput): Promise<number> {
  mayRunSupervision(ctx.actor, '立项');
  if (input.deadline && input.workingDays)
    throw new AppError('VALIDATION_FAILED', '办理时限：日期与工作日数只能填一项', { field: 'deadline' });
  if (input.parentId) await loadItem(trx, input.parentId);
  for (const userId of [input.responsibleLeaderId, ...(input.watcherIds ?? [])]) {
    if (userId !== null && !(await findUserById(trx, userId)))
      throw new AppError('VALIDATION_FAILED', `责任领导或关注领导：用户 ${userId} 不存在`, {
        field: 'responsibleLeaderId',
      });
  }
  await requireLeader(trx, input.responsibleLeaderId);
  await holdAuditChain(trx);
  await serialLock(trx, NUMBER_LOCK);
  const settings = await getSupervisionSettings(trx);
  const year = Number(beijingDate(ctx.clock.now()).slice(0, 4));
  const seq = (await maxSeq(trx, year)) + 1;
  const at = nowIso(ctx);
  const id = await insertItem(trx, {
    year,
    seq,
    number: formatNumber(settings.numberFormat, year, seq),
    title: input.title,
    requirements: input.requirements,
    source_type: input.sourceType,
    source_ref: JSON.stringify(input.sourceRef),
    urgency: input.urgency,
    difficult: input.difficult ? 1 : 0,
    responsible_leader_id: input.responsibleLeaderId,
    parent_id: input.parentId ?? null,
    status: 'draft',
    deadline: input.standing ? null : (input.deadline ?? null),
    working_days: input.standing ? null : (input.workingDays ?? null),
    feedback_cycle: input.feedbackCycle,
    standing: input.standing ? 1 : 0,
    tags: JSON.stringify(input.tags ?? []),
    created_by: ctx.actor?.id ?? 0,
    return_reason: null,
    created_at: at,
    updated_at: at,
    closed_at: null,
  });
  await setWatchers(trx, id, input.watcherIds ?? []);
  await recordStep(trx, ctx, {
    itemId: id,
    kind: 'create',
    summary: `立项：${input.title}`,
    changes: { title: input.title, sourceType: input.sourceType },
  });
  return id;
}

async function move(
  trx: Executor,
  ctx: Ctx,
  item: ItemRow,
  version: number,
  to: ItemRow['status'],
  extra: Partial<ItemRow> = {},
): Promise<void> {
  if (!(await updateItemVersioned(trx, item.id, version, { status: to, updated_at: nowIso(ctx), ...extra })))
    throw stale();
}

export async function submitItem(trx: Executor, ctx: Ctx, id: number, version: number): Promise<void> {
  mayRunSupervision(ctx.actor, '提交审批');
  const item = await loadItem(trx, id);
  requireItemStatus(item, ['draft'], '提交审批');
  await move(trx, ctx, item, version, 'pending_approval', { return_reason: null });
  await recordStep(trx, ctx, { itemId: id, kind: 'submit', summary: '提交审批' });
}

export async function approveItem(trx: Executor, ctx: Ctx, id: number, version: number): Promise<void> {
  mayApproveItem(ctx.actor);
  const item = await loadItem(trx, id);
  requireItemStatus(item, ['pending_approval'], '审批');
  await move(trx, ctx, item, version, 'approved');
  await recordStep(trx, ctx, { itemId: id, kind: 'approve', summary: '审批同意' });
}

export async function returnItem(
  trx: Executor,
  ctx: Ctx,
  id: number,
  version: number,
  reason: string,
): Promise<void> {
  mayApproveItem(ctx.actor);
  const item = await loadItem(trx, id);
  requireItemStatus(item, ['pending_approval'], '退回');
  await move(trx, ctx, item, version, 'draft', { return_reason: reason });
  await recordStep(trx, ctx, {
    itemId: id,
    kind: 'return',
    summary: `审批退回：${reason}`,
    changes: { reason },
  });
}

export interface AssignmentInput {
  departmentId: number;
  role: 'lead' | 'assist';
  deadline?: string | null | undefined;
  workingDays?: number | null | undefined;
  feedbackCycle?: FeedbackCycle | undefined;
}

/** 交办: one assignment per department, exactly one lead; deadlines counted on the working calendar. */
export async function assignItem(
  trx: Executor,
  ctx: Ctx,
  id: number,
  version: number,
  inputs: AssignmentInput[],
): Promise<{ warnings: string[] }> {
  mayRunSupervision(ctx.actor, '交办');
  const item = await loadItem(trx, id);
  requireItemStatus(item, ['approved'], '交办');
  if (inputs.filter((a) => a.role === 'lead').length !== 1)
    throw new AppError('VALIDATION_FAILED', '承办部门：须有且只有一个主办（牵头）部门', {
      field: 'assignments',
    });
  if (new Set(inputs.map((a) => a.departmentId)).size !== inputs.length)
    throw new AppError('VALIDATION_FAILED', '承办部门：同一部门不能重复交办', { field: 'assignments' });
  const known = new Set(
    (
      await departmentsByIds(
        trx,
        inputs.map((a) => a.departmentId),
      )
    ).map((d) => d.id),
  );
  const unknown = inputs.find((a) => !known.has(a.departmentId));
  if (unknown)
    throw new AppError('VALIDATION_FAILED', `承办部门：部门 ${unknown.departmentId} 不存在`, {
      field: 'assignments',
    });
  const settings = await getSupervisionSettings(trx);
  const calendar = await loadCalendar(trx);
  const today = beijingDate(ctx.clock.now());
  const at = nowIso(ctx);
  const warnings = new Set<string>();
  for (const input of inputs) {
    let deadline: string | null = null;
    if (!item.standing) {
      const fixed = input.deadline ?? (input.workingDays ? null : item.deadline);
      const days =
        input.workingDays ??
        item.working_days ??
        settings.limits[item.difficult ? 'difficult' : item.urgency];
      if (fixed) deadline = fixed;
      else {
        const counted = calendar.addWorkingDays(today, days);
        deadline = counted.date;
        for (const y of counted.unconfirmedYears)
          warnings.add(`${y} 年的节假日安排尚未公布或录入，截止日期 ${counted.date} 按普通周末计算`);
      }
      if (deadline < today)
        throw new AppError('VALIDATION_FAILED', `办理时限：${deadline} 早于今天`, { field: 'deadline' });
    }
    await insertAssignment(trx, {
      item_id: id,
      department_id: input.departmentId,
      role: input.role,
      status: 'assigned',
      accountable_user_id: null,
      deadline,
      feedback_cycle: input.feedbackCycle ?? item.feedback_cycle,
      assigned_at: at,
      acknowledged_at: null,
      completion_evidence: null,
      completion_requested_at: null,
      return_reason: null,
      closed_at: null,
      closed_on_time: null,
      updated_at: at,
      source_type: item.source_type,
      standing: item.standing,
    });
  }
  await move(trx, ctx, item, version, 'assigned');
  await recordStep(trx, ctx, {
    itemId: id,
    kind: 'assign',
    summary: `交办 ${inputs.length} 个部门`,
    changes: { departments: inputs.map((a) => a.departmentId) },
  });
  return { warnings: [...warnings] };
}

export async function suspendItem(
  trx: Executor,
  ctx: Ctx,
  id: number,
  version: number,
  reason: string,
): Promise<void> {
  mayRunSupervision(ctx.actor, '中止');
  const item = await loadItem(trx, id);
  requireItemStatus(item, ['assigned', 'approved'], '中止');
  await move(trx, ctx, item, version, 'suspended');
  const suspended = { status: 'suspended' as const, feedback_owed_start: null, feedback_owed_end: null };
  await updateAssignmentsOfItem(trx, id, { ...suspended, updated_at: nowIso(ctx) }, [
    'assigned',
    'acknowledged',
    'completion_requested',
    'completion_approved',
    'leader_read',
  ]);
  await recordStep(trx, ctx, {
    itemId: id,
    kind: 'suspend',
    summary: `中止：${reason}`,
    changes: { reason },
  });
}

/** Reopen on a new 批示: the item and its assignments run again with a new deadline. */
export async function reopenItem(
  trx: Executor,
  ctx: Ctx,
  id: number,
  version: number,
  instruction: string,
  deadline: string | null,
): Promise<void> {
  mayRunSupervision(ctx.actor, '重新启动');
  const item = await loadItem(trx, id);
  requireItemStatus(item, ['closed', 'suspended'], '重新启动');
  const today = beijingDate(ctx.clock.now());
  if (deadline !== null && deadline < today) throw invalid('新的办理时限', `${deadline} 早于今天`);
  const assignments = await assignmentsOf(trx, [id]);
  // Keeping a deadline that has passed would reopen the item red, overdue the moment it runs again.
  const lapsed = assignments.find((a) => a.deadline !== null && a.deadline < today);
  if (deadline === null && item.standing === 0 && lapsed)
    throw invalid('新的办理时限', `原办理时限 ${lapsed.deadline} 已过，请填写新的办理时限`);
  const ref = JSON.parse(item.source_ref) as Record<string, unknown>;
  const reopenings: unknown[] = Array.isArray(ref.reopenings) ? (ref.reopenings as unknown[]) : [];
  const at = nowIso(ctx);
  await move(trx, ctx, item, version, 'assigned', {
    source_ref: JSON.stringify({ ...ref, reopenings: [...reopenings, { at, instruction }] }),
    closed_at: null,
  });
  for (const a of assignments) {
    const signed = a.accountable_user_id !== null;
    const reopened = {
      status: signed ? ('acknowledged' as const) : ('assigned' as const),
      // Feedback is owed from here on (owed-periods.ts counts from acknowledged_at): the stretch while
      // closed or suspended owed none, and counting from the first signing made it all late at once.
      acknowledged_at: signed ? at : null,
      deadline: deadline ?? a.deadline,
      closed_at: null,
      closed_on_time: null,
      updated_at: at,
    };
    if (!(await updateAssignmentVersioned(trx, a.id, a.version, reopened))) throw stale();
    await refreshOwedPeriod(trx, a.id);
  }
  await recordStep(trx, ctx, {
    itemId: id,
    kind: 'reopen',
    summary: `根据新批示重新启动：${instruction}`,
    changes: { instruction, deadline },
  });
}
