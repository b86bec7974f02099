/**
 * Browser test of the 资料库 demand board and member groups against the real server with the demo data: a
 * free member (member3) posts a request, a yearly member (member1) votes for it on a phone, an editor
 * (editor2) answers it with a published material, and the requester sees the answer and opens it. Then the
 * system administrator adds a 会员群 and a 免费群: the yearly member sees the member group's link and QR
 * code, the free member sees only the free group's. Screenshots (laptop and phone) go to e2e/screenshots/.
 *
 * Run: CHROMIUM_PATH=/usr/bin/chromium node --import tsx --test e2e/library-demands.e2e.ts
 */
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import {
  LAPTOP,
  PHONE,
  choose,
  expectHeading,
  label,
  openedModal,
  search,
  shot,
  startStack,
  type Stack,
} from './harness.js';
import { People } from './supervision-helpers.js';

const REQUEST = '2026年度民主生活会对照检查材料范文';
const ANSWER = '年度组织生活会个人对照检查材料';
const VIP_LINK = 'https://qm.qq.com/q/luoshi-vip-2026';
const FREE_LINK = 'https://qm.qq.com/q/luoshi-free-2026';

let stack: Stack;
const people = new People(() => stack);

before(async () => {
  stack = await startStack();
});

after(async () => {
  await people.close();
  await stack?.stop();
});

const step = (name: string, run: () => Promise<void>) => people.step(name, run);

const demand = (page: ReturnType<People['as']>) =>
  page.getByTestId('library-demand').filter({ hasText: REQUEST });

step('a free member posts a request for materials', async () => {
  const page = await people.signIn('member3', LAPTOP);
  await page.locator('.ant-layout-sider .ant-menu').getByRole('menuitem', { name: '需求征集' }).click();
  await page.waitForURL(`${stack.base}/library/demands`);
  await expectHeading(page, '需求征集');
  await page.getByText('还没有需求，欢迎提出').waitFor();
  await page.getByRole('button', { name: /提出需求/ }).click();
  const modal = await openedModal(page, '提出资料需求');
  await modal.getByRole('button', { name: label('提交') }).click();
  await modal.getByText('请填写需求标题').waitFor();
  await modal.getByLabel('需求标题').fill(REQUEST);
  await modal.getByLabel('专题').fill('民主生活会');
  await modal.getByLabel('需求说明').fill('希望有县处级领导班子成员的范文，问题查摆具体。');
  await shot(page, 'library-demands-post-laptop');
  await modal.getByRole('button', { name: label('提交') }).click();
  await page.getByText('需求已提交').waitFor();
  await demand(page).getByText('征集中').waitFor();
  assert.equal(
    await demand(page)
      .getByRole('button', { name: /我也需要/ })
      .count(),
    0,
    'no vote on one’s own',
  );
});

step('a yearly member votes for it on a phone, and withdraws and votes again', async () => {
  const phone = await people.signIn('member1', PHONE);
  await phone.goto('/library/demands');
  await expectHeading(phone, '需求征集');
  await demand(phone)
    .getByRole('button', { name: /我也需要/ })
    .click();
  await phone.getByText('已投票', { exact: true }).waitFor();
  await demand(phone)
    .getByRole('button', { name: /已投票/ })
    .click();
  await demand(phone)
    .getByRole('button', { name: /我也需要/ })
    .waitFor();
  await demand(phone)
    .getByRole('button', { name: /我也需要/ })
    .click();
  await demand(phone)
    .getByRole('button', { name: /已投票/ })
    .waitFor();
  assert.equal((await demand(phone).getByLabel('票数').textContent())?.trim(), '1');
  await shot(phone, 'library-demands-phone', { fullPage: true });
});

