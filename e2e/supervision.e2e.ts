/**
 * Browser test of 督查督办 against the real server: one item walked from 立项 to 销号 by a supervisor
 * (duchayuan1), a leader (leader1), a handler on a phone (jd1_staff) and her department head (jd1_head),
 * each in their own browser; the list with URL filters and a saved view; the working calendar (2026 国庆,
 * the 2027 warning, an administrator's entry) and the job list. Screenshots go to e2e/screenshots/.
 *
 * Run: node --import tsx --test e2e/supervision.e2e.ts
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import {
  DESKTOP,
  PHONE,
  choose,
  expectHeading,
  label,
  settled,
  shot,
  startStack,
  type Stack,
} from './harness.js';
import {
  People,
  card,
  expectAssignment,
  expectCard,
  expectItem,
  expectTimeline,
  header,
  plusDays,
  readItem,
} from './supervision-helpers.js';
import { calendarAndJobs, listAndViews } from './supervision-pages.js';

const TITLE = '落实作风建设专项整治工作部署';
const STALE = '数据已被他人修改，请刷新后重试';

let stack: Stack;
const people = new People(() => stack);
const as = (login: string) => people.as(login);
const signIn = (login: string, viewport = DESKTOP) => people.signIn(login, viewport);
let itemUrl = '';
let itemNumber = '';

before(async () => {
  stack = await startStack();
});

after(async () => {
  await people.close();
  await stack?.stop();
});

const step = (name: string, run: () => Promise<void>) => people.step(name, run);

async function openItem(page: Page): Promise<void> {
  await page.goto(itemUrl);
  await header(page).waitFor();
}

step('sign in the four people of the walk, each in their own browser', async () => {
  await signIn('duchayuan1');
  await signIn('leader1');
  await signIn('jd1_staff', PHONE);
  await signIn('jd1_head');
  const menu = as('duchayuan1').locator('.ant-layout-sider .ant-menu');
  await menu.getByText('督查督办', { exact: true }).waitFor();
  assert.ok(await menu.getByRole('menuitem', { name: '事项列表' }).isVisible());
});

step(
  '立项: a supervisor drafts the item with the working-day deadline preview, then submits it',
  async () => {
    const page = as('duchayuan1');
    await page.locator('.ant-layout-sider .ant-menu').getByRole('menuitem', { name: '事项列表' }).click();
    await expectHeading(page, '督办事项');
    await page.getByRole('button', { name: /立\s*项/ }).click();
    await page.waitForURL(/\/supervision\/items\/new$/);

    await page.getByLabel('标题').fill(TITLE);
    // A slip in 办理要求 is caught by the proofreading panel under it and fixed there.
    const requirements = page.getByLabel('办理要求');
    await requirements.fill(
      '对照市纪委全会部署,梳理作风建设突出问题，形成问题清单和整改台账，按期报送进展。',
    );
    await page.getByText('公文校对（办理要求）').click();
    await page.getByRole('button', { name: /校\s*对$/ }).click();
    await page
      .getByRole('button', { name: /^\S*\s*采\s*纳$/ })
      .first()
      .click();
    for (let i = 0; i < 50 && !(await requirements.inputValue()).includes('部署，'); i++)
      await page.waitForTimeout(100);
    assert.equal(
      await requirements.inputValue(),
      '对照市纪委全会部署，梳理作风建设突出问题，形成问题清单和整改台账，按期报送进展。',
    );
    await page.getByLabel('批示内容').fill('请督查室牵头督办，确保各项措施落到实处。');
    await page.getByLabel('批示领导').fill('陈志刚同志');
    await page.getByLabel('文号').fill('市纪委办〔2026〕12号');
    await page.getByText('急件', { exact: true }).click();
    await choose(page, page.getByLabel('责任领导（分管领导）'), '陈志刚');
    await choose(page, page.getByLabel('领导关注'), '赵丽华');
    await page.keyboard.press('Escape');
    await choose(page, page.getByLabel('反馈周期'), '一次性');
    await page.getByLabel('标签').fill('作风建设');
    await page.keyboard.press('Enter');

    await page.getByText('工作日数', { exact: true }).click();
    const days = page.getByRole('spinbutton', { name: '工作日数' });
    const preview = page.getByTestId('working-days-preview');
    await days.fill('300');
    await preview.getByText(/年的节假日安排尚未公布或录入/).waitFor();
    assert.match(await preview.innerText(), /2027/);
    await shot(page, 'supervision-new-warning', { fullPage: true });
    await days.fill('20');
    await preview.getByText(/今日起算 20 个工作日/).waitFor();

    await page.getByRole('button', { name: '保存为草稿' }).click();
    await page.waitForURL(/\/supervision\/items\/\d+$/);
    itemUrl = new URL(page.url()).pathname;
    itemNumber = (await page.getByTestId('item-number').innerText()).trim();
    assert.match(itemNumber, /督〔\d{4}〕\d+号/);
    await expectItem(page, '立项', '未交办');
    await expectTimeline(page, `立项：${TITLE}`);
    await header(page).getByText('市纪委办〔2026〕12号').waitFor();

    await page.getByRole('button', { name: '提交审批' }).click();
    await expectItem(page, '待审批', '未交办');
    await expectTimeline(page, '提交审批');
    assert.equal(
      await page.getByRole('button', { name: '审批同意' }).count(),
      0,
      'duchayuan1 is no approver',
    );
  },
);

step('审批: the leader opens it from the to-do list and approves', async () => {
  const page = as('leader1');
  await page.reload();
  await page.getByRole('link', { name: `待审批立项：${itemNumber}` }).click();
  await page.waitForURL(`${stack.base}${itemUrl}`);
  await expectItem(page, '待审批', '未交办');
  await page.getByRole('button', { name: '审批同意' }).click();
  await expectItem(page, '已审批', '未交办');
  await expectTimeline(page, '审批同意');
  assert.equal(
    await page.getByRole('button', { name: label('交办') }).count(),
    0,
    'a leader does not assign',
  );
});

step('交办: the supervisor assigns it to 第一监督检查室 as lead department', async () => {
  const page = as('duchayuan1');
  await page.reload();
  await expectItem(page, '已审批', '未交办');
  await page.getByRole('button', { name: label('交办') }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('部门', { exact: true }).click();
  await page.keyboard.type('第一监督');
  const tree = settled(page, page.locator('.ant-select-dropdown:visible'));
  await tree.waitFor();
  await tree.getByText('第一监督检查室', { exact: true }).click();
  await shot(page, 'supervision-assign-modal');
  await dialog.getByRole('button', { name: label('交办') }).click();
  await expectItem(page, '已交办', '绿灯');
  await expectTimeline(page, '交办 1 个部门');
  await expectCard(page, '第一监督检查室');
  await expectAssignment(page, '待签收');
});

step('任务分解: the supervisor adds a sub-item, which shows on the parent with its light', async () => {
  const page = as('duchayuan1');
  await page.getByRole('button', { name: '任务分解' }).click();
  await page.waitForURL(/\/supervision\/items\/new\?parentId=\d+$/);
  await page.getByText(`${itemNumber} ${TITLE}`).waitFor();
  await page.getByLabel('标题').fill('县区作风问题专项排查');
  await page.getByLabel('办理要求').fill('组织各县区对照问题清单开展专项排查。');
  await choose(page, page.getByLabel('来源类型'), '专项督查');
  await page.getByRole('button', { name: '保存为草稿' }).click();
  await page.waitForURL(/\/supervision\/items\/\d+$/);
  await header(page)
    .getByRole('link', { name: `${itemNumber} ${TITLE}` })
    .click();
  await page.waitForURL(`${stack.base}${itemUrl}`);
  const child = page.locator('.ant-table-row', { hasText: '县区作风问题专项排查' });
  await child.getByText('未交办', { exact: true }).waitFor();
  await child.getByText('立项', { exact: true }).waitFor();
});

step('签收 and 报送反馈 on a phone by the handler', async () => {
  const page = as('jd1_staff');
  await page.reload();
  await page.getByRole('link', { name: `待签收：${itemNumber}` }).click();
  await page.waitForURL(`${stack.base}${itemUrl}`);
  await expectAssignment(page, '待签收');
  await shot(page, 'supervision-item-to-sign-phone');
  await page.getByRole('button', { name: label('签收') }).click();
  await expectAssignment(page, '办理中');
  await expectCard(page, '朱雅琴');
  await expectTimeline(page, '朱雅琴签收，为首问责任人');

  await page.getByRole('button', { name: '报送反馈' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('反馈内容').fill('已召开专题会议部署，梳理问题 12 个，已整改 5 个，其余正在推进。');
  await shot(page, 'supervision-feedback-phone');
  await dialog.getByRole('button', { name: label('报送') }).click();
  await expectCard(page, '待部门负责人审核');
  await expectTimeline(page, /反馈：已召开专题会议部署/);
  await shot(page, 'supervision-item-phone');
});

step('the department head reviews the feedback first, then the supervisor', async () => {
  const head = as('jd1_head');
  await openItem(head);
  await expectCard(head, '待部门负责人审核');
  assert.equal(await head.getByRole('button', { name: '申请延期' }).count(), 1, 'the head may act for it');
  await card(head).getByRole('button', { name: '审核通过' }).click();
  await expectCard(head, '待督查室审核');
  await expectTimeline(head, '部门负责人审核通过 一次性 反馈');

  const office = as('duchayuan1');
  await office.reload();
  await card(office).getByRole('button', { name: '审核通过' }).click();
  await expectTimeline(office, '督查室审核通过 一次性 反馈');
  await card(office).locator('[data-testid^="feedback-"]').getByText('审核通过', { exact: true }).waitFor();
});

let oldDeadline = '';
let newDeadline = '';

step('延期: the handler asks for a later deadline, the supervisor approves', async () => {
  const page = as('jd1_staff');
  await page.reload();
  oldDeadline = (await readItem(page, itemUrl)).assignments[0]?.deadline ?? '';
  assert.match(oldDeadline, /^\d{4}-\d{2}-\d{2}$/);
  newDeadline = plusDays(oldDeadline, 10);
  await page.getByRole('button', { name: '申请延期' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('新的办理时限').click();
  await dialog.getByLabel('新的办理时限').pressSequentially(newDeadline);
  await page.keyboard.press('Enter');
  await dialog.getByLabel('延期理由').fill('涉及多个县区，需延长时间完成问题核查。');
  await dialog.getByRole('button', { name: '提交申请' }).click();
  await expectCard(page, `${oldDeadline} → ${newDeadline}`);
  await expectTimeline(page, `申请延期至 ${newDeadline}：涉及多个县区，需延长时间完成问题核查。`);

  const office = as('duchayuan1');
  await office.reload();
  await card(office).getByRole('button', { name: '同意延期' }).click();
  await expectTimeline(office, `同意延期：${oldDeadline} → ${newDeadline}`);
  await card(office).locator('[data-testid^="extension-"]').getByText('已同意', { exact: true }).waitFor();
});

step(
  '申请办结: a stale page is refused with the conflict message, then succeeds after the refresh',
  async () => {
    // jd1_staff's page still holds the version from before the extension was approved.
    const page = as('jd1_staff');
    const evidence = '问题清单 12 项全部整改完毕，整改报告已报市纪委办公室（市纪委办〔2026〕30号）。';
    await page.getByRole('button', { name: '申请办结' }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByLabel('办结依据').fill(evidence);
    await dialog.getByRole('button', { name: '申请办结' }).click();
    await page.getByText(STALE).first().waitFor();
    await expectTimeline(page, `同意延期：${oldDeadline} → ${newDeadline}`);
    await shot(page, 'supervision-stale-phone');

    await page.getByRole('button', { name: '申请办结' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('办结依据').fill(evidence);
    // 办结佐证: picked in the form, uploaded at once, listed under 附件 for everyone who sees the item.
    await dialog.locator('input[type="file"]').setInputFiles({
      name: '整改报告.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% 整改报告\n%%EOF\n'),
    });
    await page.getByText('已上传「整改报告.pdf」').first().waitFor();
    await shot(page, 'supervision-evidence-phone');
    await dialog.getByRole('button', { name: '申请办结' }).click();
    await expectAssignment(page, '申请办结');
    await expectTimeline(page, `申请办结：${evidence}`);
    await expectTimeline(page, '上传办结佐证「整改报告.pdf」');
    await page.getByTestId('attachments').getByText('整改报告.pdf').waitFor();
  },
);

step('审核办结 by the supervisor, 报原批办领导阅 by the leader, 销号 by the supervisor', async () => {
  const office = as('duchayuan1');
  await office.reload();
  await office.getByRole('button', { name: '审核办结通过' }).click();
  await expectAssignment(office, '审核通过');
  await expectTimeline(office, /^督查室审核通过$/);

  const leader = as('leader1');
  await leader.goto('/');
  await leader.getByRole('link', { name: `待阅办结情况：${itemNumber}` }).click();
  await leader.waitForURL(`${stack.base}${itemUrl}`);
  await leader.getByRole('button', { name: '报原批办领导阅' }).click();
  await expectAssignment(leader, '领导已阅');
  await expectTimeline(leader, '陈志刚：已报原批办领导阅');

  await office.reload();
  await office.getByRole('button', { name: label('销号') }).click();
  await office
    .locator('.ant-popover')
    .getByRole('button', { name: label('销号') })
    .click();
  await expectItem(office, '已销号', '按期办结');
  await expectTimeline(office, '销号（按期办结）');
  await expectTimeline(office, '全部承办任务已销号，事项办结');
  await shot(office, 'supervision-item');
  await shot(office, 'supervision-item-full', { fullPage: true });

  const phone = as('jd1_staff');
  await phone.reload();
  await expectItem(phone, '已销号', '按期办结');
  assert.equal(await phone.getByTestId('assignment-actions').count(), 0, 'nothing left to do');
  await shot(phone, 'supervision-item-closed-phone', { fullPage: true });
});

step('the list keeps its filters in the address and saves them as a named view', () =>
  listAndViews(people, TITLE),
);

// Independent of the walk: run even when a step of it failed.
test('工作日历: 2026 国庆 from the official data, the 2027 warning, an administrator entry; 后台任务', () =>
  calendarAndJobs(people));

test('no uncaught errors in any page', () => {
  assert.deepEqual(people.failures, []);
});
