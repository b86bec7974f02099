/**
 * Browser test of the 资料库 real-time push against the real server with the demo data, as one story: a yearly
 * member (member1) and a member with only the free signup grant (member3) both follow the topic 纪律教育
 * through the 订阅 control and keep the library home open; an editor (editor2) writes a member-tier material
 * on that topic in the editor workspace and publishes it with the workspace's buttons. member1's notice
 * arrives over the notify stream without a reload (title and link only) and opens the full text; member3,
 * who may not read it, is told nothing and, opening its link directly, sees only the teaser.
 * Screenshots (laptop, desktop and phone) go to e2e/screenshots/.
 *
 * Run: CHROMIUM_PATH=/usr/bin/chromium node --import tsx --test e2e/library-push.e2e.ts
 */
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import type { Page } from 'playwright-core';
import {
  DESKTOP,
  LAPTOP,
  PHONE,
  choose,
  expectHeading,
  openedModal,
  search,
  shot,
  sleep,
  startStack,
  storySteps,
  type Stack,
  openedPopconfirm,
} from './harness.js';

const TOPIC = '纪律教育';
const TITLE = '在纪律教育专题党课上的讲话（推送测试）';
const NOTE = '纪律教育党课示范：讲清党纪的由来和要求';
const BODY_TEXT = '推送正文不应出现在通知里';
/** How long the free member watches for a notice that must not come, once member1's has arrived. */
const QUIET_MS = 3_000;

let stack: Stack;
let editor: Page;
let paid: Page;
let free: Page;
/** The material published in the story, when its 发布 was confirmed and when member1's notice appeared. */
let materialId = 0;
let publishedAt = 0;
let noticeArrival: Promise<number | Error>;

before(async () => {
  stack = await startStack();
});

after(async () => {
  await stack?.stop();
});

/** The walk is one story: after a failed step the later ones are skipped instead of timing out. */
const step = storySteps();

/**
 * `login` opens the library home, follows 纪律教育 with the 订阅 control and stays there. Resolves once the
 * page's notify stream has answered, so a notice sent afterwards has somewhere to arrive.
 */
async function followTopicOnHome(
  login: string,
  viewport: { width: number; height: number },
  shotName?: string,
): Promise<Page> {
  const page = await stack.signIn(login, viewport);
  const streamOpen = page.waitForResponse((r) => r.url().endsWith('/api/notify/stream') && r.ok());
  await page.goto('/library');
  await expectHeading(page, '资料库');
  await streamOpen;
  await page.getByRole('button', { name: /订阅/ }).click();
  const dialog = await openedModal(page, '订阅资料推送');
  await dialog.getByRole('checkbox', { name: TOPIC }).check();
  if (shotName) await shot(page, shotName);
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await page.getByRole('button', { name: '订阅（1）' }).waitFor();
  return page;
}

/**
 * The editor writes a member-tier 讲话 on 纪律教育 in the workspace, saves it, and publishes it through
 * 立即发布 and its confirmation. Returns the material's id and the moment 发布 was confirmed.
 */
async function publishInWorkspace(title: string): Promise<{ id: number; confirmedAt: number }> {
  await editor.goto('/library/editor');
  await expectHeading(editor, '编辑工作台');
  await editor.getByRole('button', { name: /新建资料/ }).click();
  await expectHeading(editor, '新建资料');
  await editor.getByLabel('标题').fill(title);
  await choose(editor, editor.getByLabel('文种'), '讲话');
  const topics = editor.getByLabel('专题');
  await (await search(editor, topics, '纪律', TOPIC)).click();
  await topics.press('Escape');
  await editor.locator('.ant-select-selection-item', { hasText: TOPIC }).waitFor();
  await editor.getByRole('radio', { name: '会员' }).check();
  await editor.getByLabel('导读').fill(NOTE);
  await editor.getByLabel('正文').fill(`# 一、学习党纪\n${BODY_TEXT}\n# 二、遵守党纪\n把纪律挺在前面。`);
  await editor.getByRole('button', { name: /保存草稿/ }).click();
  await editor.waitForURL(/\/library\/editor\/\d+$/);
  const id = Number(/\/library\/editor\/(\d+)$/.exec(editor.url())?.[1]);
  await editor.getByTestId('material-status').getByText('草稿').waitFor();
  await editor.getByRole('button', { name: /立即发布/ }).click();
  const confirm = openedPopconfirm(editor);
  await confirm.getByText('立即发布后读者即可看到，确定发布？').waitFor();
  await confirm.getByRole('button', { name: /发\s*布/ }).click();
  const confirmedAt = Date.now();
  await editor.getByTestId('material-status').getByText('已发布').waitFor();
  return { id, confirmedAt };
}

