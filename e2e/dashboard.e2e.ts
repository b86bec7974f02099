/**
 * Browser test of the leader dashboard (领导驾驶舱) and the department view (部门视图) against the real
 * server with the demo organisation: a supervisor makes an item through the API for which leader1 is
 * responsible and which falls due on the next working day; leader1's dashboard shows the same numbers
 * as the API, lists the item among the red and yellow ones, and its red light opens the item list
 * filtered to red; the head of 第一监督检查室 opens his department's view. Screenshots on desktop and phone.
 *
 * Run: node --import tsx --test e2e/dashboard.e2e.ts
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { DESKTOP, PHONE, choose, expectHeading, shot, startStack, type Stack } from './harness.js';
import { People } from './supervision-helpers.js';

const TITLE = '关于明日前报送巡察整改方案的批示';

interface Lights {
  red: number;
  yellow: number;
  green: number;
}
interface Dashboard {
  lights: Lights;
  closed: { onTime: number; late: number; onTimeRate: number | null };
  watched: { title: string; light: string }[];
}
interface Overview {
  department: { name: string };
  lights: Lights;
  rate: { department: { onTimeRate: number | null }; organisation: { onTimeRate: number | null } };
}

let stack: Stack;
const people = new People(() => stack);

before(async () => {
  stack = await startStack();
});

after(async () => {
  await people.close();
  await stack?.stop();
});

/** A JSON call from inside the page, with its session cookie and CSRF header, as the web app makes it. */
async function call<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  const csrf = (await page.context().cookies()).find((c) => c.name === 'luoshi_csrf')?.value;
  const { status, text } = await page.evaluate(
    async (req) => {
      const response = await fetch(req.path, {
        method: req.method,
        headers: {
          'content-type': 'application/json',
          ...(req.csrf ? { 'x-csrf-token': decodeURIComponent(req.csrf) } : {}),
        },
        body: req.body === undefined ? undefined : JSON.stringify(req.body),
      });
      return { status: response.status, text: await response.text() };
    },
    { method, path, body, csrf },
  );
  assert.ok(status >= 200 && status < 300, `${method} ${path}: ${status} ${text}`);
  return JSON.parse(text) as T;
}

const statistic = (page: Page, testId: string) =>
  page.getByTestId(testId).locator('.ant-statistic-content').innerText();
/** How many pixels the page is wider than the viewport (a string: the e2e code has no DOM types). */
const overflowOf = async (page: Page) =>
  Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
const rate = (r: number | null) => (r === null ? '—' : `${r}%`);

test('a supervisor makes an item for leader1 through the API', async () => {
  const supervisor = await people.signIn('duchayuan1');
  const leader = await people.signIn('leader1');
  const { user } = await call<{ user: { id: number } }>(leader, 'GET', '/api/session');
  const { items: departments } = await call<{ items: { id: number; name: string }[] }>(
    supervisor,
    'GET',
    '/api/departments',
  );
  const jd1 = departments.find((d) => d.name === '第一监督检查室');
  assert.ok(jd1);
  type Item = { id: number; version: number };
  let item = await call<Item>(supervisor, 'POST', '/api/items', {
    title: TITLE,
    requirements: '请第一监督检查室于明日前报送巡察整改方案。',
    sourceType: 'instruction',
    sourceRef: { content: '请抓紧报送整改方案。', leaderName: '陈志刚' },
    urgency: 'urgent',
    responsibleLeaderId: user.id,
    feedbackCycle: 'once',
  });
  item = await call<Item>(supervisor, 'POST', `/api/items/${item.id}/submit`, { version: item.version });
  item = await call<Item>(leader, 'POST', `/api/items/${item.id}/approve`, { version: item.version });
  await call(supervisor, 'POST', `/api/items/${item.id}/assign`, {
    version: item.version,
    assignments: [{ departmentId: jd1.id, role: 'lead', workingDays: 1 }],
  });
});

