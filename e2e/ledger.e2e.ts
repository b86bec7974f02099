/**
 * Browser test of the 台账 page against the real server: a supervisor (duchayuan1) downloads the template,
 * uploads a ledger with errors and sees each one by row and column with nothing imported, uploads the
 * corrected file and sees the items created with links to them, then exports the item list as .xlsx.
 * Desktop and phone screenshots go to e2e/screenshots/.
 *
 * Run: node --import tsx --test e2e/ledger.e2e.ts
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { PHONE, expectHeading, shot, startStack, type Stack } from './harness.js';
import { People } from './supervision-helpers.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const SHEET = '督办事项';

let stack: Stack;
const people = new People(() => stack);
let template: Buffer;

before(async () => {
  stack = await startStack();
});

after(async () => {
  await people.close();
  await stack?.stop();
});

async function readBook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

/** Click a download button and read the file the browser saves. */
async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

/** The template, filled in as an office would: one row per item under the headers. */
async function filled(rows: Record<string, string | Date | undefined>[]): Promise<Buffer> {
  const book = await readBook(template);
  const sheet = book.getWorksheet(SHEET);
  assert.ok(sheet);
  const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  for (const row of rows) sheet.addRow(headers.map((h) => row[h] ?? null));
  return Buffer.from(await book.xlsx.writeBuffer());
}

const inDays = (days: number) => new Date(Date.UTC(new Date().getFullYear() + 1, 0, 1) + days * 86_400_000);

const row = (title: string | undefined, extra: Record<string, string | Date | undefined> = {}) => ({
  标题: title,
  办理要求: '认真研究，抓好落实，按时反馈办理情况。',
  来源类型: '会议议定',
  来源说明: '2026年第5次主任办公会议',
  紧急程度: '一般',
  责任领导登录名: 'leader2',
  主办部门编码: 'demo-jd1',
  反馈周期: '每月',
  ...extra,
});

const TITLES = [
  '台账导入：规范谈话函询工作',
  '台账导入：加强审查调查安全',
  '台账导入：清廉机关建设',
] as const;

async function itemTotal(page: Page): Promise<number> {
  const res = await page.request.get('/api/items?pageSize=1');
  assert.equal(res.status(), 200);
  return ((await res.json()) as { total: number }).total;
}

async function upload(page: Page, name: string, bytes: Buffer): Promise<void> {
  await page.locator('input[type=file]').setInputFiles({ name, mimeType: XLSX, buffer: bytes });
  await page.getByText(name).waitFor();
  await page.getByRole('button', { name: '检查并导入' }).click();
}

let errorFile: Buffer;

test('a supervisor opens 台账 from the menu and downloads the template', async () => {
  const page = await people.signIn('duchayuan1');
  await page.locator('.ant-layout-sider .ant-menu').getByRole('menuitem', { name: '台账导入导出' }).click();
  await page.waitForURL(`${stack.base}/ledger`);
  await expectHeading(page, '督办事项台账');
  const file = await download(page, '下载台账模板');
  assert.equal(file.name, '督办事项台账模板.xlsx');
  template = file.bytes;
  const book = await readBook(template);
  assert.deepEqual(
    book.worksheets.map((s) => s.name),
    [SHEET, '说明', '部门编码'],
  );
  await shot(page, 'ledger');
});

test('a ledger with errors shows every error by row and column, and imports nothing', async () => {
  const page = people.as('duchayuan1');
  const before = await itemTotal(page);
  errorFile = await filled([
    row(undefined),
    row(TITLES[1], { 主办部门编码: 'no-such-dept' }),
    row(TITLES[2], { 办理时限: '2026-02-30' }),
    row('这一行没有问题', { 办理时限: inDays(60) }),
  ]);
  await upload(page, '台账（有错误）.xlsx', errorFile);
  const errors = page.getByTestId('ledger-errors');
  await errors.waitFor();
  await page.getByText('台账有 3 处错误（涉及 3 行），未导入任何事项，请修改后重新导入').waitFor();
  const cells: string[][] = [];
  for (const tr of await errors.locator('tbody tr.ant-table-row').all())
    cells.push((await tr.locator('td').allInnerTexts()).map((t) => t.trim()));
  assert.deepEqual(cells, [
    ['2', '标题', '必填，不能为空'],
    ['3', '主办部门编码', '部门编码「no-such-dept」不存在'],
    ['4', '办理时限', '「2026-02-30」不是有效日期，应如 2026-06-30'],
  ]);
  assert.equal(await itemTotal(page), before, 'the item list is unchanged');
  await shot(page, 'ledger-errors', { fullPage: true });
});

test('on a phone the error list stays readable', async () => {
  const phone = await people.signIn('duchayuan2', PHONE);
  await phone.goto('/ledger');
  await expectHeading(phone, '督办事项台账');
  await upload(phone, '台账（有错误）.xlsx', errorFile);
  await phone.getByTestId('ledger-errors').waitFor();
  await shot(phone, 'ledger-errors-phone', { fullPage: true });
});

test('the corrected ledger imports every row, with links to the new items', async () => {
  const page = people.as('duchayuan1');
  const before = await itemTotal(page);
  const corrected = await filled([
    row(TITLES[0]),
    row(TITLES[1], { 主办部门编码: 'demo-jd2', 协办部门编码: 'demo-ajsl' }),
    row(TITLES[2], { 办理时限: inDays(60), 来源类型: '专项督查', 紧急程度: '急件' }),
  ]);
  await upload(page, '台账（已修改）.xlsx', corrected);
  const rows = page.getByTestId('ledger-rows');
  await rows.waitFor();
  await page.getByText('已导入 3 个督办事项。').waitFor();
  assert.equal(await itemTotal(page), before + 3);
  for (const title of TITLES) await rows.getByText(title).waitFor();
  await shot(page, 'ledger-imported', { fullPage: true });

  const link = rows.locator('tbody tr.ant-table-row').first().getByRole('link');
  const number = (await link.innerText()).trim();
  assert.match(number, /^督〔\d{4}〕\d+号$/);
  await link.click();
  await page.waitForURL(/\/supervision\/items\/\d+$/);
  await page.getByTestId('item-header').getByText(TITLES[0]).waitFor();
  await page.getByTestId('item-header').getByText(number).waitFor();
});

test('the phone shows the imported items too', async () => {
  const phone = people.as('duchayuan2');
  await phone.goto('/ledger');
  const corrected = await filled([row('台账导入：手机端导入的事项')]);
  await upload(phone, '手机导入.xlsx', corrected);
  await phone.getByTestId('ledger-rows').waitFor();
  await shot(phone, 'ledger-imported-phone', { fullPage: true });
});

test('the item list exports its filtered items as a 台账', async () => {
  const page = people.as('duchayuan1');
  await page.goto('/supervision/items?q=台账导入');
  await page.getByText(TITLES[2]).waitFor();
  const file = await download(page, '导出台账');
  assert.match(file.name, /^督办事项台账-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const sheet = (await readBook(file.bytes)).worksheets[0];
  assert.ok(sheet);
  const text = sheet
    .getSheetValues()
    .flat()
    .filter((v) => typeof v === 'string')
    .join(' ');
  for (const title of TITLES) assert.ok(text.includes(title), title);
  assert.ok(!text.includes('专项督查：违规吃喝'), 'only the filtered items');
  assert.deepEqual(people.failures, []);
});
