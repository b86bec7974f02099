/**
 * Browser test of the 资料库 materials against the real server with the demo data: an editor (editor2) writes
 * a material, sees a proofreading finding beside the body, saves and publishes it; a member with only the
 * free grant (member3) reads it in the reader, and sees only the teaser of a member-tier demo material, which
 * a yearly member (member1) reads in full. The editor attaches a PDF to that member-tier material: member3 sees
 * its name and size but is refused the download, member1 downloads it; both see up to five similar
 * materials (locked ones with a lock), and member3 follows the material's topic from the reader. A long
 * material is read a page at a time: 下一页, the page kept in the URL over a reload, the contents list (and
 * 目录 on a phone) turning to a heading's page, and printing the whole text. Last, the editor imports a Word
 * document into a new draft.
 * Screenshots (laptop, desktop and phone) go to e2e/screenshots/.
 *
 * Run: CHROMIUM_PATH=/usr/bin/chromium node --import tsx --test e2e/library.e2e.ts
 */
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import type { Page } from 'playwright-core';
import {
  DESKTOP,
  LAPTOP,
  PHONE,
  expectHeading,
  shot,
  startStack,
  storySteps,
  type Stack,
  openedPopconfirm,
} from './harness.js';

const TITLE = '在党纪学习教育读书班上的讲话';
const TYPO = '希望大家列出问题清单,有针对性的加以改正。';
const BODY = `同志们：\n# 一、深化学习\n${TYPO}\n# 二、强化落实\n要把纪律要求落实到日常工作之中。`;
const MEMBER_ONLY = '年度组织生活会个人对照检查材料';
const ATTACHMENT = '对照检查材料（打印版）.pdf';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n');
const SMALL_PHONE = { width: 375, height: 812 };

/** A long material (about 6,300 characters): an opening and four sections, the second longer than a page. */
const LONG_TITLE = '在全面从严治党工作会议上的讲话';
const FILLER = '要坚持以问题为导向，把学习成果转化为推动工作的实际成效，切实做到学思用贯通、知信行统一。';
const LONG_SECTIONS = [
  { heading: '一、提高认识', paragraphs: 3 },
  { heading: '二、压实责任', paragraphs: 8 },
  { heading: '三、严明纪律', paragraphs: 3 },
  { heading: '四、改进作风', paragraphs: 2 },
];
const LONG_PARAGRAPHS = [
  `开篇第1段：${FILLER.repeat(8)}`,
  ...LONG_SECTIONS.flatMap((s, i) =>
    Array.from({ length: s.paragraphs }, (_, j) => `第${i + 1}部分第${j + 1}段：${FILLER.repeat(8)}`),
  ),
];
const LAST_HEADING = LONG_SECTIONS[LONG_SECTIONS.length - 1]!.heading;

let stack: Stack;

before(async () => {
  stack = await startStack();
});

after(async () => {
  await stack?.stop();
});

/** The walk is one story: after a failed step the later ones are skipped instead of timing out. */
const step = storySteps();

let editor: Page;
let member: Page;
let longMaterial = 0;

/** The editor's own session drafts and publishes the long material through the API, as the workspace does. */
async function publishLongMaterial(page: Page): Promise<number> {
  const csrf = (await page.context().cookies()).find((c) => c.name === 'luoshi_csrf')?.value ?? '';
  const lines = [LONG_PARAGRAPHS[0]!];
  const headings: number[] = [];
  let next = 1;
  for (const s of LONG_SECTIONS) {
    headings.push(lines.length);
    lines.push(s.heading, ...LONG_PARAGRAPHS.slice(next, next + s.paragraphs));
    next += s.paragraphs;
  }
  return page.evaluate(
    async ({ title, body, headings, csrf }) => {
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
          tier: 'free',
          body,
          headings,
          note: '长篇讲话的分页阅读示范。',
          keyPoints: ['提高认识', '压实责任'],
        }),
      });
      if (!created.ok) throw new Error(await created.text());
      const m = (await created.json()) as { id: number; version: number };
      const published = await fetch(`${base}/${m.id}/publish`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ version: m.version }),
      });
      if (!published.ok) throw new Error(await published.text());
      return m.id;
    },
    { title: LONG_TITLE, body: lines.join('\n'), headings, csrf },
  );
}

/**
 * The reader's paragraphs on screen (those of the other pages are hidden), and the pager's 第 n / N 页,
 * once the pager shows page `expected` when given: the URL changes a moment before the page renders.
 */
async function shownPage(
  page: Page,
  expected?: number,
): Promise<{ paragraphs: string[]; at: number; total: number }> {
  if (expected)
    await page
      .getByTestId('library-pager')
      .getByText(new RegExp(`第 ${expected} / \\d+ 页`))
      .waitFor();
  const paragraphs = await page.locator('.library-reader p.library-paragraph:visible').allInnerTexts();
  const label = await page
    .getByTestId('library-pager')
    .getByText(/第 \d+ \/ \d+ 页/)
    .innerText();
  const [, at, total] = /第 (\d+) \/ (\d+) 页/.exec(label) ?? [];
  return { paragraphs, at: Number(at), total: Number(total) };
}

/** Whether the reader's heading `text` is on screen now, not just in the document. */
async function inViewport(page: Page, text: string): Promise<boolean> {
  const box = await page.locator('.library-reader h2', { hasText: text }).boundingBox();
  const height = page.viewportSize()?.height ?? 0;
  return box !== null && box.y >= 0 && box.y < height;
}

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
  await openedPopconfirm(editor)
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
  assert.equal(await member.getByTestId('library-pager').count(), 0, 'a one-page material has no pager');
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

