import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { startTestApp, type TestApp } from '../../../../test-support/app.js';
import type { TestClient } from '../../../../test-support/client.js';
import { TEST_DB } from '../../../../test-support/database.js';
import { PASSWORD } from '../../../../test-support/org.js';
import type { CircularStats } from '../stats.js';
import { buildCircularFixture, type CircularFixture } from './fixture.js';

interface Detail {
  id: number;
  status: string;
  version: number;
  title: string;
  text: { title: string; lead: string[]; docNumber: string | null; issuer: string };
  sentences: { overall: string; comparison: string; departments: string; overdue: string };
  stats: CircularStats;
}

const body = (res: LightMyRequestResponse, status = 200): Detail => {
  assert.equal(res.statusCode, status, res.body);
  return res.json<Detail>();
};
const refused = (res: LightMyRequestResponse, status: number, code: string) => {
  assert.equal(res.statusCode, status, res.body);
  assert.equal(res.json<{ code: string }>().code, code);
};
const counts = (c: CircularStats['totals']) => [
  c.assigned,
  c.closedOnTime,
  c.closedLate,
  c.overdue,
  c.inProgress,
  c.onTimeRate,
];

describe(`circulars (通报): statistics, ranking, comparison, workflow [${TEST_DB}]`, () => {
  let t: TestApp;
  let fx: CircularFixture;
  const c: Record<string, TestClient> = {};

  before(async () => {
    t = await startTestApp();
    fx = await buildCircularFixture(t);
    for (const login of [
      'supervisor',
      'leader',
      'head1',
      'handler1',
      'handler2',
      'head3',
      'member',
      'sysadmin',
    ]) {
      c[login] = t.client();
      assert.equal((await c[login].login(login, PASSWORD)).statusCode, 200);
    }
  });
  after(() => t.close());

  test('the March circular: each number, the ranking, the overdue list and the comparison with February', async () => {
    const d = body(await c.supervisor!.post('/api/circulars', { kind: 'month' }), 201);
    const s = d.stats;
    assert.equal(d.status, 'draft');
    assert.equal(d.title, '关于2026年3月督办事项办理情况的通报');
    assert.deepEqual(
      [s.period.start, s.period.end, s.period.cutoff],
      ['2026-03-01', '2026-03-31', '2026-03-31'],
    );
    assert.equal(s.previousPeriod.label, '2026年2月');
    // assigned, on time, late, overdue, in progress, on-time rate
    assert.deepEqual(counts(s.totals), [7, 3, 2, 2, 2, 42.9]);
    assert.deepEqual(counts(s.previousTotals), [4, 1, 1, 1, 1, 33.3]);
    assert.deepEqual(counts(s.delta), [3, 2, 1, 1, 1, 9.6]);
    assert.deepEqual(
      s.departments.map((r) => [r.rank, r.departmentName, ...counts(r)]),
      [
        [1, '第一监督检查室', 2, 2, 1, 0, 0, 66.7],
        [2, '第三监督检查室', 3, 1, 1, 1, 1, 33.3],
        [3, '第二监督检查室', 2, 0, 0, 1, 1, 0],
      ],
      'the office had no work and is not listed; the suspended M5 counts nowhere',
    );
    assert.deepEqual(
      s.departments.map((r) => [r.previous.rank, ...counts(r.previous)]),
      [
        [1, 2, 1, 0, 0, 1, 100],
        [3, 1, 0, 0, 1, 0, 0],
        [2, 1, 0, 1, 0, 0, 0],
      ],
    );
    assert.deepEqual(
      s.departments.map((r) => counts(r.delta)),
      [
        [0, 1, 1, 0, -1, -33.3],
        [2, 1, 1, 0, 1, 33.3],
        [1, 0, -1, 1, 1, 0],
      ],
    );
    assert.equal(s.overdue.total, 2);
    assert.deepEqual(
      s.overdue.items.map((o) => [o.itemId, o.departmentName, o.accountable, o.deadline, o.daysOverdue]),
      [
        [fx.items.M1, '第二监督检查室', 'handler2', '2026-03-13', 18],
        [fx.items.M3, '第三监督检查室', 'handler3', '2026-03-20', 11],
      ],
    );
    assert.equal(
      d.sentences.overall,
      '2026年3月（2026年3月1日至2026年3月31日），共交办督办事项7项次，按期办结3项次，逾期办结2项次；' +
        '截至期末，逾期未办结2项次，正在办理2项次。按期办结率为42.9%。',
    );
    assert.match(
      d.sentences.comparison,
      /^与上期（2026年2月）相比，按期办结率上升9\.6个百分点（上期为33\.3%），交办增加3项次/,
    );
    assert.match(
      d.sentences.departments,
      /^第一监督检查室按期办结率位居第一。第三监督检查室（1项次）、第二监督检查室（1项次）存在逾期/,
    );
  });

  test('a weekly circular: closures after the cutoff count as open then; nothing due ranks last with no rate', async () => {
    const s = body(
      await c.supervisor!.post('/api/circulars', { kind: 'week', date: '2026-03-12' }),
      201,
    ).stats;
    assert.equal(s.period.label, '2026年第11周');
    assert.deepEqual([s.period.start, s.period.end], ['2026-03-09', '2026-03-15']);
    assert.deepEqual(
      s.departments.map((r) => [r.rank, r.departmentName, ...counts(r), r.previous.rank, r.delta.onTimeRate]),
      [
        [1, '第一监督检查室', 1, 2, 0, 0, 1, 100, 2, null],
        [2, '第二监督检查室', 0, 0, 0, 1, 1, 0, 2, null],
        [3, '第三监督检查室', 1, 0, 0, 0, 2, null, 1, null],
      ],
    );
    assert.deepEqual(counts(s.previousTotals), [4, 0, 1, 0, 5, 0]);

    const running = body(
      await c.supervisor!.post('/api/circulars', { kind: 'week', date: '2026-04-01' }),
      201,
    );
    assert.equal(running.stats.period.cutoff, '2026-04-02', 'a running period is counted up to today');
    assert.match(running.sentences.overall, /截至2026年4月2日/);
    refused(
      await c.supervisor!.post('/api/circulars', { kind: 'month', date: '2026-05-01' }),
      400,
      'VALIDATION_FAILED',
    );
  });

  test('scope: chosen departments, a source type, a department without work', async () => {
    const { second, office } = fx.org.departments;
    const scoped = body(
      await c.supervisor!.post('/api/circulars', {
        kind: 'month',
        departmentIds: [second, fx.org.third, office],
      }),
      201,
    ).stats;
    assert.deepEqual(
      scoped.departments.map((r) => [r.rank, r.departmentName, r.onTimeRate]),
      [
        [1, '第三监督检查室', 33.3],
        [2, '第二监督检查室', 0],
        [3, '办公室', null],
      ],
    );
    assert.deepEqual(counts(scoped.totals), [5, 1, 1, 2, 2, 25]);

    const meeting = body(
      await c.supervisor!.post('/api/circulars', { kind: 'month', sourceType: 'meeting' }),
      201,
    );
    assert.equal(meeting.title, '关于2026年3月会议议定事项办理情况的通报');
    assert.deepEqual(
      meeting.stats.departments.map((r) => [r.departmentName, ...counts(r), r.previous.rank]),
      [['第三监督检查室', 1, 0, 0, 1, 0, 0, null]],
    );
    assert.deepEqual(
      meeting.stats.overdue.items.map((o) => o.itemId),
      [fx.items.M3],
    );
  });

  test('workflow: edit with version, publish, who reads it, archive — and every refusal', async () => {
    const { first } = fx.org.departments;
    refused(await c.handler1!.post('/api/circulars', { kind: 'month' }), 403, 'FORBIDDEN');
    refused(await c.leader!.post('/api/circulars', { kind: 'month' }), 403, 'FORBIDDEN');
    refused(await c.sysadmin!.get('/api/circulars'), 403, 'FORBIDDEN');
    let d = body(await c.supervisor!.post('/api/circulars', { kind: 'month', departmentIds: [first] }), 201);
    const url = `/api/circulars/${d.id}`;

    body(await c.leader!.get(url));
    refused(await c.head1!.get(url), 404, 'NOT_FOUND');
    refused(await c.head1!.patch(url, { version: d.version, title: '改' }), 403, 'FORBIDDEN');

    const edit = {
      version: d.version,
      title: '关于3月份督办工作情况的通报',
      docNumber: '督通〔2026〕3号',
      lead: ['第一段。', '第二段。'],
    };
    d = body(await c.supervisor!.patch(url, edit));
    assert.deepEqual(
      [d.text.title, d.text.docNumber, d.text.lead, d.version],
      [edit.title, edit.docNumber, edit.lead, 2],
    );
    refused(await c.supervisor!.patch(url, { ...edit, title: '过期的修改' }), 409, 'CONFLICT_STALE');
    refused(await c.supervisor!.post(`${url}/publish`, { version: 1 }), 409, 'CONFLICT_STALE');
    refused(await c.head1!.post(`${url}/publish`, { version: d.version }), 403, 'FORBIDDEN');

    d = body(await c.supervisor!.post(`${url}/publish`, { version: d.version }));
    assert.equal(d.status, 'published');
    refused(await c.supervisor!.post(`${url}/publish`, { version: d.version }), 409, 'INVALID_STATE');
    refused(await c.supervisor!.patch(url, { version: d.version, title: '印发后' }), 409, 'INVALID_STATE');

    assert.equal(body(await c.head1!.get(url)).title, edit.title, 'department in scope reads it');
    refused(await c.handler2!.get(url), 404, 'NOT_FOUND');
    refused(await c.head3!.get(`${url}/export.docx`), 404, 'NOT_FOUND');
    const listed = (client: TestClient) =>
      client.get('/api/circulars').then((r) => r.json<{ items: { id: number }[] }>().items.map((i) => i.id));
    assert.ok((await listed(c.head1!)).includes(d.id));
    assert.ok(!(await listed(c.handler2!)).includes(d.id));
    assert.ok((await listed(c.leader!)).length >= 2, 'leaders list drafts too');

    const whole = body(
      await c.supervisor!.post('/api/circulars', { kind: 'quarter', date: '2026-03-01' }),
      201,
    );
    assert.equal(whole.title, '关于2026年第一季度督办事项办理情况的通报');
    body(await c.supervisor!.post(`/api/circulars/${whole.id}/publish`, { version: whole.version }));
    assert.ok((await listed(c.member!)).includes(whole.id), 'a whole-organisation circular reaches everyone');
    const quarterly = await c.leader!.get('/api/circulars?kind=quarter&status=published');
    assert.deepEqual(
      quarterly.json<{ items: { id: number }[] }>().items.map((i) => i.id),
      [whole.id],
      'filtered by period type and status',
    );

    refused(await c.head1!.post(`${url}/archive`, { version: d.version }), 403, 'FORBIDDEN');
    d = body(await c.supervisor!.post(`${url}/archive`, { version: d.version }));
    assert.equal(d.status, 'archived');
    refused(await c.supervisor!.post(`${url}/archive`, { version: d.version }), 409, 'INVALID_STATE');
    body(await c.head1!.get(url));

    const actions = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('object_type', '=', 'circular')
      .where('object_id', '=', String(d.id))
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      actions.map((a) => a.action),
      ['circular.generate', 'circular.update', 'circular.publish', 'circular.archive'],
    );
  });
});
