import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { startTestApp, type TestApp } from '../../../../test-support/app.js';
import type { TestClient } from '../../../../test-support/client.js';
import { TEST_DB } from '../../../../test-support/database.js';
import { PASSWORD } from '../../../../test-support/org.js';
import { buildCircularFixture, type CircularFixture } from '../../circulars/tests/fixture.js';

interface Record {
  id: number;
  basis: string;
  kind: string;
  status: string;
  version: number;
  department: { id: number; name: string };
  responsible: { id: number; name: string };
  decidedBy: { id: number; name: string };
  decidedOn: string;
  rectificationNote: string | null;
  closingNote: string | null;
  closedBy: string | null;
}

const ok = (res: LightMyRequestResponse, status = 200): Record => {
  assert.equal(res.statusCode, status, res.body);
  return res.json<Record>();
};
const refused = (res: LightMyRequestResponse, status: number, code: string) => {
  assert.equal(res.statusCode, status, res.body);
  assert.equal(res.json<{ code: string }>().code, code);
};

describe(`accountability (责任追究): records for overdue and returned work, follow-up, visibility [${TEST_DB}]`, () => {
  let t: TestApp;
  let fx: CircularFixture;
  const c: { [login: string]: TestClient } = {};
  const ids = (res: LightMyRequestResponse) => res.json<{ items: { id: number }[] }>().items.map((i) => i.id);

  before(async () => {
    t = await startTestApp();
    fx = await buildCircularFixture(t);
    for (const login of ['supervisor', 'leader', 'head1', 'head2', 'handler2', 'handler3', 'member']) {
      c[login] = t.client();
      assert.equal((await c[login].login(login, PASSWORD)).statusCode, 200);
    }
  });
  after(() => t.close());

  test('created by leaders and supervisors only, for overdue, late or returned assignments', async () => {
    const a = fx.assignments;
    const overdue = { assignmentId: a.M1B, kind: 'interview', reason: '逾期未办结且未说明理由' };
    refused(await c.handler2!.post('/api/accountability', overdue), 403, 'FORBIDDEN');
    refused(await c.head1!.post('/api/accountability', overdue), 403, 'FORBIDDEN');

    const key = { 'idempotency-key': 'accountability-0001' };
    const first = ok(await c.supervisor!.post('/api/accountability', overdue, key), 201);
    assert.equal(
      ok(await c.supervisor!.post('/api/accountability', overdue, key), 201).id,
      first.id,
      'created once',
    );
    assert.deepEqual(
      [first.basis, first.kind, first.status, first.version, first.decidedOn],
      ['overdue', 'interview', 'open', 1, '2026-04-02'],
    );
    assert.deepEqual(
      [first.responsible.name, first.decidedBy.name, first.department.name],
      ['handler2', 'supervisor', '第二监督检查室'],
    );

    const returned = ok(
      await c.leader!.post('/api/accountability', {
        assignmentId: a.M2B,
        kind: 'written_review',
        reason: '反馈敷衍被退回',
      }),
      201,
    );
    assert.deepEqual([returned.basis, returned.decidedBy.name], ['returned', 'leader']);

    const late = { assignmentId: a.M4A, kind: 'criticism', reason: '逾期办结' };
    refused(
      await c.supervisor!.post('/api/accountability', { ...late, responsibleUserId: fx.org.users.handler2 }),
      400,
      'VALIDATION_FAILED',
    );
    refused(
      await c.supervisor!.post('/api/accountability', { ...late, decidedById: fx.org.users.handler1 }),
      400,
      'VALIDATION_FAILED',
    );
    const closedLate = ok(
      await c.supervisor!.post('/api/accountability', {
        ...late,
        decidedById: fx.org.users.leader,
        decidedOn: '2026-04-01',
      }),
      201,
    );
    assert.deepEqual(
      [closedLate.basis, closedLate.decidedBy.name, closedLate.responsible.name],
      ['closed_late', 'leader', 'handler1'],
    );

    refused(
      await c.supervisor!.post('/api/accountability', { assignmentId: a.M1A, kind: 'other', reason: '无' }),
      409,
      'INVALID_STATE',
    );
    refused(
      await c.supervisor!.post('/api/accountability', { assignmentId: 999_999, kind: 'other', reason: '无' }),
      404,
      'NOT_FOUND',
    );

    assert.equal(ids(await c.leader!.get('/api/accountability')).length, 3);
    assert.deepEqual(ids(await c.head2!.get('/api/accountability')), [returned.id, first.id]);
    assert.deepEqual(ids(await c.head1!.get('/api/accountability')), [closedLate.id]);
    assert.deepEqual(
      ids(await c.head1!.get(`/api/accountability?departmentId=${fx.org.departments.second}`)),
      [],
    );
    ok(await c.head2!.get(`/api/accountability/${first.id}`));
    refused(await c.head1!.get(`/api/accountability/${first.id}`), 404, 'NOT_FOUND');
    refused(await c.handler3!.get(`/api/accountability/${first.id}`), 404, 'NOT_FOUND');
  });

  test('follow-up: the department reports rectification, a supervisor closes it; versions and states hold', async () => {
    const list = (await c.supervisor!.get(`/api/accountability?assignmentId=${fx.assignments.M1B}`)).json<{
      items: Record[];
    }>();
    let record = list.items[0]!;
    const url = `/api/accountability/${record.id}`;
    const note = { version: record.version, note: '已召开专题会议，制定整改措施，3日内办结' };

    refused(await c.member!.post(`${url}/rectify`, note), 403, 'FORBIDDEN');
    refused(await c.head1!.post(`${url}/rectify`, note), 404, 'NOT_FOUND');
    refused(
      await c.supervisor!.post(`${url}/close`, { version: record.version, note: '同意' }),
      409,
      'INVALID_STATE',
    );
    refused(await c.handler2!.post(`${url}/rectify`, { ...note, version: 7 }), 409, 'CONFLICT_STALE');
    record = ok(await c.handler2!.post(`${url}/rectify`, note));
    assert.deepEqual([record.status, record.rectificationNote, record.version], ['rectifying', note.note, 2]);
    refused(
      await c.handler2!.post(`${url}/rectify`, { ...note, version: record.version }),
      409,
      'INVALID_STATE',
    );

    refused(
      await c.handler2!.post(`${url}/close`, { version: record.version, note: '同意' }),
      403,
      'FORBIDDEN',
    );
    refused(await c.supervisor!.post(`${url}/close`, { version: 1, note: '同意' }), 409, 'CONFLICT_STALE');
    record = ok(
      await c.supervisor!.post(`${url}/close`, { version: record.version, note: '整改到位，予以结束' }),
    );
    assert.deepEqual(
      [record.status, record.closingNote, record.closedBy],
      ['closed', '整改到位，予以结束', 'supervisor'],
    );

    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('object_type', '=', 'accountability')
      .where('object_id', '=', String(record.id))
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      audit.map((r) => r.action),
      ['accountability.create', 'accountability.rectify', 'accountability.close'],
    );
  });
});
