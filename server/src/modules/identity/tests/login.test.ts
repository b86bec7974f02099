import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../../../test-support/app.js';
import { TEST_DB } from '../../../test-support/database.js';
import { PASSWORD, seedOrg } from '../../../test-support/org.js';

describe(`login, lockout and sessions [${TEST_DB}]`, () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
    await seedOrg(t);
  });
  after(() => t.close());

  test('a correct password opens a full session; logout revokes it', async () => {
    const c = t.client();
    const res = await c.login('handler1', PASSWORD);
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { stage: 'full' });
    const session = (await c.get('/api/session')).json<{ user: { login: string } }>();
    assert.equal(session.user.login, 'handler1');
    assert.equal((await c.get('/api/home/todos')).statusCode, 200);
    const stolen = c.cookies.get('luoshi_sid');
    assert.equal((await c.delete('/api/session')).statusCode, 204);
    const again = t.client();
    again.cookies.set('luoshi_sid', stolen ?? '');
    assert.equal((await again.get('/api/home/todos')).json<{ code: string }>().code, 'SESSION_EXPIRED');
  });

  test('five wrong passwords lock the account for 30 minutes, even against the right password', async () => {
    const c = t.client();
    for (let i = 1; i <= 4; i++) {
      const res = await c.login('handler2', 'wrong');
      assert.equal(res.statusCode, 401);
      assert.equal(res.json<{ details: { attemptsLeft: number } }>().details.attemptsLeft, 5 - i);
    }
    const fifth = await c.login('handler2', 'wrong');
    assert.equal(fifth.statusCode, 423);
    assert.equal(fifth.json<{ code: string }>().code, 'ACCOUNT_LOCKED');
    assert.equal((await c.login('handler2', PASSWORD)).statusCode, 423);
    t.clock.advanceMinutes(29);
    assert.equal((await c.login('handler2', PASSWORD)).statusCode, 423);
    t.clock.advanceMinutes(2);
    assert.equal((await c.login('handler2', PASSWORD)).statusCode, 200);
    const actions = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'outcome'])
      .where('actor_login', '=', 'handler2')
      .orderBy('seq')
      .execute();
    assert.equal(actions.filter((a) => a.action === 'login' && a.outcome === 'failure').length, 5);
    assert.equal(actions.filter((a) => a.action === 'account.lock').length, 1);
    assert.equal(actions.filter((a) => a.action === 'login' && a.outcome === 'denied').length, 2);
  });

  test('an idle session expires after 30 minutes; activity keeps it alive up to 12 hours', async () => {
    const c = t.client();
    await c.login('head1', PASSWORD);
    for (let i = 0; i < 5; i++) {
      t.clock.advanceMinutes(25);
      assert.equal(
        (await c.get('/api/home/todos')).statusCode,
        200,
        `still alive after ${(i + 1) * 25} minutes of activity`,
      );
    }
    t.clock.advanceMinutes(31);
    const res = await c.get('/api/home/todos');
    assert.equal(res.statusCode, 401);
    assert.equal(res.json<{ code: string }>().code, 'SESSION_EXPIRED');

    const d = t.client();
    await d.login('head1', PASSWORD);
    for (let i = 0; i < 28; i++) {
      t.clock.advanceMinutes(25);
      assert.equal((await d.get('/api/home/todos')).statusCode, 200);
    }
    t.clock.advanceMinutes(25);
    assert.equal((await d.get('/api/home/todos')).statusCode, 401, 'absolute lifetime of 12 hours');
  });

  test('a state-changing request without the CSRF token is refused and audited', async () => {
    const c = t.client();
    await c.login('sysadmin', PASSWORD);
    c.sendCsrf = false;
    const res = await c.post('/api/departments', { name: '新部门', code: 'new', parentId: null });
    assert.equal(res.statusCode, 403);
    assert.equal(res.json<{ code: string }>().code, 'CSRF_REJECTED');
    const forged = await c.post(
      '/api/departments',
      { name: '新部门', code: 'new', parentId: null },
      { 'x-csrf-token': 'forged' },
    );
    assert.equal(forged.statusCode, 403);
    c.sendCsrf = true;
    assert.equal(
      (await c.post('/api/departments', { name: '新部门', code: 'new', parentId: null })).statusCode,
      201,
    );
    const denials = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'csrf.reject')
      .execute();
    assert.equal(denials.length, 2);
  });

  test('a login without the CSRF cookie is refused (login CSRF)', async () => {
    const c = t.client();
    c.sendCsrf = false;
    const res = await c.post('/api/session', { login: 'head1', password: PASSWORD });
    assert.equal(res.statusCode, 403);
  });

  test('a bad request names the field in Chinese and changes nothing', async () => {
    const c = t.client();
    await c.login('sysadmin', PASSWORD);
    const res = await c.post('/api/users', { login: '1x', name: '', departmentId: null });
    assert.equal(res.statusCode, 400);
    const body = res.json<{ code: string; message: string; details: { issues: { field: string }[] } }>();
    assert.equal(body.code, 'VALIDATION_FAILED');
    assert.match(body.message, /登录名：/);
    assert.match(body.message, /名称：/);
    assert.deepEqual(body.details.issues.map((i) => i.field).sort(), ['login', 'name']);
  });
});
