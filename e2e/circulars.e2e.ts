/**
 * Browser test of 督查通报, 责任追究 and 考核 against the real server. Data comes through the API: one item
 * assigned to 第一监督检查室, signed for, and its completion returned. A supervisor (duchayuan1) generates
 * this week's circular, edits its covering text with the proofreading panel, publishes and downloads it; the
 * department head (jd1_head) reads it but cannot edit. Then accountability for the returned assignment is
 * started by a leader, rectified by the department and closed by the supervisor; the leader reads the
 * month's scores. Screenshots (desktop and phone) go to e2e/screenshots/.
 *
 * Run: CHROMIUM_PATH=/usr/bin/chromium node --import tsx --test e2e/circulars.e2e.ts
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import {
  DESKTOP,
  LAPTOP,
  PHONE,
  choose,
  choosePreset,
  expectHeading,
  label,
  search,
  shot,
  startStack,
  type Stack,
  openedPopconfirm,
} from './harness.js';
import { call, returnedAssignment } from './circulars-helpers.js';
import { People } from './supervision-helpers.js';

/** A laptop screen, the smallest desktop the office uses. */
const ITEM = '规范公务接待管理专项整改';
const TYPO = '希望各部门列出问题清单,有针对性的加以改正。';

let stack: Stack;
const people = new People(() => stack);
const as = (login: string) => people.as(login);
let circularUrl = '';
let circularTitle = '';

before(async () => {
  stack = await startStack();
});

after(async () => {
  await people.close();
  await stack?.stop();
});

const step = (name: string, run: () => Promise<void>) => people.step(name, run);

const row = (page: Page, text: string) => page.locator('.ant-table-row', { hasText: text });

step('sign in, and make an assignment that is in progress and was returned at review', async () => {
  await people.signIn('duchayuan1');
  await people.signIn('leader1');
  await people.signIn('jd1_staff', PHONE);
  await people.signIn('jd1_head');
  await returnedAssignment(
    { supervisor: as('duchayuan1'), leader: as('leader1'), handler: as('jd1_staff') },
    ITEM,
  );
});

