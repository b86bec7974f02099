import { CIRCULAR_STATUSES } from '../../../../../shared/src/supervision.js';
import type { Db, Executor } from '../../../platform/db/schema.js';
import { nowIso, type Ctx } from '../../../platform/context.js';
import { AppError, notFound, stale } from '../../../platform/http/errors.js';
import { diff, recordAudit } from '../../audit/index.js';
import { beijingDate } from '../../calendar/index.js';
import { departmentsByIds } from '../../identity/index.js';
import { mayUseSupervision, seesAllItems } from '../policy.js';
import { chosenPeriod, type ReportPeriod } from './period.js';
import { mayManageCirculars, mayViewCircular } from './policy.js';
import {
  findCircular,
  insertCircular,
  latestHeader,
  listCirculars,
  scopeOf,
  updateCircularVersioned,
  type CircularFilter,
  type CircularRow,
} from './repository.js';
import { computeStats, type CircularStats } from './stats.js';
import type { CircularStatus, CircularTable } from './tables.js';
import { DEFAULT_CLOSING, DEFAULT_RECIPIENTS, defaultLead, defaultTitle } from './text.js';

export interface GenerateInput {
  kind: CircularTable['kind'];
  /** Any day of the period; without it, the last complete period. */
  date?: string | undefined;
  /** null or absent: the whole organisation. */
  departmentIds?: number[] | null | undefined;
  sourceType?: string | null | undefined;
}

/** The covering text a supervisor edits; the statistics are never edited by hand. */
export interface CoveringText {
  title: string;
  organName: string;
  docNumber: string | null;
  recipients: string;
  lead: string[];
  closing: string[];
  issuer: string;
  issuedOn: string;
  printedBy: string;
  printedOn: string;
}

export interface LoadedCircular {
  row: CircularRow;
  scope: number[];
}

/** The circular, if the actor may read it; otherwise it does not exist for them. */
export async function loadCircular(db: Executor, ctx: Ctx, id: number): Promise<LoadedCircular> {
  const row = await findCircular(db, id);
  if (!row) throw notFound('通报');
  const scope = await scopeOf(db, id);
  mayViewCircular(ctx.actor, row, scope);
  return { row, scope };
}

/** What a new draft is made of: its period, scope and statistics, computed before it is saved. */
export interface PreparedCircular {
  input: GenerateInput;
  period: ReportPeriod;
  departmentIds: number[] | null;
  sourceType: string | null;
  stats: CircularStats;
  office: string | null;
}

/**
 * 生成, first half: check, choose the period and compute the statistics. This reads outside the write
 * transaction on purpose — on SQLite a transaction holds the database's only write lock, and the
 * aggregates are the slow part.
 */
export async function prepareCircular(
  db: Executor,
  ctx: Ctx,
  input: GenerateInput,
): Promise<PreparedCircular> {
  const actor = mayManageCirculars(ctx.actor, '生成通报');
  const today = beijingDate(ctx.clock.now());
  const period = chosenPeriod(input.kind, input.date, today);
  if (period.start > today)
    throw new AppError('VALIDATION_FAILED', `统计期间：${period.label}尚未开始`, { field: 'date' });
  const departmentIds = input.departmentIds?.length
    ? [...new Set(input.departmentIds)].sort((a, b) => a - b)
    : null;
  // Only the named departments and the office's own are read: an organisation may have thousands.
  const departments = await departmentsByIds(db, [
    ...(departmentIds ?? []),
    ...(actor.departmentId === null ? [] : [actor.departmentId]),
  ]);
  const known = new Set(departments.map((d) => d.id));
  const unknown = departmentIds?.find((id) => !known.has(id));
  if (unknown !== undefined)
    throw new AppError('VALIDATION_FAILED', `通报范围：部门 ${unknown} 不存在`, { field: 'departmentIds' });
  const sourceType = input.sourceType ?? null;
  const stats = await computeStats(db, { departmentIds, sourceType }, period, today);
  const office = departments.find((d) => d.id === actor.departmentId)?.name ?? null;
  return { input, period, departmentIds, sourceType, stats, office };
}