step('a long material is read a page at a time: 下一页 turns the page and the URL keeps it', async () => {
  longMaterial = await publishLongMaterial(editor);
  await member.setViewportSize(LAPTOP);
  await member.goto(`/library/materials/${longMaterial}`);
  await member.getByText(LONG_PARAGRAPHS[0]!).waitFor();
  const first = await shownPage(member);
  assert.equal(first.at, 1);
  assert.ok(first.total >= 2, `a long text takes more than one page (${first.total})`);
  assert.ok(first.paragraphs.length < LONG_PARAGRAPHS.length, 'page 1 is not the whole text');
  const pager = member.getByTestId('library-pager');
  assert.ok(await pager.getByRole('button', { name: /上一页/ }).isDisabled());
  await shot(member, 'library-reader-paged-laptop', { fullPage: true });

  await pager.getByRole('button', { name: /下一页/ }).click();
  await member.waitForURL(/\?page=2$/);
  const second = await shownPage(member, 2);
  assert.equal(second.at, 2);
  assert.ok(second.paragraphs.length > 0);
  assert.ok(
    second.paragraphs.every((p) => !first.paragraphs.includes(p)),
    'page 2 goes on from page 1',
  );
  assert.equal(await member.getByText(LONG_PARAGRAPHS[0]!).isVisible(), false);

  await member.reload();
  await member.getByText(second.paragraphs[0]!).waitFor();
  assert.deepEqual(await shownPage(member, 2), second, 'a reload stays on page 2');

  // Turning on to the end shows every paragraph once, in order, and the key points on the last page.
  // The section longer than a page goes on under a line naming it.
  const continues = () => member.locator('.library-reader .library-continues:visible').allInnerTexts();
  const read = [...first.paragraphs, ...second.paragraphs];
  const continued = await continues();
  for (let n = 3; n <= first.total; n++) {
    await pager.getByRole('button', { name: /下一页/ }).click();
    await member.waitForURL(new RegExp(`\\?page=${n}$`));
    read.push(...(await shownPage(member, n)).paragraphs);
    continued.push(...(await continues()));
  }
  assert.deepEqual(read, LONG_PARAGRAPHS);
  assert.ok(continued.includes(`${LONG_SECTIONS[1]!.heading}（续）`), continued.join('、'));
  assert.ok(await pager.getByRole('button', { name: /下一页/ }).isDisabled());
  await member.getByText('要点').waitFor();
});

step('the contents list turns to the page of a heading, and printing shows the whole text', async () => {
  await member.setViewportSize(DESKTOP);
  await member.goto(`/library/materials/${longMaterial}`);
  await member.getByText(LONG_PARAGRAPHS[0]!).waitFor();
  const { total } = await shownPage(member);
  await member.locator('.ant-anchor').getByRole('link', { name: LAST_HEADING }).click();
  await member.waitForURL(new RegExp(`\\?page=${total}$`));
  await member.locator('.library-reader h2', { hasText: LAST_HEADING }).waitFor();
  await shownPage(member, total);
  assert.ok(await inViewport(member, LAST_HEADING), 'the heading is scrolled into view');
  await member.locator('.ant-anchor').getByRole('link', { name: LONG_SECTIONS[0]!.heading }).click();
  await member.waitForURL((url) => !url.search.includes('page='));
  await member.getByText(LONG_PARAGRAPHS[0]!).waitFor();

  await member.emulateMedia({ media: 'print' });
  const printed = await member.locator('.library-reader p.library-paragraph:visible').allInnerTexts();
  assert.deepEqual(printed, LONG_PARAGRAPHS, 'the printout has every page');
  assert.equal(await member.getByTestId('library-pager').isVisible(), false, 'no pager on paper');
  assert.equal(await member.locator('.library-continues:visible').count(), 0, 'no 续 lines on paper');
  assert.ok(await member.getByText('长篇讲话的分页阅读示范').isVisible());
  assert.ok(await member.getByText('要点').isVisible());
  await shot(member, 'library-reader-print', { fullPage: true });
  await member.emulateMedia({ media: 'screen' });
  await member.getByText(LONG_PARAGRAPHS[LONG_PARAGRAPHS.length - 1]!).waitFor({ state: 'hidden' });
});

step('on a phone the pager fits and 目录 turns to a heading’s page', async () => {
  await member.setViewportSize(SMALL_PHONE);
  await member.goto(`/library/materials/${longMaterial}?page=2`);
  const pager = member.getByTestId('library-pager');
  await pager.waitFor();
  const box = await pager.boundingBox();
  assert.ok(box && box.x >= 0 && box.x + box.width <= SMALL_PHONE.width, 'the pager fits the screen');
  await shot(member, 'library-reader-paged-phone', { fullPage: true });
  const { total } = await shownPage(member);
  await member.getByRole('button', { name: /目\s*录/ }).click();
  await member.getByRole('menuitem', { name: LAST_HEADING }).click();
  await member.waitForURL(new RegExp(`\\?page=${total}$`));
  await member.locator('.library-reader h2', { hasText: LAST_HEADING }).waitFor();
  assert.ok(await inViewport(member, LAST_HEADING), 'the heading is scrolled into view');
  await shot(member, 'library-reader-paged-contents-phone');
  await member.setViewportSize(DESKTOP);
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
