import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DESKTOP, fillLogin, shot, startStack, type Stack } from './harness.js';

let stack: Stack;

before(async () => {
  stack = await startStack();
});

after(() => stack?.stop());

test('公文校对: findings for pasted text, one certain fix accepted, the corrected text checked again', async () => {
  const context = await stack.newContext(DESKTOP);
  const page = await context.newPage();
  await fillLogin(page, 'bgs_staff', stack.demoPassword);
  await page.waitForURL(`${stack.base}/`);
  await page.goto('/proofread');
  const area = page.getByPlaceholder('在此粘贴公文正文，或点击“上传 .txt”。每段一行。');
  await area.fill('希望大家列出问题清单,有针对性的加以改正。');
  await page.getByRole('button', { name: /校\s*对$/ }).click();
  await page.getByText('有针对性的').first().waitFor();
  await page
    .getByText(/GB\/T 15834/)
    .first()
    .waitFor();
  await shot(page, 'proofread-findings');
  await page
    .getByRole('button', { name: /^\S*\s*采\s*纳$/ })
    .first()
    .click();
  for (let i = 0; i < 50 && !(await area.inputValue()).includes('清单，'); i++)
    await page.waitForTimeout(100);
  assert.equal(
    await area.inputValue(),
    '希望大家列出问题清单，有针对性的加以改正。',
    'only the certain fix is applied',
  );
  await shot(page, 'proofread-after-fix');
  await context.close();
});