/** 生成, second half: save the draft with the office's usual header (from its latest circular). */
export async function saveCircular(trx: Executor, ctx: Ctx, prepared: PreparedCircular): Promise<number> {
  const actor = mayManageCirculars(ctx.actor, '生成通报');
  const { input, period, departmentIds, sourceType } = prepared;
  const header = await latestHeader(trx);
  const organName = header?.organ_name ?? prepared.office ?? '督查室';
  const today = beijingDate(ctx.clock.now());
  const at = nowIso(ctx);
  const id = await insertCircular(
    trx,
    {
      kind: input.kind,
      period_start: period.start,
      period_end: period.end,
      status: 'draft',
      scope_all: departmentIds ? 0 : 1,
      source_type: sourceType,
      title: defaultTitle(period, sourceType),
      organ_name: organName,
      doc_number: null,
      recipients: header?.recipients ?? DEFAULT_RECIPIENTS,
      lead_text: JSON.stringify(defaultLead(period, sourceType)),
      closing_text: JSON.stringify(DEFAULT_CLOSING),
      issuer: header?.issuer ?? organName,
      issued_on: today,
      printed_by: header?.printed_by ?? organName,
      printed_on: today,
      stats: JSON.stringify(prepared.stats),
      generated_at: at,
      created_by: actor.id,
      published_at: null,
      published_by: null,
      archived_at: null,
      created_at: at,
      updated_at: at,
    },
    departmentIds ?? [],
  );
  await recordAudit(trx, ctx, {
    action: 'circular.generate',
    objectType: 'circular',
    objectId: id,
    changes: { kind: input.kind, period: period.label, departmentIds, sourceType },
  });
  return id;
}

export const coveringTextOf = (row: CircularRow): CoveringText => ({
  title: row.title,
  organName: row.organ_name,
  docNumber: row.doc_number,
  recipients: row.recipients,
  lead: JSON.parse(row.lead_text) as string[],
  closing: JSON.parse(row.closing_text) as string[],
  issuer: row.issuer,
  issuedOn: row.issued_on,
  printedBy: row.printed_by,
  printedOn: row.printed_on,
});

function requireStatus(row: CircularRow, status: CircularStatus, what: string): void {
  if (row.status !== status)
    throw new AppError('INVALID_STATE', `当前状态「${CIRCULAR_STATUSES[row.status]}」不能${what}`, {
      status: row.status,
    });
}

/** Edit the covering text of a draft; a stale version changes nothing (409). */
export async function editCircular(
  trx: Executor,
  ctx: Ctx,
  id: number,
  version: number,
  changes: Partial<CoveringText>,
): Promise<void> {
  mayManageCirculars(ctx.actor, '修改通报');
  const { row } = await loadCircular(trx, ctx, id);
  requireStatus(row, 'draft', '修改');
  const next = { ...coveringTextOf(row), ...changes };
  const ok = await updateCircularVersioned(trx, id, version, 'draft', {
    title: next.title,
    organ_name: next.organName,
    doc_number: next.docNumber,
    recipients: next.recipients,
    lead_text: JSON.stringify(next.lead),
    closing_text: JSON.stringify(next.closing),
    issuer: next.issuer,
    issued_on: next.issuedOn,
    printed_by: next.printedBy,
    printed_on: next.printedOn,
    updated_at: nowIso(ctx),
  });
  if (!ok) throw stale();
  await recordAudit(trx, ctx, {
    action: 'circular.update',
    objectType: 'circular',
    objectId: id,
    changes: diff(coveringTextOf(row) as unknown as Record<string, unknown>, changes),
  });
}

/** 印发 (the departments in scope can read it from now on) and 归档. */
export async function moveCircular(
  trx: Executor,
  ctx: Ctx,
  id: number,
  version: number,
  to: 'published' | 'archived',
): Promise<void> {
  const what = to === 'published' ? '印发通报' : '归档通报';
  const actor = mayManageCirculars(ctx.actor, what);
  const { row } = await loadCircular(trx, ctx, id);
  const from = to === 'published' ? 'draft' : 'published';
  requireStatus(row, from, to === 'published' ? '印发' : '归档');
  const at = nowIso(ctx);
  const ok = await updateCircularVersioned(trx, id, version, from, {
    status: to,
    updated_at: at,
    ...(to === 'published' ? { published_at: at, published_by: actor.id } : { archived_at: at }),
  });
  if (!ok) throw stale();
  await recordAudit(trx, ctx, {
    action: to === 'published' ? 'circular.publish' : 'circular.archive',
    objectType: 'circular',
    objectId: id,
    changes: { from, to },
  });
}

export async function listVisibleCirculars(
  db: Db,
  ctx: Ctx,
  filter: Omit<CircularFilter, 'readableByDepartment'>,
) {
  const actor = mayUseSupervision(ctx.actor);
  return listCirculars(db, {
    ...filter,
    ...(seesAllItems(actor) ? {} : { readableByDepartment: actor.departmentId }),
  });
}

/** Taking a circular out of the system as a file is an event of its own in the trail. */
export async function recordExport(db: Db, ctx: Ctx, id: number, format: 'docx' | 'xlsx'): Promise<void> {
  await db
    .transaction()
    .execute((trx) =>
      recordAudit(trx, ctx, { action: 'export', objectType: 'circular', objectId: id, changes: { format } }),
    );
}
