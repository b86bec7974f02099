import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../../../test-support/app.js';
import type { TestClient } from '../../../test-support/client.js';
import { TEST_DB } from '../../../test-support/database.js';
import { PASSWORD, seedOrg, type TestOrg } from '../../../test-support/org.js';
import { assignedItem, assignmentOf, instruction, ok, refused } from './helpers.js';

describe(`feedback periods: a missed week is made up first, the light filter, and 重新启动 [${TEST_DB}]`, () => {
  let t: TestApp;
  let org: TestOrg;
  const c: Record<string, TestClient> = {};
  async function loginAll(): Promise<void> {
    for (const login of ['supervisor', 'leader', 'handler1']) {
      c[login] = t.client();
      assert.equal((await c[login].login(login, PASSWORD)).statusCode, 200);
    }
  }
  before(async () => {
    t = await startTestApp();
    org = await seedOrg(t);
    await loginAll();
  });
  after(() => t.close());

  test('weekly feedback missed in W10 is filed against W10 (late), then W11 (on time), then refused', async () => {
    const first = org.departments.first;
    const item = await assignedItem(c.supervisor!, c.leader!, instruction('每周反馈的事项'), [
      { departmentId: first, role: 'lead', deadline: '2026-06-30' },
    ]);
    let a = assignmentOf(item, first);
    ok(await c.handler1!.post(`/api/assignments/${a.id}/acknowledge`, { version: a.version }));

    t.clock.set('2026-03-10T02:00:00Z'); // Tuesday of W11; W10's feedback (due Friday 03-06) was never sent
    await loginAll();
    a = assignmentOf(ok(await c.handler1!.get(`/api/items/${item.id}`)), first);
    assert.deepEqual([a.light, a.nextFeedbackDue], ['yellow', '2026-03-06']);

    ok(await c.handler1!.post(`/api/assignments/${a.id}/feedbacks`, { content: '补报第10周进展。' }), 201);
    ok(await c.handler1!.post(`/api/assignments/${a.id}/feedbacks`, { content: '第11周进展。' }), 201);
    a = assignmentOf(ok(await c.handler1!.get(`/api/items/${item.id}`)), first);
    assert.deepEqual(
      a.feedbacks.map((f) => [f.period, f.onTime]),
      [
        ['2026-W10', false],
        ['2026-W11', true],
      ],
    );
    assert.equal(a.light, 'green');
    refused(
      await c.handler1!.post(`/api/assignments/${a.id}/feedbacks`, { content: '再报一次' }),
      409,
      'INVALID_STATE',
    );

    const yellow = (await c.supervisor!.get('/api/items?light=green&pageSize=1')).json<{
      total: number;
      items: { id: number }[];
    }>();
    assert.equal(yellow.total, 1);
    assert.deepEqual(
      yellow.items.map((i) => i.id),
      [item.id],
    );
    const none = (await c.supervisor!.get('/api/items?light=red')).json<{ total: number }>();
    assert.equal(none.total, 0);
  });
  test('after 重新启动 feedback is owed from the reopening, not for the weeks it stood suspended', async () => {
    t.clock.set('2026-03-10T02:00:00Z');
    await loginAll();
    const first = org.departments.first;
    let item = await assignedItem(c.supervisor!, c.leader!, instruction('中止后重新启动的事项'), [
      { departmentId: first, role: 'lead', deadline: '2026-06-30' },
    ]);
    let a = assignmentOf(item, first);
    ok(await c.handler1!.post(`/api/assignments/${a.id}/acknowledge`, { version: a.version }));
    ok(await c.handler1!.post(`/api/assignments/${a.id}/feedbacks`, { content: '第11周进展。' }), 201);
    item = ok(await c.supervisor!.get(`/api/items/${item.id}`));
    item = ok(
      await c.supervisor!.post(`/api/items/${item.id}/suspend`, {
        version: item.version,
        reason: '任务调整',
      }),
    );

    t.clock.set('2026-04-21T02:00:00Z'); // Tuesday of W17: W12–W16 passed while suspended
    await loginAll();
    item = ok(
      await c.supervisor!.post(`/api/items/${item.id}/reopen`, {
        version: item.version,
        instruction: '根据新批示继续推进',
        deadline: null,
      }),
    );
    a = assignmentOf(item, first);
    // W17's feedback, due Friday: not W12's, due 03-20 and five weeks late.
    assert.deepEqual([a.status, a.nextFeedbackDue], ['acknowledged', '2026-04-24']);
    ok(await c.handler1!.post(`/api/assignments/${a.id}/feedbacks`, { content: '第17周进展。' }), 201);
    a = assignmentOf(ok(await c.handler1!.get(`/api/items/${item.id}`)), first);
    assert.deepEqual(
      a.feedbacks.map((f) => [f.period, f.onTime]),
      [
        ['2026-W11', true],
        ['2026-W17', true],
      ],
    );
  });
  test('重新启动 refuses a new deadline before today, and needs one when the old deadline has passed', async () => {
    t.clock.set('2026-03-10T02:00:00Z');
    await loginAll();
    const first = org.departments.first;
    let item = await assignedItem(c.supervisor!, c.leader!, instruction('时限已过后重新启动的事项'), [
      { departmentId: first, role: 'lead', deadline: '2026-03-31' },
    ]);
    const a = assignmentOf(item, first);
    ok(await c.handler1!.post(`/api/assignments/${a.id}/acknowledge`, { version: a.version }));
    item = ok(await c.supervisor!.get(`/api/items/${item.id}`));
    item = ok(
      await c.supervisor!.post(`/api/items/${item.id}/suspend`, {
        version: item.version,
        reason: '任务调整',
      }),
    );

    t.clock.set('2026-04-21T02:00:00Z');
    await loginAll();
    const reopen = (deadline: string | null) =>
      c.supervisor!.post(`/api/items/${item.id}/reopen`, {
        version: item.version,
        instruction: '根据新批示继续推进',
        deadline,
      });
    for (const [deadline, message] of [
      ['2026-04-20', '新的办理时限：2026-04-20 早于今天'],
      [null, '新的办理时限：原办理时限 2026-03-31 已过，请填写新的办理时限'],
    ] as const) {
      const res = await reopen(deadline);
      refused(res, 400, 'VALIDATION_FAILED');
      assert.equal(res.json<{ message: string }>().message, message);
    }
    assert.equal(ok(await c.supervisor!.get(`/api/items/${item.id}`)).status, 'suspended', 'nothing changed');
    item = ok(await reopen('2026-05-29'));
    const reopened = assignmentOf(item, first);
    assert.deepEqual([item.status, reopened.deadline], ['assigned', '2026-05-29']);
    assert.notEqual(reopened.light, 'red', 'not overdue the moment it runs again');
  });
});
