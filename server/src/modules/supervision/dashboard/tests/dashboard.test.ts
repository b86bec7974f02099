import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { startTestApp, type TestApp } from '../../../../test-support/app.js';
import type { TestClient } from '../../../../test-support/client.js';
import { TEST_DB } from '../../../../test-support/database.js';
import { PASSWORD } from '../../../../test-support/org.js';
import { buildCircularFixture, type CircularFixture } from '../../circulars/tests/fixture.js';
import { assignedItem, instruction, refused } from '../../tests/helpers.js';
import type { dashboard } from '../service.js';
import type { departmentOverview } from '../department.js';

type Dashboard = Awaited<ReturnType<typeof dashboard>>;
type Overview = Awaited<ReturnType<typeof departmentOverview>>;

const json = <T>(res: LightMyRequestResponse): T => {
  assert.equal(res.statusCode, 200, res.body);
  return res.json<T>();
};
const rate = (c: Dashboard['totals']) => [c.assigned, c.closedOnTime, c.closedLate, c.overdue, c.onTimeRate];

/**
 * The circulars' fixture (ends 2026-04-02: M1B and M3C overdue, M2B and the standing M6C owe a weekly
 * feedback) plus two items the leader follows, made through the API on that day: one due tomorrow
 * (yellow, the leader responsible), one due in April's third week (green, watched).
 */
