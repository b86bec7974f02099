import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import mammoth from 'mammoth';
import type { TestApp } from '../../../../test-support/app.js';
import type { TestClient } from '../../../../test-support/client.js';
import { PASSWORD, type TestOrg } from '../../../../test-support/org.js';
import { createUser } from '../../../identity/index.js';
import { LEDGER_COLUMNS, LEDGER_SHEET } from '../columns.js';
import { XLSX } from '../routes.js';

export interface ImportBody {
  dryRun: boolean;
  count: number;
  rows: { row: number; title: string; item: { id: number; number: string; status: string } | null }[];
}

/** The head of the supervision office: a supervisor who may also approve, so may import straight to 交办. */
export async function addChief(t: TestApp, org: TestOrg): Promise<void> {
  await t.deps.db.transaction().execute((trx) =>
    createUser(trx, t.ctx(), {
      login: 'chief',
      name: '督查室主任',
      departmentId: org.departments.office,
      roles: ['supervisor', 'department_head'],
      password: PASSWORD,
    }),
  );
}

/** A ledger row keyed by the Chinese column headers, as people fill the sheet. */
export type LedgerCells = Partial<Record<string, string | number | Date>>;

/** A 台账 as Excel would save it: the headers in row 1, then one row per item. */
export async function ledgerFile(
  rows: readonly LedgerCells[],
  book = new ExcelJS.Workbook(),
): Promise<Buffer> {
  const sheet = book.getWorksheet(LEDGER_SHEET) ?? book.addWorksheet(LEDGER_SHEET);
  const headers = LEDGER_COLUMNS.map((c) => c.header);
  if (sheet.rowCount === 0) sheet.addRow(headers);
  for (const cells of rows) sheet.addRow(headers.map((h) => cells[h] ?? null));
  return Buffer.from(await book.xlsx.writeBuffer());
}

export async function readBook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

export function upload(client: TestClient, file: Buffer, query = '', headers: Record<string, string> = {}) {
  return client.post(`/api/ledger/import${query}`, file, { 'content-type': XLSX, ...headers });
}

/** A valid row; tests override the cells they are about. */
export const goodRow = (title: string, extra: LedgerCells = {}): LedgerCells => ({
  标题: title,
  办理要求: '认真研究，抓好落实，按时反馈办理情况。',
  来源类型: '领导批示',
  来源说明: '陈志刚同志批示：请办公室牵头督办落实。',
  紧急程度: '急件',
  责任领导登录名: 'leader',
  主办部门编码: 'jd1',
  反馈周期: '每周',
  ...extra,
});

/** Four valid rows, one of each kind of time limit: a date, working days, 长期坚持, a Chinese-written date. */
export const fourItemLedger = () =>
  ledgerFile([
    goodRow('关于加强机关作风建设的批示', {
      办理时限: new Date(Date.UTC(2026, 5, 30)),
      标签: '作风建设、重点工作',
    }),
    goodRow('关于推进清廉机关建设的会议议定', {
      来源类型: '会议议定',
      来源说明: '2026年第3次常委会会议',
      紧急程度: '一般',
      责任领导登录名: undefined,
      协办部门编码: 'jd2',
      工作日数: 10,
      反馈周期: '每月',
    }),
    goodRow('全面从严治党主体责任', {
      来源类型: '年度重点任务',
      长期坚持: '是',
      反馈周期: '每季度',
      主办部门编码: 'jd2',
      协办部门编码: 'jd1,office',
    }),
    goodRow('落实上级交办的信访件', {
      来源类型: '上级交办',
      来源说明: '省纪委办〔2026〕8号',
      紧急程度: '特急',
      办理时限: '2026年4月15日',
      反馈周期: '一次性',
    }),
  ]);

/** The text of a .docx, after checking it is one (a zip Word can open). */
export async function docxText(res: LightMyRequestResponse): Promise<string> {
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(
    res.headers['content-type'],
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  );
  assert.match(
    String(res.headers['content-disposition']),
    /^attachment; filename=".+\.docx"; filename\*=UTF-8''/,
  );
  const bytes = res.rawPayload;
  assert.equal(bytes.subarray(0, 4).toString('hex'), '504b0304', 'a zip file');
  return (await mammoth.extractRawText({ buffer: bytes })).value;
}
