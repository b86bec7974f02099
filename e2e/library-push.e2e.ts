/**
 * Browser test of the 资料库 real-time push against the real server with the demo data: a yearly member
 * (member1) follows the topic 纪律教育 through the 订阅 control and keeps the library home open; an editor
 * (editor2) publishes a member-tier material on that topic; the notice arrives over the notify stream
 * without a reload (title and link only) and opens the reader. Screenshots go to e2e/screenshots/.
 *
 * Run: CHROMIUM_PATH=/usr/bin/chromium node --import tsx --test e2e/library-push.e2e.ts
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { DESKTOP, LAPTOP, PHONE, expectHeading, shot, startStack, type Stack } from './harness.js';

const TITLE = '在纪律教育专题党课上的讲话（推送测试）';
const BODY_TEXT = '推送正文不应出现在通知里';

let stack: Stack;
/** The editor signed in by the first test publishes again in the second. */
let editor: Page;

before(async () => {
  stack = await startStack();
});

after(async () => {
  await stack?.stop();
});

/** The editor's own session drafts and publishes through the API, as the workspace's buttons do. */
async function publishAsEditor(editor: Page): Promise<number> {
  const csrf = (await editor.context().cookies()).find((c) => c.name === 'luoshi_csrf')?.value ?? '';
  return editor.evaluate(
    async ({ title, body, csrf }) => {
      const headers = { 'content-type': 'application/json', 'x-csrf-token': decodeURIComponent(csrf) };
      const base = '/api/library/editor/materials';
      const created = await fetch(base, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          title,
          type: '讲话',
          topics: ['纪律教育'],
          occasion: null,
          tier: 'member',
          body: `一、学习党纪\n${body}`,
          headings: [0],
          note: '纪律教育党课示范',
          keyPoints: [],
        }),
      });
      const m = (await created.json()) as { id: number; version: number };
      const published = await fetch(`${base}/${m.id}/publish`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ version: m.version }),
      });
      if (!published.ok) throw new Error(await published.text());
      return m.id;
    },
    { title: TITLE, body: BODY_TEXT, csrf },
  );
}

test('a subscribed member with the library open sees the publish notice arrive and opens the material', async () => {
  const member = await stack.signIn('member1', LAPTOP);
  await member.goto('/library');
  await expectHeading(member, '资料库');
  await member.getByRole('button', { name: /订阅/ }).click();
  const dialog = member.getByRole('dialog', { name: '订阅资料推送' });
  await dialog.getByRole('checkbox', { name: '纪律教育' }).check();
  await dialog.getByRole('checkbox', { name: '讲话' }).check();
  await shot(member, 'library-push-subscribe');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await member.getByRole('button', { name: '订阅（2）' }).waitFor();

  editor = await stack.signIn('editor2', DESKTOP);
  const id = await publishAsEditor(editor);
  const sentAt = Date.now();

  const notice = member.getByTestId('library-push-notice');
  await notice.waitFor({ timeout: 5_000 });
  const waited = Date.now() - sentAt;
  assert.ok(waited < 3_000, `通知应在数秒内到达，实际 ${waited} ms`);
  await notice.getByText(`资料库新发布：${TITLE}`).waitFor();
  // The home's list shows the new material too, without a reload.
  await member.getByRole('link', { name: TITLE }).waitFor();
  assert.equal(await member.getByText(BODY_TEXT).count(), 0, '通知不应包含正文');
  await shot(member, 'library-push-notice');

  await notice.getByRole('button', { name: /立即阅读/ }).click();
  await member.waitForURL(`${stack.base}/library/materials/${id}`);
  await member.getByText(BODY_TEXT).waitFor();
  await shot(member, 'library-push-reader');
});

test('the 订阅 control and a notice fit a phone', async () => {
  const phone = await stack.signIn('member1', PHONE);
  await phone.goto('/library');
  await phone.getByRole('button', { name: '订阅（2）' }).waitFor();
  await publishAsEditor(editor);
  await phone.getByTestId('library-push-notice').first().waitFor({ timeout: 5_000 });
  await shot(phone, 'library-push-notice-phone');
});
