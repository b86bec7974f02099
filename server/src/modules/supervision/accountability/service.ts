import type { Db, Executor } from '../../../platform/db/schema.js';
import { nowIso, type Ctx } from '../../../platform/context.js';
import { AppError, notFound, stale } from '../../../platform/http/errors.js';
import { recordAudit } from '../../audit/index.js';
import { beijingDate } from '../../calendar/index.js';
import { findUserById } from '../../identity/index.js';
import { findAssignment, type AssignmentRow } from '../assignments-repository.js';
import { mayUseSupervision, seesAllItems } from '../policy.js';
import { ACCOUNTABILITY_STATUSES } from './labels.js';
import { mayDecideAccountability, mayReportRectification, mayViewAccountability } from './policy.js';
import {
  countReturns,
  findRecord,
  insertRecord,
  isDecider,
  listRecords,
  updateRecordVersioned,
  type RecordFilter,
  type RecordRow,
} from './repository.js';
import type { AccountabilityRecordTable, AccountabilityStatus } from './tables.js';

export interface AccountabilityInput {
  assignmentId: number;
  kind: AccountabilityRecordTable['kind'];
  reason: string;
  /** Default: the assignment's accountable person (首问责任人). */
  responsibleUserId?: number | undefined;
  /** Default: the person recording it; otherwise a leader or supervisor who decided. */
  decidedById?: number | undefined;
  /** Default: today. */
  decidedOn?: string | undefined;
}

export async function loadRecord(db: Executor, ctx: Ctx, id: number): Promise<RecordRow> {
  const record = await findRecord(db, id);
  if (!record) throw notFound('责任追究记录');
  mayViewAccountability(ctx.actor, record);
  return record;
}

/** Only an overdue assignment, one closed late, or one returned at review can give rise to accountability. */
async function basisOf(
  trx: Executor,
  a: AssignmentRow,
  today: string,
): Promise<AccountabilityRecordTable['basis']> {
  const open = a.status !== 'closed' && a.status !== 'suspended';
  if (open && a.deadline !== null && today > a.deadline) return 'overdue';
  if (a.closed_on_time === 0) return 'closed_late';
  if ((await countReturns(trx, a.id)) > 0) return 'returned';
  throw new AppError('INVALID_STATE', '该承办任务未逾期，也未被审核退回，不能启动责任追究');
}

const invalidField = (field: string, message: string) =>
  new AppError('VALIDATION_FAILED', message, { field });

export async function createAccountability(
  trx: Executor,
  ctx: Ctx,
  input: AccountabilityInput,
): Promise<number> {
  const actor = mayDecideAccountability(ctx.actor, '启动责任追究');
  const assignment = await findAssignment(trx, input.assignmentId);
  if (!assignment) throw notFound('承办任务');
  const today = beijingDate(ctx.clock.now());
  const basis = await basisOf(trx, assignment, today);

  const responsibleId = input.responsibleUserId ?? assignment.accountable_user_id;
  if (responsibleId === null) throw invalidField('responsibleUserId', '责任人：该任务尚未签收，请指定责任人');
  const responsible = await findUserById(trx, responsibleId);
  if (!responsible || responsible.department_id !== assignment.department_id)
    throw invalidField('responsibleUserId', '责任人：须为承办部门人员');
  const decidedBy = input.decidedById ?? actor.id;
  if (!(await isDecider(trx, decidedBy))) throw invalidField('decidedById', '决定人：须为领导或督查员');
  const decidedOn = input.decidedOn ?? today;
  if (decidedOn > today) throw invalidField('decidedOn', '决定日期：不能晚于今天');

  const at = nowIso(ctx);
  const id = await insertRecord(trx, {
    assignment_id: assignment.id,
    item_id: assignment.item_id,
    department_id: assignment.department_id,
    basis,
    kind: input.kind,
    reason: input.reason,
    responsible_user_id: responsibleId,
    decided_by: decidedBy,
    decided_on: decidedOn,
    status: 'open',
    rectification_note: null,
    closing_note: null,
    closed_by: null,
    closed_at: null,
    created_by: actor.id,
    created_at: at,
    updated_at: at,
  });
  await recordAudit(trx, ctx, {
    action: 'accountability.create',
    objectType: 'accountability',
    objectId: id,
    changes: { assignmentId: assignment.id, basis, kind: input.kind, responsibleId, decidedBy, decidedOn },
  });
  return id;
}

function requireStatus(record: RecordRow, status: AccountabilityStatus, what: string): void {
  if (record.status !== status)
    throw new AppError('INVALID_STATE', `当前状态「${ACCOUNTABILITY_STATUSES[record.status]}」不能${what}`, {
      status: record.status,
    });
}

/** 整改: the department reports what it has done; the record moves from open to rectifying. */
export async function reportRectification(
  trx: Executor,
  ctx: Ctx,
  id: number,
  version: number,
  note: string,
): Promise<void> {
  const record = await loadRecord(trx, ctx, id);
  mayReportRectification(mayUseSupervision(ctx.actor), record);
  requireStatus(record, 'open', '报送整改情况');
  const ok = await updateRecordVersioned(trx, id, version, 'open', {
    status: 'rectifying',
    rectification_note: note,
    updated_at: nowIso(ctx),
  });
  if (!ok) throw stale();
  await recordAudit(trx, ctx, {
    action: 'accountability.rectify',
    objectType: 'accountability',
    objectId: id,
    changes: { from: 'open', to: 'rectifying', note },
  });
}

/** 结束: a leader or supervisor closes the record once the rectification is accepted, with a note. */
export async function closeAccountability(
  trx: Executor,
  ctx: Ctx,
  id: number,
  version: number,
  note: string,
): Promise<void> {
  const actor = mayDecideAccountability(ctx.actor, '结束责任追究');
  const record = await loadRecord(trx, ctx, id);
  requireStatus(record, 'rectifying', '结束');
  const at = nowIso(ctx);
  const ok = await updateRecordVersioned(trx, id, version, 'rectifying', {
    status: 'closed',
    closing_note: note,
    closed_by: actor.id,
    closed_at: at,
    updated_at: at,
  });
  if (!ok) throw stale();
  await recordAudit(trx, ctx, {
    action: 'accountability.close',
    objectType: 'accountability',
    objectId: id,
    changes: { from: 'rectifying', to: 'closed', note },
  });
}

/** Leaders and supervisors list every record; others the records of their own department. */
export function listVisibleRecords(db: Db, ctx: Ctx, filter: RecordFilter) {
  const actor = mayUseSupervision(ctx.actor);
  if (seesAllItems(actor)) return listRecords(db, filter);
  const own = actor.departmentId ?? -1;
  if (filter.departmentId !== undefined && filter.departmentId !== own) return { total: 0, rows: [] };
  return listRecords(db, { ...filter, departmentId: own });
}
