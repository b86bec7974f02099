/**
 * Browser test of the 资料库 materials against the real server with the demo data: an editor (editor2) writes
 * a material, sees a proofreading finding beside the body, saves and publishes it; a member with only the
 * free grant (member3) reads it in the reader, and sees only the teaser of a member-tier demo material, which
 * a yearly member (member1) reads in full. The editor attaches a PDF to that member-tier material: member3 sees
 * its name and size but is refused the download, member1 downloads it; both see up to five similar
 * materials (locked ones with a lock), and member3 follows the material's topic from the reader. Last,
 * the editor imports a Word document into a new draft.
 * Screenshots (laptop, desktop and phone) go to e2e/screenshots/.
 *
 * Run: CHROMIUM_PATH=/usr/bin/chromium node --import tsx --test e2e/library.e2e.ts
 */
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import type { Page } from 'playwright-core';
import { DESKTOP, LAPTOP, PHONE, expectHeading, shot, startStack, type Stack } from './harness.js';

const TITLE = '在党纪学习教育读书班上的讲话';
const TYPO = '希望大家列出问题清单,有针对性的加以改正。';
const BODY = `同志们：\n# 一、深化学习\n${TYPO}\n# 二、强化落实\n要把纪律要求落实到日常工作之中。`;
const MEMBER_ONLY = '年度组织生活会个人对照检查材料';
const ATTACHMENT = '对照检查材料（打印版）.pdf';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n');

let stack: Stack;

before(async () => {
  stack = await startStack();
});

after(async () => {
  await stack?.stop();
});

/** The walk is one story: after a failed step the later ones are skipped instead of timing out. */
let broken: string | null = null;
function step(name: string, run: () => Promise<void>): void {
  test(name, async (t) => {
    if (broken) return t.skip(`an earlier step failed: ${broken}`);
    try {
      await run();
    } catch (error) {
      broken = name;
      throw error;
    }
  });
}

let editor: Page;
let member: Page;

step('an editor writes a material and the proofreading panel finds a mistake in the body', async () => {
  editor = await stack.signIn('editor2', LAPTOP);
  await editor.goto('/library/editor');
  await expectHeading(editor, '编辑工作台');
  await editor.getByText('年度组织生活会个人对照检查材料').waitFor();
  await shot(editor, 'library-editor-workspace');
  await editor.setViewportSize(PHONE);
  await shot(editor, 'library-editor-workspace-phone');
  await editor.setViewportSize(LAPTOP);
  await editor.getByRole('button', { name: /新建资料/ }).click();
  await expectHeading(editor, '新建资料');
  await editor.getByLabel('标题').fill(TITLE);
  await editor.getByLabel('导读').fill('读书班讲话的基本结构：学什么、怎么做。');
  await editor.getByLabel('正文').fill(BODY);
  await editor.getByRole('button', { name: /校\s*对$/ }).click();
  await editor.getByText('有针对性的').first().waitFor();
  await shot(editor, 'library-editor-proofread-laptop', { fullPage: true });
  await editor.setViewportSize(PHONE);
  await shot(editor, 'library-editor-proofread-phone', { fullPage: true });
  await editor.setViewportSize(LAPTOP);
});

step('the editor saves the draft and publishes it; the version history lists it', async () => {
  await editor.getByRole('button', { name: /保存草稿/ }).click();
  await editor.waitForURL(/\/library\/editor\/\d+$/);
  await editor.getByTestId('material-status').getByText('草稿').waitFor();
  await editor.getByRole('button', { name: /立即发布/ }).click();
  await editor
    .locator('.ant-popconfirm:not(.ant-popover-hidden)')
    .getByRole('button', { name: /发\s*布/ })
    .click();
  await editor.getByTestId('material-status').getByText('已发布').waitFor();
  await editor.getByTestId('material-versions').getByText(/第1版/).waitFor();
  await shot(editor, 'library-editor-published', { fullPage: true });
  await editor.setViewportSize(PHONE);
  await editor.mouse.wheel(0, -20_000);
  await shot(editor, 'library-editor-published-phone');
  await editor.setViewportSize(LAPTOP);
});

step('the editor attaches a PDF to a member-tier material in the workspace', async () => {
  await editor.goto('/library/editor');
  await editor.getByText(MEMBER_ONLY).click();
  await editor.waitForURL(/\/library\/editor\/\d+$/);
  const card = editor.getByTestId('library-editor-attachments');
  await card
    .locator('input[type=file]')
    .setInputFiles({ name: ATTACHMENT, mimeType: 'application/pdf', buffer: PDF });
  await card.getByText(ATTACHMENT).waitFor();
  await editor.getByText(`已上传「${ATTACHMENT}」`).waitFor();
});

