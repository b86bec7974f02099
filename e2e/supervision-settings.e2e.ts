/**
 * Browser test of 督办设置: the head of the supervision office (bgs_head) changes the yellow-light window
 * and a default time limit, a refused value shows its Chinese message, and another supervisor
 * (duchayuan1, on a phone) sees the saved values read-only.
 *
 * Run: node --import tsx --test e2e/supervision-settings.e2e.ts
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PHONE, expectHeading, label, shot, startStack, type Stack } from './harness.js';
import { People } from './supervision-helpers.js';

let stack: Stack;
const people = new People(() => stack);

before(async () => {
  stack = await startStack();
});

after(async () => {
  await people.close();
  await stack?.stop();
});

test('the office head edits the settings; a bad number format is refused with its reason', async () => {
  const page = await people.signIn('bgs_head');
  await page.locator('.ant-layout-sider .ant-menu').getByRole('menuitem', { name: '督办设置' }).click();
  await page.waitForURL(`${stack.base}/supervision/settings`);
  await expectHeading(page, '事项编号');
  assert.equal(await page.getByLabel('编号格式').inputValue(), '督〔{year}〕{seq}号');
  assert.equal(await page.getByLabel('急件').inputValue(), '5');
  await shot(page, 'supervision-settings', { fullPage: true });

  await page.getByLabel('编号格式').fill('督办{seq}号');
  await page.getByText('编号格式：须包含 {year} 和 {seq}').waitFor();
  await page.getByLabel('编号格式').fill('市纪督〔{year}〕{seq}号');
  await page.getByLabel('急件').fill('7');
  await page.getByLabel('黄灯预警天数').fill('4');
  await page.getByRole('button', { name: label('保存设置') }).click();
  await page.getByText('督办设置已保存').waitFor();

  const saved = await page.request.get('/api/supervision/settings');
  const body = (await saved.json()) as { numberFormat: string; limits: { urgent: number }; warnDays: number };
  assert.deepEqual([body.numberFormat, body.limits.urgent, body.warnDays], ['市纪督〔{year}〕{seq}号', 7, 4]);
});

test('another supervisor sees the saved settings read-only, on a phone', async () => {
  const phone = await people.signIn('duchayuan1', PHONE);
  await phone.goto('/supervision/settings');
  await phone.getByText('仅督查室负责人或系统管理员可以修改督办设置，您可以查看。').waitFor();
  assert.equal(await phone.getByLabel('黄灯预警天数').inputValue(), '4');
  assert.ok(await phone.getByLabel('编号格式').isDisabled());
  assert.equal(await phone.getByRole('button', { name: label('保存设置') }).count(), 0);
  await shot(phone, 'supervision-settings-phone', { fullPage: true });
  assert.deepEqual(people.failures, []);
});