test('leader1 sees the numbers of the API on the dashboard, and the red light opens the red items', async () => {
  const page = people.as('leader1');
  const expected = await call<Dashboard>(page, 'GET', '/api/supervision/dashboard?scope=all&period=month');
  assert.ok(expected.lights.red > 0, 'the demo organisation has overdue work');
  assert.deepEqual(
    expected.watched.filter((w) => w.title === TITLE).map((w) => w.light),
    ['yellow'],
  );

  await page.locator('.ant-layout-sider .ant-menu').getByRole('menuitem', { name: '领导驾驶舱' }).click();
  await page.waitForURL(/\/dashboard$/);
  await expectHeading(page, '领导驾驶舱');
  await page.getByText(TITLE).waitFor();
  for (const light of ['red', 'yellow', 'green'] as const)
    assert.equal(await statistic(page, `light-${light}`), `${expected.lights[light]}件`);
  assert.equal(await statistic(page, 'closed-on-time'), `${expected.closed.onTime}件`);
  assert.equal(await statistic(page, 'closed-late'), `${expected.closed.late}件`);
  assert.equal(await statistic(page, 'on-time-rate'), rate(expected.closed.onTimeRate));
  await page.locator('canvas').nth(3).waitFor();
  await shot(page, 'dashboard-leader', { fullPage: true });

  await page.getByTestId('light-red').click();
  await page.waitForURL(/\/supervision\/items\?light=red$/);
  const list = await call<{ total: number }>(page, 'GET', '/api/items?light=red');
  assert.ok(list.total > 0);
  await page.locator('.ant-table-row').first().waitFor();
  assert.equal(await page.locator('.ant-table-row').count(), Math.min(list.total, 20));
  await shot(page, 'dashboard-red-list');
});

test('the dashboard fits a phone', async () => {
  const page = await people.signIn('leader1', PHONE);
  await page.goto('/dashboard');
  await page.getByText(TITLE).waitFor();
  await page.locator('canvas').nth(3).waitFor();
  const overflow = await overflowOf(page);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`);
  await shot(page, 'dashboard-leader-phone', { fullPage: true });
});

test('leader1 chooses a department for its view', async () => {
  const page = people.as('leader1');
  await page.goto('/department');
  await page.getByText('请选择要查看的部门').waitFor();
  await choose(page, page.getByRole('combobox', { name: '部门' }), '第一监督检查室');
  await page.waitForURL(/\/department\/\d+/);
  await expectHeading(page, '部门视图 · 第一监督检查室');
  await page.getByText(TITLE).first().waitFor();
  await shot(page, 'department-leader', { fullPage: true });
});

test('the head of 第一监督检查室 opens his department view', async () => {
  for (const [viewport, suffix] of [
    [DESKTOP, ''],
    [PHONE, '-phone'],
  ] as const) {
    const page = await people.signIn('jd1_head', viewport);
    if (viewport === DESKTOP) {
      const menu = page.locator('.ant-layout-sider .ant-menu');
      assert.ok(!(await menu.getByRole('menuitem', { name: '领导驾驶舱' }).isVisible()));
      await menu.getByRole('menuitem', { name: '部门视图' }).click();
    } else await page.goto('/department');
    await expectHeading(page, '部门视图 · 第一监督检查室');
    const session = await call<{ user: { departmentId: number } }>(page, 'GET', '/api/session');
    const o = await call<Overview>(
      page,
      'GET',
      `/api/supervision/departments/${session.user.departmentId}/overview`,
    );
    assert.ok(o.lights.yellow > 0, 'the item due tomorrow is yellow');
    for (const light of ['red', 'yellow', 'green'] as const)
      assert.equal(await statistic(page, `dept-light-${light}`), `${o.lights[light]}件`);
    assert.equal(await statistic(page, 'dept-rate'), rate(o.rate.department.onTimeRate));
    assert.equal(await statistic(page, 'org-rate'), rate(o.rate.organisation.onTimeRate));
    await page.getByText(TITLE).first().waitFor();
    if (viewport === PHONE) {
      const overflow = await overflowOf(page);
      assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`);
    }
    await shot(page, `department-head${suffix}`, { fullPage: true });
  }
  assert.deepEqual(people.failures, []);
});