step('生成通报: the supervisor generates this week’s circular and reads it as a document', async () => {
  const page = as('duchayuan1');
  await page.locator('.ant-layout-sider .ant-menu').getByRole('menuitem', { name: '督查通报' }).click();
  await expectHeading(page, '督查通报');
  await page.getByRole('button', { name: /生成通报/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('周', { exact: true }).click();
  await choosePreset(page, dialog.getByLabel('统计期间'), '本周（截至今天）');
  await shot(page, 'circulars-generate');
  await dialog.getByRole('button', { name: '生成草稿' }).click();
  await page.waitForURL(/\/circulars\/\d+$/);
  circularUrl = new URL(page.url()).pathname;
  const document = page.getByTestId('circular-document');
  await document.getByText('一、本期总体情况').waitFor();
  await page.getByTestId('circular-departments').getByText('第一监督检查室').waitFor();
  await page.getByTestId('circular-tags').getByText('草稿', { exact: true }).waitFor();
  circularTitle = (await page.locator('h4').first().innerText()).trim();
  assert.match(circularTitle, /^关于\d{4}年第\d+周督办事项办理情况的通报$/);
  await shot(page, 'circular-draft', { fullPage: true });
});

step(
  '修改文字: a stale save is refused in Chinese; the text is proofread, a certain fix accepted, and saved',
  async () => {
    const page = as('duchayuan1');
    await page.getByRole('button', { name: /修改文字/ }).click();
    const editor = page.getByTestId('circular-editor');
    const lead = editor.getByLabel('导语', { exact: true });
    // Someone else saves first: this save is refused as stale, and the user's text stays until reloaded.
    await lead.fill('先写的一段。');
    const id = circularUrl.split('/').pop();
    const current = await call<{ version: number }>(page, 'GET', `/api/circulars/${id}`);
    await call(page, 'PATCH', `/api/circulars/${id}`, {
      version: current.version,
      docNumber: '督通〔2026〕48号',
    });
    await editor.getByRole('button', { name: /保\s*存$/ }).click();
    await editor.getByText('保存失败：通报已被他人修改（版本冲突），您的修改尚未保存').waitFor();
    assert.equal(await lead.inputValue(), '先写的一段。');
    await shot(page, 'circular-conflict');
    await editor.getByRole('button', { name: '载入最新版本' }).click();
    await editor
      .getByText('保存失败：通报已被他人修改（版本冲突），您的修改尚未保存')
      .waitFor({ state: 'detached' });
    assert.equal(await editor.getByLabel('发文字号').inputValue(), '督通〔2026〕48号');

    await lead.fill(TYPO);
    await editor.getByRole('button', { name: /校\s*对$/ }).click();
    await editor.getByText('有针对性的').first().waitFor();
    await shot(page, 'circular-proofread');
    for (const [size, name] of [
      [LAPTOP, 'circular-editor-laptop'],
      [PHONE, 'circular-editor-phone'],
    ] as const) {
      await page.setViewportSize(size);
      await shot(page, name, { fullPage: true });
    }
    await page.setViewportSize(DESKTOP);
    await editor
      .getByRole('button', { name: /^\S*\s*采\s*纳$/ })
      .first()
      .click();
    for (let i = 0; i < 50 && !(await lead.inputValue()).includes('清单，'); i++)
      await page.waitForTimeout(100);
    assert.equal(await lead.inputValue(), '希望各部门列出问题清单，有针对性的加以改正。');
    await editor.getByRole('button', { name: /保\s*存$/ }).click();
    await editor.waitFor({ state: 'detached' });
    assert.equal(
      (await page.getByTestId('circular-document').innerText()).includes('督通〔2026〕48号'),
      true,
    );
    await page
      .getByTestId('circular-document')
      .getByText('希望各部门列出问题清单，有针对性的加以改正。')
      .waitFor();
  },
);

step('印发 and download: the published circular comes as a .docx named after its title', async () => {
  const page = as('duchayuan1');
  await page.getByRole('button', { name: /印\s*发$/ }).click();
  await openedPopconfirm(page)
    .getByRole('button', { name: label('印发') })
    .click();
  await page.getByTestId('circular-tags').getByText('已印发', { exact: true }).waitFor();
  assert.equal(await page.getByRole('button', { name: /修改文字/ }).count(), 0, 'published text is final');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /下载公文/ }).click(),
  ]);
  assert.equal(download.suggestedFilename(), `${circularTitle}.docx`);
  const path = await download.path();
  const bytes = await readFile(path);
  assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'a .docx is a zip file');
  assert.ok(bytes.length > 5000, 'the document has content');
  await shot(page, 'circular-published');
});

step('a department head reads the published circular but cannot change it', async () => {
  const page = as('jd1_head');
  await page.locator('.ant-layout-sider .ant-menu').getByRole('menuitem', { name: '督查通报' }).click();
  await expectHeading(page, '督查通报');
  const listed = row(page, circularTitle);
  await listed.getByText('已印发', { exact: true }).waitFor();
  assert.equal(await page.getByRole('button', { name: /生成通报/ }).count(), 0);
  await shot(page, 'circulars-list-department');
  await listed.getByRole('link', { name: circularTitle }).click();
  await page.waitForURL(new RegExp(`${circularUrl}$`));
  await page
    .getByTestId('circular-document')
    .getByText('希望各部门列出问题清单，有针对性的加以改正。')
    .waitFor();
  for (const action of [/修改文字/, /印\s*发$/, /归\s*档$/])
    assert.equal(await page.getByRole('button', { name: action }).count(), 0);
  await page.getByRole('button', { name: /下载统计表/ }).waitFor();

  const phone = as('jd1_staff');
  await phone.goto('/circulars');
  await row(phone, circularTitle).waitFor();
  await shot(phone, 'circulars-list-phone');
  await phone.goto(circularUrl);
  await phone.getByTestId('circular-departments').getByText('第一监督检查室').waitFor();
  await shot(phone, 'circular-phone', { fullPage: true });
});

step('the supervisor’s list filters by status and type', async () => {
  const page = as('duchayuan1');
  await page.goto('/circulars?status=draft');
  await page.getByText('没有符合条件的通报').waitFor();
  await page.goto('/circulars?status=published&kind=week');
  await row(page, circularTitle).waitFor();
  await shot(page, 'circulars-list');
});