step('a yearly member and a free member both follow 纪律教育 and keep the library home open', async () => {
  paid = await followTopicOnHome('member1', LAPTOP, 'library-push-subscribe');
  free = await followTopicOnHome('member3', DESKTOP);
});

step('the editor writes the member-tier material in the workspace and publishes it', async () => {
  editor = await stack.signIn('editor2', DESKTOP);
  // Watched from before the publish, so the time it took is the push's and not the test's own steps'.
  noticeArrival = paid
    .getByTestId('library-push-notice')
    .waitFor({ timeout: 60_000 })
    .then(
      () => Date.now(),
      (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
    );
  ({ id: materialId, confirmedAt: publishedAt } = await publishInWorkspace(TITLE));
  assert.equal(await editor.getByLabel('标题').inputValue(), TITLE);
  await editor.mouse.wheel(0, -20_000);
  await shot(editor, 'library-push-editor-published');
});

step(
  'the yearly member sees the notice arrive without a reload, title only, and reads the full text',
  async () => {
    const arrivedAt = await noticeArrival;
    if (arrivedAt instanceof Error) throw arrivedAt;
    const waited = arrivedAt - publishedAt;
    assert.ok(waited < 5_000, `通知应在数秒内到达，实际 ${waited} ms`);
    const notice = paid.getByTestId('library-push-notice');
    await notice.getByText(`资料库新发布：${TITLE}`).waitFor();
    // The home's list shows the new material too, without a reload.
    await paid.getByRole('link', { name: TITLE }).waitFor();
    assert.equal(await paid.getByText(BODY_TEXT).count(), 0, '通知不应包含正文');
    await shot(paid, 'library-push-notice');

    await notice.getByRole('button', { name: /立即阅读/ }).click();
    await paid.waitForURL(`${stack.base}/library/materials/${materialId}`);
    await paid.locator('.library-reader h2', { hasText: '一、学习党纪' }).waitFor();
    await paid.getByText(BODY_TEXT).waitFor();
    assert.equal(await paid.getByTestId('library-locked').count(), 0);
    await shot(paid, 'library-push-reader');
  },
);

step('the free member is told nothing and, opening the link, sees only the teaser', async () => {
  // member1's notice has arrived, so any notice for member3 was sent at the same moment.
  await sleep(QUIET_MS);
  assert.equal(await free.getByTestId('library-push-notice').count(), 0, '免费会员不应收到会员资料的推送');
  const inbox = (await (await free.request.get('/api/notify?pageSize=100')).json()) as {
    items: { title: string }[];
  };
  assert.ok(!inbox.items.some((n) => n.title.includes(TITLE)), '免费会员的通知中不应有这份资料');

  await free.goto(`/library/materials/${materialId}`);
  await free.getByTestId('library-locked').waitFor();
  await free.getByText('本资料为会员资料').waitFor();
  const text = await free.locator('.library-reader').innerText();
  assert.ok(text.includes(TITLE), 'the teaser names the material');
  assert.ok(text.includes(NOTE), 'the teaser shows the editor’s note');
  assert.ok(!text.includes(BODY_TEXT) && !text.includes('把纪律挺在前面'), 'never the body');
  await shot(free, 'library-push-free-teaser');
});

step('the 订阅 control and a notice fit a phone', async () => {
  const phone = await stack.signIn('member1', PHONE);
  const streamOpen = phone.waitForResponse((r) => r.url().endsWith('/api/notify/stream') && r.ok());
  await phone.goto('/library');
  await phone.getByRole('button', { name: '订阅（1）' }).waitFor();
  await streamOpen;
  await publishInWorkspace('纪律教育专题党课辅导讲话（手机推送测试）');
  await phone.getByTestId('library-push-notice').first().waitFor({ timeout: 10_000 });
  await shot(phone, 'library-push-notice-phone');
});
