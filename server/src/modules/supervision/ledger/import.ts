import { createHash } from 'node:crypto';
import type { Actor, Ctx } from '../../../platform/context.js';
import type { Executor } from '../../../platform/db/schema.js';
import { AppError } from '../../../platform/http/errors.js';
import { recordAudit } from '../../audit/index.js';
import { beijingDate } from '../../calendar/index.js';
import { approveItem, assignItem, createItem, loadItem, submitItem } from '../item-flow.js';
import { mayApproveItem, mayRunSupervision } from '../policy.js';
import { recordStep } from '../steps.js';
import { previewOf, type ImportResult } from './presenter.js';
import type { LedgerIssue, RawRow } from './read.js';
import { loadLookups, validateRows, type LedgerRow } from './validate.js';

/** Enough to fix a file in one round; a file wrong in every cell would otherwise answer megabytes. */
const MAX_REPORTED = 1000;

/** 导入台账 is 立项 in bulk: the supervision office's work; going straight to 交办 also needs the right to approve. */
export function mayImportLedger(actor: Actor | null, assign: boolean): void {
  mayRunSupervision(actor, '导入台账');
  if (assign) mayApproveItem(actor);
}

function rejected(issues: LedgerIssue[]): AppError {
  const rows = new Set(issues.map((i) => i.row)).size;
  const shown = issues.length > MAX_REPORTED ? `，以下列出前 ${MAX_REPORTED} 处` : '';
  return new AppError(
    'VALIDATION_FAILED',
    `台账有 ${issues.length} 处错误（涉及 ${rows} 行）${shown}，未导入任何事项，请修改后重新导入`,
    { errors: issues.slice(0, MAX_REPORTED), total: issues.length },
  );
}

/** Every row checked against the organisation as it stands; any problem rejects the whole file. */
export async function checkLedger(db: Executor, ctx: Ctx, raw: readonly RawRow[]): Promise<LedgerRow[]> {
  const lookups = await loadLookups(db, raw, beijingDate(ctx.clock.now()));
  const { rows, issues } = validateRows(raw, lookups);
  if (issues.length > 0) throw rejected(issues);
  return rows;
}

export function dryRunResult(rows: readonly LedgerRow[]): ImportResult {
  return { dryRun: true, count: rows.length, rows: rows.map((r) => previewOf(r, null)), warnings: [] };
}

/** 立项, then optionally 提交 → 审批 → 交办, for one row; a refusal names the row it came from. */
async function importRow(
  trx: Executor,
  ctx: Ctx,
  row: LedgerRow,
  assign: boolean,
  warnings: Set<string>,
): Promise<number> {
  try {
    const id = await createItem(trx, ctx, row.input);
    const plan = [`${row.lead.name}（主办）`, ...row.assists.map((a) => `${a.name}（协办）`)].join('、');
    if (!assign) {
      // A draft has no assignments yet; the timeline keeps the ledger's departments for the 交办 step.
      await recordStep(trx, ctx, {
        itemId: id,
        kind: 'import',
        summary: `由台账第 ${row.row} 行导入，拟交办：${plan}`,
        changes: { row: row.row, lead: row.lead.id, assists: row.assists.map((a) => a.id) },
      });
      return id;
    }
    await submitItem(trx, ctx, id, (await loadItem(trx, id)).version);
    await approveItem(trx, ctx, id, (await loadItem(trx, id)).version);
    const assigned = await assignItem(trx, ctx, id, (await loadItem(trx, id)).version, [
      { departmentId: row.lead.id, role: 'lead' },
      ...row.assists.map((a) => ({ departmentId: a.id, role: 'assist' as const })),
    ]);
    for (const w of assigned.warnings) warnings.add(w);
    return id;
  } catch (error) {
    if (error instanceof AppError && error.code === 'VALIDATION_FAILED')
      throw rejected([{ row: row.row, column: '', message: error.message }]);
    throw error;
  }
}

/** Import every row in the caller's one transaction, with one audit row summarising the file. */
export async function importLedger(
  trx: Executor,
  ctx: Ctx,
  raw: readonly RawRow[],
  file: Buffer,
  assign: boolean,
): Promise<ImportResult> {
  mayImportLedger(ctx.actor, assign);
  const rows = await checkLedger(trx, ctx, raw);
  const warnings = new Set<string>();
  const out: ImportResult['rows'] = [];
  for (const row of rows) {
    const item = await loadItem(trx, await importRow(trx, ctx, row, assign, warnings));
    out.push(previewOf(row, { id: item.id, number: item.number, status: item.status }));
  }
  await recordAudit(trx, ctx, {
    action: 'supervision.ledger.import',
    objectType: 'ledger',
    changes: {
      file: createHash('sm3').update(file).digest('hex'),
      rows: rows.length,
      assign,
      items: out.map((r) => r.item?.id),
      numbers: out.map((r) => r.item?.number),
    },
  });
  return { dryRun: false, count: out.length, rows: out, warnings: [...warnings] };
}
