import ExcelJS from 'exceljs';
import type { Ctx } from '../../../platform/context.js';
import type { Db } from '../../../platform/db/schema.js';
import { AppError } from '../../../platform/http/errors.js';
import { recordAudit } from '../../audit/index.js';
import { listDepartments } from '../../identity/index.js';
import { ITEM_STATUSES, SOURCE_TYPES, URGENCIES } from '../labels.js';
import { LIGHT_LABELS, type Light } from '../lights.js';
import { listVisibleItems, type ItemListFilter, type ItemSummary } from '../views.js';
import { styleHeader } from './template.js';

/** Above this an export is a data dump, not a ledger: it would hold the process for long and run to tens of MB. */
export const EXPORT_LIMIT = 50_000;
/** Pages small enough that the per-page `in (…)` lists stay far below SQLite's and PostgreSQL's parameter limits. */
const PAGE = 500;

export type ExportFilter = Omit<ItemListFilter, 'page' | 'pageSize'>;

const LIGHT_FILL: Partial<Record<Light, string>> = {
  red: 'FFFF7875',
  yellow: 'FFFFD666',
  green: 'FF95DE64',
  closed_late: 'FFFFD8BF',
};

/** Every item of the filter the caller may see, page by page, as GET /api/items shows them. */
async function collect(db: Db, ctx: Ctx, filter: ExportFilter): Promise<ItemSummary[]> {
  const seen = new Set<number>();
  const items: ItemSummary[] = [];
  for (let page = 1; ; page++) {
    const result = await listVisibleItems(db, ctx, { ...filter, page, pageSize: PAGE });
    if (result.total > EXPORT_LIMIT)
      throw new AppError(
        'VALIDATION_FAILED',
        `导出：符合条件的事项共 ${result.total} 条，超过单次导出上限 ${EXPORT_LIMIT} 条，请缩小筛选范围（如按立项时间分段导出）`,
      );
    // Items created while paging push older ones onto the next page; the id set keeps each once.
    for (const item of result.items) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      items.push(item);
    }
    if (page * PAGE >= result.total) return items;
  }
}

const COLUMNS: { header: string; width: number }[] = [
  { header: '序号', width: 6 },
  { header: '编号', width: 16 },
  { header: '标题', width: 40 },
  { header: '来源类型', width: 14 },
  { header: '紧急程度', width: 10 },
  { header: '状态', width: 10 },
  { header: '红黄绿灯', width: 10 },
  { header: '责任领导', width: 12 },
  { header: '主办部门', width: 24 },
  { header: '协办部门', width: 30 },
  { header: '办理时限', width: 14 },
  { header: '立项时间', width: 18 },
];

/** Beijing wall-clock time of an ISO instant, as people read it in a ledger. */
const beijingTime = (iso: string) =>
  new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

async function workbookOf(db: Db, items: readonly ItemSummary[]): Promise<Buffer> {
  const names = new Map((await listDepartments(db)).map((d) => [d.id, d.name]));
  const departments = (item: ItemSummary, role: string) =>
    item.departments
      .filter((d) => d.role === role)
      .map((d) => names.get(d.departmentId) ?? String(d.departmentId))
      .join('、');
  const book = new ExcelJS.Workbook();
  book.creator = '落实';
  const sheet = book.addWorksheet('督办事项台账', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS;
  styleHeader(sheet.getRow(1));
  items.forEach((item, index) => {
    const row = sheet.addRow([
      index + 1,
      item.number,
      item.title,
      SOURCE_TYPES[item.sourceType as keyof typeof SOURCE_TYPES] ?? item.sourceType,
      URGENCIES[item.urgency],
      ITEM_STATUSES[item.status],
      LIGHT_LABELS[item.light],
      item.responsibleLeader?.name ?? '',
      departments(item, 'lead'),
      departments(item, 'assist'),
      item.standing ? '长期坚持' : (item.deadline ?? ''),
      beijingTime(item.createdAt),
    ]);
    row.alignment = { vertical: 'top', wrapText: true };
    const fill = LIGHT_FILL[item.light];
    if (fill) row.getCell(7).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The filtered list as an .xlsx 台账; taking data out of the system is audited as 'export'. */
export async function exportLedger(
  db: Db,
  ctx: Ctx,
  filter: ExportFilter,
): Promise<{ buffer: Buffer; rows: number }> {
  const items = await collect(db, ctx, filter);
  const buffer = await workbookOf(db, items);
  await db.transaction().execute((trx) =>
    recordAudit(trx, ctx, {
      action: 'export',
      objectType: 'item',
      changes: { what: 'ledger', filter, rows: items.length },
    }),
  );
  return { buffer, rows: items.length };
}
