/**
 * Browser test of library access: the system administrator generates a redeem-code batch and exports it
 * once; a free member (member3) redeems a code on 我的会员 and sees the access window turn to member with
 * the 3-year back catalogue; the lapsed member orders a plan on a phone and the administrator confirms it.
 *
 * Run: CHROMIUM_PATH=/usr/bin/chromium node --import tsx --test e2e/membership.e2e.ts
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { PHONE, choose, expectHeading, label, search, shot, startStack, type Stack } from './harness.js';
import { People } from './supervision-helpers.js';

let stack: Stack;
const people = new People(() => stack);
const codes: string[] = [];

before(async () => {
  stack = await startStack();
});

after(async () => {
  await people.close();
  await stack?.stop();
});

/** Today in Beijing, 3 years back, as the window card words it. */
function threeYearsBack(): string {
  const today = new Date(Date.now() + 8 * 3_600_000);
  return `${today.getUTCFullYear() - 3}年${today.getUTCMonth() + 1}月${today.getUTCDate()}日`;
}

test('the lapsed member sees the ended grant and can order a plan, on a phone', async () => {
  const phone = await people.signIn('member2', PHONE);
  await phone.goto('/library/membership');
  await expectHeading(phone, '我的会员');
  await phone.getByTestId('earliest-content').getByText('暂无，可阅读全部免费资料').waitFor();
  await phone.getByText('已到期').first().waitFor();
  await phone
    .getByRole('button', { name: label('下单') })
    .first()
    .click();
  await phone
    .locator('.ant-modal-confirm')
    .getByRole('button', { name: label('下单') })
    .click();
  await phone.getByText('已下单，待管理员确认收款').waitFor();
  await phone.getByText('待确认收款').first().waitFor();
  await shot(phone, 'membership-phone', { fullPage: true });
});

test('the system administrator confirms the payment, generates a batch of codes and exports it once', async () => {
  const page = await people.signIn('sysadmin');
  await page.locator('.ant-layout-sider .ant-menu').getByRole('menuitem', { name: '会员管理' }).click();
  await page.waitForURL(`${stack.base}/library/admin`);
  // The lapsed member's order of the previous test waits for its payment to be confirmed.
  const order = page.locator('tr', { hasText: '蒋欣然' });
  await order.getByRole('button', { name: '确认收款' }).click();
  await page.getByLabel('付款凭证号').fill('银行转账 20261127001');
  await shot(page, 'library-admin-confirm');
  await page.locator('.ant-modal').getByRole('button', { name: '确认收款' }).click();
  await page.getByText('已确认收款，权益已生效').waitFor();
  await choose(page, page.getByLabel('订单状态'), '已付款');
  await page.locator('tr', { hasText: '银行转账 20261127001' }).waitFor();
  await shot(page, 'library-admin-orders');
  await page.getByRole('tab', { name: '兑换码' }).click();
  await choose(page, page.getByLabel('方案'), '月度会员');
  await page.getByLabel('数量').fill('3');
  await page.getByLabel('备注').fill('读书会奖品');
  await page.getByRole('button', { name: label('生成兑换码') }).click();
  await page.getByText('兑换码已生成，请立即导出').waitFor();
  const row = page.locator('tr', { hasText: '读书会奖品' });
  await row.getByText('0 / 3').waitFor();
  await shot(page, 'library-admin-codes');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    row.getByRole('button', { name: '导出 Excel' }).click(),
  ]);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await readFile(await download.path())) as unknown as ArrayBuffer);
  const sheet = book.getWorksheet('兑换码');
  assert.ok(sheet);
  sheet.eachRow((r, n) => {
    if (n > 1) codes.push(r.getCell(2).text);
  });
  assert.equal(codes.length, 3);
  for (const code of codes) assert.match(code, /^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}$/);
  await row.getByText(/已于 .* 导出/).waitFor();
  assert.equal(await row.getByRole('button', { name: '导出 Excel' }).count(), 0);

  await page.getByRole('tab', { name: '会员权益' }).click();
  await page.getByText('蔡红梅').first().waitFor();
  await shot(page, 'library-admin-grants');
  // The member picker searches the server by login or name instead of listing every member.
  await (
    await search(
      page,
      page.getByRole('combobox', { name: '会员', exact: true }),
      'member3',
      '蔡红梅（member3）',
    )
  ).click();
  await page.getByText('共 1 条').waitFor();
  await page.getByRole('button', { name: '赠送权益' }).click();
  await page.locator('.ant-modal').getByText('赠送原因').waitFor();
  // The list's width is measured when it opens: wait for the modal's zoom to finish first.
  await page.waitForTimeout(400);
  await search(
    page,
    page.getByRole('combobox', { name: '赠送给会员' }),
    'member1',
    /（member1） · 会员至 \d{4}-\d{2}-\d{2}/,
  );
  await shot(page, 'library-admin-comp');
  await page
    .locator('.ant-modal')
    .getByRole('button', { name: label('取消') })
    .click();

  await page.getByRole('tab', { name: '方案' }).click();
  await page
    .locator('tr', { hasText: '年度会员' })
    .getByRole('button', { name: label('修改') })
    .click();
  await page.locator('.ant-modal').getByText('回溯年限（可读连续会员期开始前几年起发布的资料）').waitFor();
  await shot(page, 'library-admin-plan-edit');
  await page.getByLabel('价格').fill('300');
  await page
    .locator('.ant-modal')
    .getByRole('button', { name: label('保存') })
    .click();
  await page.getByText('方案已保存').waitFor();
  await page.locator('tr', { hasText: '年度会员' }).getByText('¥300.00').waitFor();

  const phone = await people.signIn('sysadmin', PHONE);
  await phone.goto('/library/admin?tab=codes');
  await phone.locator('tr', { hasText: '0 / 3' }).waitFor();
  await shot(phone, 'library-admin-codes-phone', { fullPage: true });
});

test('a free member redeems a code and the access window opens 3 years back', async () => {
  const page = await people.signIn('member3');
  await page.locator('.ant-layout-sider .ant-menu').getByRole('menuitem', { name: '我的会员' }).click();
  await page.waitForURL(`${stack.base}/library/membership`);
  const window = page.getByTestId('earliest-content');
  await window.getByText('暂无，可阅读全部免费资料').waitFor();
  await shot(page, 'membership-free');

  const [code] = codes;
  assert.ok(code);
  await page.getByLabel('兑换码').fill(code.toLowerCase());
  await page.getByTestId('redeem-submit').click();
  await page.getByText('兑换成功，会员权益已生效').waitFor();
  await window.getByText(`${threeYearsBack()}及以后发布的全部资料`).waitFor();
  await page.locator('td', { hasText: '兑换码' }).first().waitFor();
  await shot(page, 'membership-redeemed', { fullPage: true });

  // The same code a second time is refused with its reason.
  await page.getByLabel('兑换码').fill(code);
  await page.getByTestId('redeem-submit').click();
  await page.getByText('兑换码：已被使用').waitFor();
  assert.deepEqual(people.failures, []);
});
