/** The item list, the working calendar and the job pages, after the walk in supervision.e2e.ts. */
import assert from 'node:assert/strict';
import { choose, expectHeading, label, openedModal, shot } from './harness.js';
import type { People } from './supervision-helpers.js';

/** Filters live in the address (bookmarkable), a named view brings them back; desktop and phone pictures. */
export async function listAndViews(people: People, title: string): Promise<void> {
  const page = people.as('duchayuan1');
  await page.goto('/supervision/items?status=closed');
  const row = page.locator('.ant-table-row', { hasText: title });
  await row.waitFor();
  await row.getByText('按期办结', { exact: true }).waitFor();
  await row.getByText('第一监督检查室').waitFor();
  await page.getByRole('button', { name: /保存视图/ }).click();
  const naming = await openedModal(page, '保存当前筛选为视图');
  await naming.getByLabel('视图名称').fill('已销号事项');
  await naming.getByRole('button', { name: label('保存') }).click();
  await page.getByText('已保存视图：已销号事项').waitFor();
  await page.goto('/supervision/items');
  await row.waitFor();
  await choose(page, page.getByLabel('我的视图'), '已销号事项');
  await page.waitForURL(/status=closed/);
  await shot(page, 'supervision-list');

  // Only the sub-item is still a draft; a text search finds nothing for a title nobody wrote.
  await page.goto('/supervision/items?status=draft');
  await page.locator('.ant-table-row', { hasText: '县区作风问题专项排查' }).waitFor();
  assert.equal(await row.count(), 0, 'the closed item is filtered out');
  await page.goto('/supervision/items?q=%E4%B8%8D%E5%AD%98%E5%9C%A8%E7%9A%84%E4%BA%8B%E9%A1%B9');
  await page.getByText('没有符合条件的督办事项').waitFor();
  assert.equal(await page.getByLabel('搜索事项').inputValue(), '不存在的事项');

  const phone = people.as('jd1_staff');
  await phone.goto('/supervision/items');
  await phone.locator('.ant-table-row', { hasText: title }).waitFor();
  await shot(phone, 'supervision-list-phone');
}

/** 2026 国庆 from the official data, the 2027 warning, an administrator's entry and its removal, the job list. */
export async function calendarAndJobs(people: People): Promise<void> {
  const page = people.as('duchayuan1');
  await page.goto('/calendar?year=2026');
  const october = page.getByTestId('month-10');
  await october.getByText('国庆节').first().waitFor();
  await page.getByTestId('holiday-summary').getByText('10月1日至7日').waitFor();
  await shot(page, 'calendar-2026', { fullPage: true });
  await october.scrollIntoViewIfNeeded();
  await shot(page, 'calendar-2026-october');

  await page.goto('/calendar?year=2027');
  await page.getByText('2027 年的节假日安排尚未公布或录入，截止日期按普通周末计算').waitFor();
  await shot(page, 'calendar-2027');

  const phone = people.as('jd1_staff');
  await phone.goto('/calendar?year=2026');
  await phone.getByTestId('month-10').getByText('国庆节').first().waitFor();
  await shot(phone, 'calendar-2026-phone');

  const admin = await people.signIn('sysadmin');
  await admin.goto('/calendar?year=2027');
  await admin.locator('[data-date="2027-01-01"]').click();
  const dialog = admin.getByRole('dialog');
  await dialog.getByLabel('名称').fill('元旦');
  await dialog.getByRole('button', { name: label('保存') }).click();
  await admin.locator('[data-date="2027-01-01"]').getByText('元旦').waitFor();
  await shot(admin, 'calendar-2027-admin');
  await admin.locator('[data-date="2027-01-01"]').click();
  await dialog.getByRole('button', { name: '清除人工设置' }).click();
  await admin.getByText('已清除 2027-01-01 的人工设置').waitFor();
  // The grid reloads after the message: wait for the name to go rather than counting at once.
  await admin.locator('[data-date="2027-01-01"]').getByText('元旦').waitFor({ state: 'detached' });

  await admin.locator('.ant-layout-sider .ant-menu').getByRole('menuitem', { name: '后台任务' }).click();
  await expectHeading(admin, '后台任务');
  await admin.locator('.ant-table').waitFor();
  await shot(admin, 'jobs');
}