step('责任追究: a leader starts it for the returned assignment', async () => {
  const page = as('leader1');
  await page.locator('.ant-layout-sider .ant-menu').getByRole('menuitem', { name: '责任追究' }).click();
  await expectHeading(page, '责任追究');
  await page.getByRole('button', { name: /启动责任追究/ }).click();
  const dialog = page.getByRole('dialog');
  const itemField = dialog.getByLabel('督办事项');
  await itemField.click();
  await (await search(page, itemField, '公务接待', ITEM)).click();
  await choose(page, dialog.getByLabel('承办任务'), '第一监督检查室');
  await choose(page, dialog.getByLabel('追责方式'), '约谈');
  await dialog.getByLabel('追责事由').fill('办结材料不全被退回，未按要求补充。');
  await shot(page, 'accountability-create');
  await dialog.getByRole('button', { name: label('启动') }).click();
  await dialog.waitFor({ state: 'hidden' });
  const record = row(page, ITEM);
  await record.getByText('待整改', { exact: true }).waitFor();
  await record.getByText('约谈', { exact: true }).waitFor();
  await shot(page, 'accountability-list');
});

step('责任追究: the department reports its rectification and the supervisor closes it', async () => {
  const head = as('jd1_head');
  await head.goto('/accountability');
  await row(head, ITEM)
    .getByRole('button', { name: /报送整改/ })
    .click();
  let dialog = head.getByRole('dialog');
  await dialog.getByLabel('整改情况').fill('已补充整改台账并重新申请办结。');
  await dialog.getByRole('button', { name: label('报送') }).click();
  await row(head, ITEM).getByText('整改中', { exact: true }).waitFor();
  assert.equal(await head.getByRole('button', { name: /启动责任追究/ }).count(), 0);

  const phone = as('jd1_staff');
  await phone.goto('/accountability');
  await row(phone, ITEM).getByText('整改中', { exact: true }).waitFor();
  await shot(phone, 'accountability-phone');

  const supervisor = as('duchayuan1');
  await supervisor.goto('/accountability');
  await row(supervisor, ITEM)
    .getByRole('button', { name: label('结束') })
    .click();
  dialog = supervisor.getByRole('dialog');
  await dialog.getByLabel('结论').fill('整改到位，予以结束。');
  await dialog.getByRole('button', { name: label('结束') }).click();
  const record = row(supervisor, ITEM);
  await record.getByText('已结束', { exact: true }).waitFor();
  await record.locator('.ant-table-row-expand-icon').click();
  await supervisor.getByText('已补充整改台账并重新申请办结。').waitFor();
  await shot(supervisor, 'accountability-closed');
});

step('考核: the leader reads this month’s scores and the scoring rule', async () => {
  const page = as('leader1');
  await page.locator('.ant-layout-sider .ant-menu').getByRole('menuitem', { name: '考核排名' }).click();
  await expectHeading(page, '考核排名');
  await choosePreset(page, page.getByLabel('考核期间'), '本月（截至今天）');
  const table = page.getByTestId('assessment-table');
  const office = table.locator('.ant-table-row', { hasText: '第一监督检查室' });
  await office.waitFor();
  const first = table.locator('.ant-table-row').first().locator('td').first();
  assert.equal((await first.innerText()).trim(), '1', 'ranked from 1');
  assert.ok(!(await office.innerText()).includes('未考核'), 'the office with work this month has a score');
  await page.getByText('按期办结率满分').waitFor();
  assert.equal(await page.getByRole('button', { name: /保存计分规则/ }).count(), 0, 'leaders read the rule');
  await shot(page, 'assessment', { fullPage: true });
  await page.setViewportSize(PHONE);
  await shot(page, 'assessment-phone', { fullPage: true });
  await page.setViewportSize(DESKTOP);

  const supervisor = as('duchayuan1');
  await supervisor.goto('/assessment');
  await supervisor.getByRole('button', { name: /保存计分规则/ }).waitFor();
  await shot(supervisor, 'assessment-supervisor', { fullPage: true });
});

test('no uncaught errors in any page', () => {
  assert.deepEqual(people.failures, []);
});