step('an editor answers it with a published material', async () => {
  const page = await people.signIn('editor2', LAPTOP);
  await page.goto('/library/demands');
  await expectHeading(page, '需求征集');
  await demand(page).getByRole('button', { name: '以资料回应' }).click();
  const modal = await openedModal(page, '以资料回应需求');
  const answerField = modal.getByLabel('回应资料');
  await answerField.click();
  await (await search(page, answerField, '个人对照', ANSWER)).click();
  await modal.getByLabel('回应说明').fill('可参照其中问题查摆部分');
  await shot(page, 'library-demands-answer-laptop');
  await page.setViewportSize(PHONE);
  await shot(page, 'library-demands-answer-phone');
  await page.setViewportSize(LAPTOP);
  await modal.getByRole('button', { name: '回应并通知' }).click();
  await page.getByText('已回应，已通知提出人和投票人').waitFor();
  await demand(page).getByText('已回应').waitFor();
});

step('the requester sees the answer on the board and in the notices, and opens the material', async () => {
  const page = people.as('member3');
  await page.reload();
  await demand(page).getByTestId('library-demand-answer').getByText(`《${ANSWER}》`).waitFor();
  await shot(page, 'library-demands-answered-laptop');
  const notices = await page.request.get('/api/notify');
  const { items } = (await notices.json()) as { items: { title: string; link: string | null }[] };
  assert.ok(
    items.some(
      (n) => n.title === `需求「${REQUEST}」已有资料回应` && n.link?.startsWith('/library/materials/'),
    ),
  );
  await demand(page)
    .getByRole('link', { name: `《${ANSWER}》` })
    .click();
  await page.waitForURL(/\/library\/materials\/\d+$/);
  await page.getByText(ANSWER).first().waitFor();
  await page.setViewportSize(PHONE);
  await page.goto('/library/demands');
  await demand(page).getByTestId('library-demand-answer').waitFor();
  await shot(page, 'library-demands-answered-phone', { fullPage: true });
});

step('the system administrator adds a 会员群 and a 免费群', async () => {
  const page = await people.signIn('sysadmin', LAPTOP);
  await page.locator('.ant-layout-sider .ant-menu').getByRole('menuitem', { name: '群组管理' }).click();
  await page.waitForURL(`${stack.base}/library/groups/admin`);
  await expectHeading(page, '群组管理');
  for (const [kind, name, link, notes] of [
    ['会员群', '资料库会员一群', VIP_LINK, '入群请备注单位和姓名'],
    ['免费群', '资料库免费交流群', FREE_LINK, ''],
  ] as const) {
    await page.getByRole('button', { name: /新增群组/ }).click();
    const modal = await openedModal(page, '新增群组');
    await choose(page, modal.getByLabel('类别'), kind);
    await modal.getByLabel('群名称').fill(name);
    await modal.getByLabel('加群链接').fill(link);
    if (notes) await modal.getByLabel('说明').fill(notes);
    await modal.getByTestId('library-group-qr').waitFor();
    if (kind === '会员群') await shot(page, 'library-groups-admin-form-laptop');
    // The modal is reused between the two groups; its primary button is 保存.
    await page.locator('.ant-modal-footer .ant-btn-primary:visible').click();
    await page.getByText('群组已保存').first().waitFor();
    await page.locator('tr', { hasText: name }).waitFor();
  }
  await shot(page, 'library-groups-admin-laptop');
  await page.setViewportSize(PHONE);
  await shot(page, 'library-groups-admin-phone', { fullPage: true });
});

step('the yearly member sees the member group’s link and QR code; the free member does not', async () => {
  const member = people.as('member1');
  await member.goto('/library/groups');
  await expectHeading(member, '交流群');
  const vip = member.getByTestId('library-group').filter({ hasText: '资料库会员一群' });
  await vip.getByText(VIP_LINK).waitFor();
  await vip.getByTestId('library-group-qr').waitFor();
  await shot(member, 'library-groups-member-phone', { fullPage: true });

  const free = people.as('member3');
  await free.setViewportSize(LAPTOP);
  await free.goto('/library/groups');
  await expectHeading(free, '交流群');
  await free
    .getByTestId('library-group')
    .filter({ hasText: '资料库免费交流群' })
    .getByText(FREE_LINK)
    .waitFor();
  await free.getByTestId('library-group-locked').waitFor();
  assert.equal(await free.getByText(VIP_LINK).count(), 0);
  await shot(free, 'library-groups-free-laptop');
  assert.deepEqual(people.failures, []);
});
