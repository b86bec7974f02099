/**
 * Browser test of 资料检索 with the demo library: a member with only the free grant (member3) searches a
 * word and sees highlighted snippets of free materials and a locked teaser, without text, of a member-tier
 * one; a yearly member (member1) sees that material's snippet with the word marked; similar materials open.
 * Screenshots (laptop and phone) go to e2e/screenshots/.
 *
 * Run: CHROMIUM_PATH=/usr/bin/chromium node --import tsx --test e2e/library-search.e2e.ts
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { LAPTOP, PHONE, expectHeading, shot, startStack, type Stack } from './harness.js';

const MEMBER_ONLY = '年度组织生活会个人对照检查材料';
const MEMBER_TEXT = '深入基层调研次数偏少';

let stack: Stack;

before(async () => {
  stack = await startStack();
});

after(async () => {
  await stack?.stop();
});

async function searchFor(page: Page, word: string): Promise<void> {
  await page.goto('/library/search');
  await expectHeading(page, '资料检索');
  await page.getByLabel('检索词').fill(word);
  await page.getByLabel('检索词').press('Enter');
  await page.getByTestId('library-search-summary').waitFor();
}

const hit = (page: Page, title: string) => page.getByTestId('library-search-hit').filter({ hasText: title });

test('a free member sees marked snippets, and a locked teaser without text for member material', async () => {
  const page = await stack.signIn('member3', LAPTOP);
  await searchFor(page, '调研');
  const locked = hit(page, MEMBER_ONLY);
  await locked.getByTestId('library-search-locked').waitFor();
  assert.equal(await locked.getByTestId('library-search-snippet').count(), 0);
  assert.ok(!(await page.content()).includes(MEMBER_TEXT), 'no text of the locked material on the page');
  const marks = await page.locator('mark.library-search-mark').allInnerTexts();
  assert.ok(marks.length > 0 && marks.every((m) => m === '调研'), marks.join(','));
  await shot(page, 'library-search-laptop', { fullPage: true });
  await page.setViewportSize(PHONE);
  await shot(page, 'library-search-phone', { fullPage: true });
});

test('a yearly member reads the snippet of the member material with the word marked; similar materials open', async () => {
  const page = await stack.signIn('member1', LAPTOP);
  await searchFor(page, '调研');
  const open = hit(page, MEMBER_ONLY);
  const snippet = open.getByTestId('library-search-snippet');
  await snippet.waitFor();
  const text = (await snippet.innerText()).replace(/\s+/g, '');
  assert.ok(text.includes(MEMBER_TEXT), text);
  assert.deepEqual(await snippet.locator('mark').allInnerTexts(), ['调研']);
  await open.getByRole('button', { name: '相似资料' }).click();
  await open.getByTestId('library-similar').waitFor();
  await shot(page, 'library-search-similar-laptop', { fullPage: true });
});

test('a word in no material says so in Chinese; a one-character query finds materials', async () => {
  const page = await stack.signIn('member3', PHONE);
  await searchFor(page, '不存在的检索词');
  await page.getByText('没有找到含有该检索词的资料').waitFor();
  await searchFor(page, '党');
  assert.ok((await page.getByTestId('library-search-hit').count()) > 0);
});