step('a member with the free grant finds it on the library home and reads it by sections', async () => {
  member = await stack.signIn('member3', DESKTOP);
  await member.goto('/library');
  await expectHeading(member, '资料库');
  await member.getByRole('link', { name: TITLE }).waitFor();
  await shot(member, 'library-home');
  await member.setViewportSize(PHONE);
  await shot(member, 'library-home-phone');
  await member.setViewportSize(DESKTOP);
  await member.getByRole('link', { name: TITLE }).click();
  await member.waitForURL(/\/library\/materials\/\d+$/);
  await member.locator('.library-reader h2', { hasText: '一、深化学习' }).waitFor();
  await member.getByText(TYPO).waitFor();
  await shot(member, 'library-reader', { fullPage: true });
  await member.setViewportSize(PHONE);
  await shot(member, 'library-reader-phone', { fullPage: true });
  await member.setViewportSize(DESKTOP);
});

step('the same member sees only the teaser of a member-tier material', async () => {
  await member.goto('/library');
  await member.getByRole('link', { name: MEMBER_ONLY }).click();
  await member.getByTestId('library-locked').waitFor();
  await member.getByText('本资料为会员资料').waitFor();
  const text = await member.locator('.library-reader').innerText();
  assert.ok(text.includes('导读'), 'the teaser shows the editor’s note');
  assert.ok(!text.includes('理论学习不够系统'), 'never the body');
  const files = member.getByTestId('library-attachments');
  await files.getByText(ATTACHMENT).waitFor();
  await files.getByText('开通会员后方可下载附件').waitFor();
  await files.getByRole('button', { name: `下载 ${ATTACHMENT}` }).click();
  await member.getByText('本资料为会员资料，开通会员后方可下载').waitFor();
  const similar = member.getByTestId('library-similar');
  await similar.getByRole('link').first().waitFor();
  const similarText = await similar.innerText();
  assert.ok(!similarText.includes(MEMBER_ONLY), 'never the material itself');
  assert.ok((await similar.getByRole('link').count()) <= 5);
  await similar.getByLabel('需开通会员').first().waitFor();
  await member.getByTestId('library-follow').click();
  await member.getByText('已订阅「组织生活会」，有新资料时将提醒您').waitFor();
  await member.getByTestId('library-follow').getByText('已订阅').waitFor();
  await shot(member, 'library-reader-locked');
  await member.setViewportSize(PHONE);
  await shot(member, 'library-reader-locked-phone');
  // The reader's 订阅 is the home's: the home's control counts the topic now followed.
  await member.goto('/library');
  await member.getByRole('button', { name: /订阅（1）/ }).waitFor();
});

step('a yearly member reads the member-tier material in full', async () => {
  const paid = await stack.signIn('member1', DESKTOP);
  await paid.goto('/library');
  await paid.getByRole('link', { name: MEMBER_ONLY }).click();
  await paid.getByText('一是理论学习不够系统', { exact: false }).waitFor();
  assert.equal(await paid.getByTestId('library-locked').count(), 0);
  const [download] = await Promise.all([
    paid.waitForEvent('download'),
    paid.getByRole('button', { name: `下载 ${ATTACHMENT}` }).click(),
  ]);
  assert.equal(download.suggestedFilename(), ATTACHMENT);
  await paid.getByTestId('library-similar').getByRole('link').first().waitFor();
  await shot(paid, 'library-reader-member', { fullPage: true });
  await paid.setViewportSize(LAPTOP);
  await shot(paid, 'library-reader-attachments-similar-laptop', { fullPage: true });
  await paid.setViewportSize(PHONE);
  await shot(paid, 'library-reader-attachments-similar-phone', { fullPage: true });
});

step(
  'the editor imports a Word document: its first heading becomes the title, later ones "# " lines',
  async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: '关于加强作风建设的实施意见', heading: HeadingLevel.HEADING_1 }),
            new Paragraph('为深入推进作风建设，制定本意见。'),
            new Paragraph({ text: '一、总体要求', heading: HeadingLevel.HEADING_2 }),
            new Paragraph('坚持问题导向。'),
          ],
        },
      ],
    });
    const file = join(await mkdtemp(join(tmpdir(), 'luoshi-docx-')), '作风建设实施意见.docx');
    await writeFile(file, await Packer.toBuffer(doc));
    await editor.goto('/library/editor/new');
    await expectHeading(editor, '新建资料');
    await editor.locator('input[type=file]').setInputFiles(file);
    const body = editor.getByLabel('正文');
    for (let i = 0; i < 50 && !(await body.inputValue()); i++) await editor.waitForTimeout(100);
    assert.equal(await body.inputValue(), '为深入推进作风建设，制定本意见。\n# 一、总体要求\n坚持问题导向。');
    assert.equal(await editor.getByLabel('标题').inputValue(), '关于加强作风建设的实施意见');
    await shot(editor, 'library-editor-imported');
  },
);
