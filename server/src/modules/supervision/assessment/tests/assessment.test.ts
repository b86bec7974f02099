import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { startTestApp, type TestApp } from '../../../../test-support/app.js';
import type { TestClient } from '../../../../test-support/client.js';
import { TEST_DB } from '../../../../test-support/database.js';
import { PASSWORD } from '../../../../test-support/org.js';
import { buildCircularFixture, type CircularFixture } from '../../circulars/tests/fixture.js';
import type { Assessment } from '../service.js';

const ok = <T = Assessment>(res: LightMyRequestResponse): T => {
  assert.equal(res.statusCode, 200, res.body);
  return res.json<T>();
};
const refused = (res: LightMyRequestResponse, status: number, code: string) => {
  assert.equal(res.statusCode, status, res.body);
  assert.equal(res.json<{ code: string }>().code, code);
};

describe(`assessment (考核): department scores from timeliness and review results [${TEST_DB}]`, () => {
  let t: TestApp;
  let fx: CircularFixture;
  const c: { [login: string]: TestClient } = {};

  before(async () => {
    t = await startTestApp();
    fx = await buildCircularFixture(t);
    for (const login of ['supervisor', 'leader', 'head1']) {
      c[login] = t.client();
      assert.equal((await c[login].login(login, PASSWORD)).statusCode, 200);
    }
  });
  after(() => t.close());

  test('March: each count, rate, deduction and score, ranked', async () => {
    const a = ok(await c.leader!.get('/api/assessment?kind=month'));
    assert.equal(a.period.label, '2026年3月');
    assert.deepEqual(a.weights, { onTimeRate: 60, reviewPassRate: 40, perOverdue: 2, perLateFeedback: 1 });
    // on-time rate, overdue | feedbacks, late | reviews, returned, pass rate | points | score
    assert.deepEqual(
      a.rows.map((r) => [
        r.rank,
        r.departmentName,
        r.onTimeRate,
        r.overdue,
        r.feedbacks,
        r.lateFeedbacks,
        r.reviews,
        r.returned,
        r.reviewPassRate,
        Object.values(r.points),
        r.score,
      ]),
      [
        [1, '第一监督检查室', 66.7, 0, 1, 0, 6, 1, 83.3, [40, 33.3, 0, 0], 73.3],
        [2, '第三监督检查室', 33.3, 1, 0, 0, 2, 0, 100, [20, 40, 2, 0], 58],
        [3, '第二监督检查室', 0, 1, 1, 1, 1, 1, 0, [0, 0, 2, 1], 0],
      ],
    );
    const chosen = ok(
      await c.supervisor!.get(
        `/api/assessment?kind=month&departmentIds=${fx.org.departments.office},${fx.org.departments.first}`,
      ),
    );
    assert.deepEqual(
      chosen.rows.map((r) => [r.rank, r.departmentName, r.score]),
      [
        [1, '第一监督检查室', 73.3],
        [2, '办公室', null],
      ],
      'a department without work is listed but not assessed',
    );
    refused(await c.head1!.get('/api/assessment?kind=month'), 403, 'FORBIDDEN');
    refused(await c.supervisor!.get('/api/assessment?kind=week'), 400, 'VALIDATION_FAILED');
    refused(await c.supervisor!.get('/api/assessment?kind=year&date=2027-01-01'), 400, 'VALIDATION_FAILED');
  });

  test('weights: supervisors edit them with a version; the scores follow', async () => {
    const current = ok<{ version: number }>(await c.leader!.get('/api/assessment/settings'));
    assert.equal(current.version, 0);
    const next = { onTimeRate: 50, reviewPassRate: 50, perOverdue: 5, perLateFeedback: 2 };
    refused(await c.leader!.put('/api/assessment/settings', { ...next, version: 0 }), 403, 'FORBIDDEN');
    refused(
      await c.supervisor!.put('/api/assessment/settings', { ...next, onTimeRate: 70, version: 0 }),
      400,
      'VALIDATION_FAILED',
    );
    assert.equal(
      ok<{ version: number }>(await c.supervisor!.put('/api/assessment/settings', { ...next, version: 0 }))
        .version,
      1,
    );
    refused(
      await c.supervisor!.put('/api/assessment/settings', { ...next, perOverdue: 3, version: 0 }),
      409,
      'CONFLICT_STALE',
    );

    const a = ok(await c.supervisor!.get('/api/assessment?kind=month'));
    assert.deepEqual(
      a.rows.map((r) => [r.departmentName, Object.values(r.points), r.score]),
      [
        ['第一监督检查室', [33.4, 41.7, 0, 0], 75.1],
        ['第三监督检查室', [16.7, 50, 5, 0], 61.7],
        ['第二监督检查室', [0, 0, 5, 2], 0],
      ],
    );
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'assessment.settings.update')
      .execute();
    assert.equal(audit.length, 1);
  });

  test('.xlsx export: the ranked table and the scoring rule, audited', async () => {
    const res = await c.leader!.get('/api/assessment/export.xlsx?kind=month');
    assert.equal(res.statusCode, 200, res.body);
    const book = new ExcelJS.Workbook();
    // exceljs declares its own Buffer type; it reads a Node Buffer as it is.
    await book.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = book.getWorksheet('考核得分');
    assert.equal(sheet?.getRow(1).font?.bold, true);
    const rows = (sheet?.getSheetValues() ?? []).filter(Boolean).map((r) => (r as unknown[]).slice(1, 4));
    assert.deepEqual(rows, [
      ['排名', '部门', '得分'],
      [1, '第一监督检查室', 75.1],
      [2, '第三监督检查室', 61.7],
      [3, '第二监督检查室', 0],
    ]);
    assert.ok(book.getWorksheet('计分规则'));
    refused(await c.head1!.get('/api/assessment/export.xlsx?kind=month'), 403, 'FORBIDDEN');
    const exports = await t.deps.db
      .selectFrom('audit_log')
      .select(['actor_login', 'object_id'])
      .where('action', '=', 'export')
      .where('object_type', '=', 'assessment')
      .execute();
    assert.deepEqual(exports, [{ actor_login: 'leader', object_id: 'month:2026-03-01' }]);
  });
});
