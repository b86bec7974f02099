import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../../../test-support/app.js';
import type { TestClient } from '../../../test-support/client.js';
import { TEST_DB } from '../../../test-support/database.js';
import { PASSWORD, seedOrg } from '../../../test-support/org.js';

describe(`calendar administration [${TEST_DB}]`, () => {
  let t: TestApp;
  let admin: TestClient;
  let handler: TestClient;
  before(async () => {
    t = await startTestApp();
    await seedOrg(t);
    admin = t.client();
    await admin.login('sysadmin', PASSWORD);
    handler = t.client();
    await handler.login('handler1', PASSWORD);
  });
  after(() => t.close());

  test('anyone signed in reads the year; official days are marked as such', async () => {
    const res = await handler.get('/api/calendar?year=2026');
    assert.equal(res.statusCode, 200);
    const body = res.json<{
      status: { source: string };
      days: { date: string; working: boolean; rule: { source: string; name: string } | null }[];
    }>();
    assert.equal(body.status.source, 'official');
    assert.equal(body.days.length, 365);
    const national = body.days.find((d) => d.date === '2026-10-01');
    assert.deepEqual(
      [national?.working, national?.rule?.name, national?.rule?.source],
      [false, '国庆节', 'official'],
    );
  });

  test('a deadline into 2027 warns until an administrator enters and confirms the year', async () => {
    const before = (await handler.get('/api/calendar/working-days?from=2026-12-28&days=5')).json<{
      date: string;
      warning: string | null;
    }>();
    assert.equal(before.date, '2027-01-04');
    assert.match(before.warning ?? '', /2027 年的节假日安排尚未公布或录入/);

    assert.equal(
      (await handler.put('/api/calendar/days/2027-01-01', { kind: 'holiday', name: '元旦' })).statusCode,
      403,
    );
    assert.equal(
      (await admin.put('/api/calendar/days/2027-01-01', { kind: 'holiday', name: '元旦' })).statusCode,
      204,
    );
    assert.equal(
      (await admin.put('/api/calendar/years/2027', { note: '国办发明电〔2026〕X号' })).statusCode,
      200,
    );
    const after = (await handler.get('/api/calendar/working-days?from=2026-12-28&days=5')).json<{
      date: string;
      warning: string | null;
    }>();
    assert.deepEqual(after, { date: '2027-01-05', unconfirmedYears: [], warning: null });

    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('object_type', 'in', ['calendar_day', 'calendar_year'])
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['calendar.day.set', 'calendar.year.confirm'],
    );
  });

  test('a correction of an official day is shown as an administrator’s entry and can be cleared', async () => {
    assert.equal(
      (await admin.put('/api/calendar/days/2026-12-31', { kind: 'holiday', name: '临时调整' })).statusCode,
      204,
    );
    const days = (await handler.get('/api/calendar?year=2026')).json<{
      days: { date: string; working: boolean; rule: { source: string } | null }[];
    }>().days;
    assert.deepEqual(
      days.find((d) => d.date === '2026-12-31'),
      { date: '2026-12-31', working: false, rule: { kind: 'holiday', name: '临时调整', source: 'admin' } },
    );
    assert.equal((await admin.delete('/api/calendar/days/2026-12-31')).statusCode, 204);
    assert.equal((await admin.delete('/api/calendar/days/2026-12-31')).statusCode, 404);
  });

  test('bad dates are refused naming the field; confirming an official year is refused', async () => {
    const bad = await admin.put('/api/calendar/days/2026-02-30', { kind: 'holiday', name: 'x' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json<{ message: string }>().message, /有效日期/);
    assert.equal((await admin.put('/api/calendar/years/2026', { note: 'x' })).statusCode, 409);
  });
});