describe(`dashboard (领导驾驶舱) and department view (部门视图) [${TEST_DB}]`, () => {
  let t: TestApp;
  let fx: CircularFixture;
  const c: Record<string, TestClient> = {};
  let dueTomorrow = 0;

  before(async () => {
    t = await startTestApp();
    fx = await buildCircularFixture(t);
    for (const login of ['supervisor', 'leader', 'head1', 'head2', 'handler1', 'member', 'sysadmin']) {
      c[login] = t.client();
      assert.equal((await c[login].login(login, PASSWORD)).statusCode, 200);
    }
    const leaderId = fx.org.users.leader ?? 0;
    const first = fx.org.departments.first;
    dueTomorrow = (
      await assignedItem(
        c.supervisor!,
        c.leader!,
        instruction('关于明日前报送整改方案的批示', { responsibleLeaderId: leaderId }),
        [{ departmentId: first, role: 'lead', deadline: '2026-04-03' }],
      )
    ).id;
    await assignedItem(
      c.supervisor!,
      c.leader!,
      instruction('关于推进年度重点工作的批示', { watcherIds: [leaderId] }),
      [{ departmentId: first, role: 'lead', deadline: '2026-04-20' }],
    );
  });
  after(() => t.close());

  test('the leader sees lights, the year so far, the ranking, sources, the trend and the items at risk', async () => {
    const d = json<Dashboard>(await c.leader!.get('/api/supervision/dashboard?period=year'));
    assert.equal(d.today, '2026-04-02');
    assert.deepEqual(d.scope, { departmentId: null, departmentName: null });
    assert.deepEqual(d.lights, { red: 2, yellow: 3, green: 1, total: 6 });
    assert.deepEqual(d.closed, { onTime: 4, late: 3, onTimeRate: 44.4 });
    assert.deepEqual(
      d.ranking.map((r) => [r.rank, r.departmentName, ...rate(r)]),
      [
        [1, '第一监督检查室', 6, 3, 1, 0, 75],
        [2, '第三监督检查室', 4, 1, 1, 1, 33.3],
        [3, '第二监督检查室', 3, 0, 1, 1, 0],
      ],
    );
    assert.deepEqual(
      d.sources.map((s) => [s.sourceType, s.red, s.yellow, s.green]),
      [
        ['instruction', 1, 3, 1],
        ['meeting', 1, 0, 0],
      ],
    );
    assert.equal(d.trend.unit, 'month');
    assert.equal(d.trend.buckets.length, 12);
    assert.equal(d.trend.buckets[0]?.start, '2025-05-01');
    assert.deepEqual(
      d.trend.buckets.slice(-3).map((b) => [b.start, b.assigned, b.closed]),
      [
        ['2026-02-01', 4, 2],
        ['2026-03-01', 7, 5],
        ['2026-04-01', 2, 0],
      ],
    );
    assert.deepEqual(
      d.watched.map((w) => [w.id, w.light, w.responsible, w.deadline]),
      [[dueTomorrow, 'yellow', true, '2026-04-03']],
    );
  });

  test('the light counts agree with the item list filtered by light', async () => {
    const d = json<Dashboard>(await c.supervisor!.get('/api/supervision/dashboard'));
    const red = json<{ total: number }>(await c.supervisor!.get('/api/items?light=red'));
    assert.equal(red.total, d.lights.red);
    assert.equal(d.period.kind, 'month');
    assert.equal(d.trend.unit, 'week');
    assert.equal(d.trend.buckets.at(-1)?.start, '2026-03-30');
    assert.deepEqual(d.watched, []);
  });

  test('a department scope narrows every figure; a department head sees only their own', async () => {
    const second = fx.org.departments.second;
    const d = json<Dashboard>(
      await c.supervisor!.get(`/api/supervision/dashboard?scope=${second}&period=year`),
    );
    assert.deepEqual(d.scope, { departmentId: second, departmentName: '第二监督检查室' });
    assert.deepEqual(d.lights, { red: 1, yellow: 1, green: 0, total: 2 });
    assert.deepEqual(rate(d.totals), [3, 0, 1, 1, 0]);

    const own = json<Dashboard>(await c.head1!.get('/api/supervision/dashboard?period=year'));
    assert.equal(own.scope.departmentId, fx.org.departments.first);
    assert.deepEqual(own.lights, { red: 0, yellow: 1, green: 1, total: 2 });
    assert.deepEqual(
      own.ranking.map((r) => r.departmentName),
      ['第一监督检查室'],
    );
    refused(await c.head1!.get(`/api/supervision/dashboard?scope=${second}`), 404, 'NOT_FOUND');
    refused(await c.supervisor!.get('/api/supervision/dashboard?scope=9999'), 404, 'NOT_FOUND');
    refused(await c.handler1!.get('/api/supervision/dashboard'), 403, 'FORBIDDEN');
    refused(await c.member!.get('/api/supervision/dashboard'), 403, 'FORBIDDEN');
    refused(await c.sysadmin!.get('/api/supervision/dashboard'), 403, 'FORBIDDEN');
    refused(await c.leader!.get('/api/supervision/dashboard?period=decade'), 400, 'VALIDATION_FAILED');
  });

  test('the department view: status and light, overdue and due-soon lists, people, rate against the organisation', async () => {
    const second = fx.org.departments.second;
    const o = json<Overview>(await c.head2!.get(`/api/supervision/departments/${second}/overview`));
    assert.equal(o.department.name, '第二监督检查室');
    assert.deepEqual(o.lights, { red: 1, yellow: 1, green: 0, total: 2 });
    assert.deepEqual(o.byStatus.map((s) => [s.status, s.total, s.red, s.yellow, s.green]).sort(), [
      ['acknowledged', 2, 1, 1, 0],
      ['closed', 1, 0, 0, 0],
      ['suspended', 1, 0, 0, 0],
    ]);
    assert.deepEqual(
      o.overdue.map((w) => [w.assignmentId, w.deadline, w.daysOverdue, w.accountable]),
      [[fx.assignments.M1B, '2026-03-13', 20, 'handler2']],
    );
    // The first week without a delivered feedback (W10, due Friday 6 March: its feedback was returned),
    // as on the item page: the next feedback is filed against it.
    assert.deepEqual(
      o.dueSoon.map((w) => [w.assignmentId, w.deadline, w.feedbackDue]),
      [[fx.assignments.M2B, '2026-04-30', '2026-03-06']],
    );
    assert.deepEqual(
      o.people.map((p) => [p.name, p.open, p.red, p.yellow]),
      [
        ['handler2', 2, 1, 1],
        ['head2', 0, 0, 0],
      ],
    );
    assert.equal(o.unsigned, null);
    assert.deepEqual(rate(o.rate.department), [3, 0, 1, 1, 0]);
    assert.deepEqual(rate(o.rate.organisation), [13, 4, 3, 2, 44.4]);

    const first = json<Overview>(
      await c.leader!.get(`/api/supervision/departments/${fx.org.departments.first}/overview`),
    );
    assert.deepEqual(first.unsigned, { open: 2, red: 0, yellow: 1 });
    assert.deepEqual(
      first.dueSoon.map((w) => [w.itemId, w.deadline, w.feedbackDue]),
      [[dueTomorrow, '2026-04-03', null]],
    );
  });

  test('the department view refuses other departments (404) and roles without the duty (403)', async () => {
    const second = fx.org.departments.second;
    refused(await c.head1!.get(`/api/supervision/departments/${second}/overview`), 404, 'NOT_FOUND');
    refused(await c.supervisor!.get('/api/supervision/departments/9999/overview'), 404, 'NOT_FOUND');
    refused(
      await c.handler1!.get(`/api/supervision/departments/${fx.org.departments.first}/overview`),
      403,
      'FORBIDDEN',
    );
    refused(await c.sysadmin!.get(`/api/supervision/departments/${second}/overview`), 403, 'FORBIDDEN');
  });

  test('an item the leader only watches joins the list once it turns yellow', async () => {
    const watched = await assignedItem(
      c.supervisor!,
      c.leader!,
      instruction('关于核查信访件办理情况的批示', { watcherIds: [fx.org.users.leader ?? 0] }),
      [{ departmentId: fx.org.departments.second, role: 'lead', deadline: '2026-04-07' }],
    );
    const d = json<Dashboard>(await c.leader!.get('/api/supervision/dashboard'));
    assert.deepEqual(
      d.watched.map((w) => [w.id, w.light, w.responsible]),
      [
        [dueTomorrow, 'yellow', true],
        [watched.id, 'yellow', false],
      ],
    );
  });
});
