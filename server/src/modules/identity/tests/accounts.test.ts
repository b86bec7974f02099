import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Secret, TOTP } from 'otpauth';
import { startTestApp, type TestApp } from '../../../test-support/app.js';
import { TEST_DB } from '../../../test-support/database.js';
import { PASSWORD, seedOrg, type TestOrg } from '../../../test-support/org.js';

describe(`accounts: issued passwords, policy, roles, 2FA [${TEST_DB}]`, () => {
  let t: TestApp;
  let org: TestOrg;
  before(async () => {
    t = await startTestApp();
    org = await seedOrg(t);
  });
  after(() => t.close());

  test('an issued password must be changed at first login, under the policy and history rules', async () => {
    const admin = t.client();
    await admin.login('sysadmin', PASSWORD);
    const created = await admin.post('/api/users', {
      login: 'zhangsan',
      name: '张三',
      departmentId: org.departments.first,
    });
    assert.equal(created.statusCode, 201);
    const { issuedPassword } = created.json<{ issuedPassword: string }>();

    const c = t.client();
    assert.deepEqual((await c.login('zhangsan', issuedPassword)).json(), { stage: 'change_password' });
    const blocked = await c.get('/api/home/todos');
    assert.equal(blocked.json<{ code: string }>().code, 'PASSWORD_CHANGE_REQUIRED');

    const tooWeak = [
      ['short1!', /长度至少 8 位/],
      ['alllowercase', /至少 3 类/],
      ['Zhangsan#2026', /不能包含登录名/],
      [issuedPassword, /最近 5 次/],
    ] as const;
    for (const [candidate, why] of tooWeak) {
      const res = await c.post('/api/account/password', {
        currentPassword: issuedPassword,
        newPassword: candidate,
      });
      assert.equal(res.statusCode, 400, candidate);
      assert.equal(res.json<{ code: string }>().code, 'PASSWORD_POLICY');
      assert.match(res.json<{ message: string }>().message, why);
    }
    const ok = await c.post('/api/account/password', {
      currentPassword: issuedPassword,
      newPassword: 'Good#Pass2026',
    });
    assert.deepEqual(ok.json(), { stage: 'full' });
    assert.equal((await c.get('/api/home/todos')).statusCode, 200);

    // No reuse of the last five passwords.
    let current = 'Good#Pass2026';
    for (const next of ['Second#2026', 'Third#2026x', 'Fourth#2026', 'Fifth#2026x']) {
      assert.equal(
        (await c.post('/api/account/password', { currentPassword: current, newPassword: next })).statusCode,
        200,
      );
      current = next;
    }
    assert.equal(
      (await c.post('/api/account/password', { currentPassword: current, newPassword: 'Second#2026' }))
        .statusCode,
      400,
    );
    assert.equal(
      (await c.post('/api/account/password', { currentPassword: current, newPassword: 'Sixth#2026x' }))
        .statusCode,
      200,
    );
  });

  test('a password change revokes the other sessions of that person', async () => {
    const a = t.client();
    const b = t.client();
    await a.login('head2', PASSWORD);
    await b.login('head2', PASSWORD);
    assert.equal(
      (await a.post('/api/account/password', { currentPassword: PASSWORD, newPassword: 'Brand#New2026' }))
        .statusCode,
      200,
    );
    assert.equal(
      (await a.get('/api/home/todos')).statusCode,
      200,
      'the changing session is rotated, not ended',
    );
    assert.equal((await b.get('/api/home/todos')).statusCode, 401);
  });

  test('三员分立: no person holds two admin roles, and admin roles are not assigned through the API', async () => {
    const sec = t.client();
    await sec.login('secadmin', PASSWORD);
    const target = await t.deps.db
      .selectFrom('users')
      .select(['id', 'version'])
      .where('login', '=', 'handler1')
      .executeTakeFirstOrThrow();
    const res = await sec.put(`/api/users/${target.id}/roles`, {
      roles: ['system_admin'],
      version: target.version,
    });
    assert.equal(res.statusCode, 400, 'admin roles are not in the API schema');
    const { checkRoleSeparation } = await import('../index.js');
    assert.throws(() => checkRoleSeparation(['system_admin', 'audit_admin']), /三员分立/);
    assert.throws(() => checkRoleSeparation(['security_admin', 'leader']), /三员分立/);
    assert.doesNotThrow(() => checkRoleSeparation(['leader', 'supervisor']));
  });

  test('a role change ends the person’s sessions (privilege change) and is audited', async () => {
    const person = t.client();
    await person.login('supervisor', PASSWORD);
    const sec = t.client();
    await sec.login('secadmin', PASSWORD);
    const user = await t.deps.db
      .selectFrom('users')
      .select(['id', 'version'])
      .where('login', '=', 'supervisor')
      .executeTakeFirstOrThrow();
    const res = await sec.put(`/api/users/${user.id}/roles`, {
      roles: ['supervisor', 'handler'],
      version: user.version,
    });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json<{ roles: string[] }>().roles, ['handler', 'supervisor']);
    assert.equal((await person.get('/api/home/todos')).statusCode, 401);
    const stale = await sec.put(`/api/users/${user.id}/roles`, {
      roles: ['supervisor'],
      version: user.version,
    });
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json<{ code: string }>().code, 'CONFLICT_STALE');
    const row = await t.deps.db
      .selectFrom('audit_log')
      .select('changes')
      .where('action', '=', 'user.roles')
      .executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(row.changes), {
      roles: { before: ['supervisor'], after: ['handler', 'supervisor'] },
    });
  });

  test('TOTP: enrol, then login needs the code; wrong codes count toward the lockout', async () => {
    const c = t.client();
    await c.login('leader', PASSWORD);
    const setup = (await c.post('/api/account/totp/setup')).json<{ secret: string; uri: string }>();
    assert.match(setup.uri, /^otpauth:\/\/totp\//);
    const totp = new TOTP({ secret: Secret.fromBase32(setup.secret), digits: 6, period: 30 });
    const code = () => totp.generate({ timestamp: t.clock.now().getTime() });
    assert.equal(
      (await c.post('/api/account/totp/confirm', { totpCode: '000000' === code() ? '111111' : '000000' }))
        .statusCode,
      400,
    );
    assert.equal((await c.post('/api/account/totp/confirm', { totpCode: code() })).statusCode, 200);

    const d = t.client();
    assert.deepEqual((await d.login('leader', PASSWORD)).json(), { stage: 'totp' });
    assert.equal((await d.get('/api/home/todos')).json<{ code: string }>().code, 'TOTP_REQUIRED');
    const wrong = await d.post('/api/session/totp', { totpCode: code() === '123456' ? '654321' : '123456' });
    assert.equal(wrong.json<{ code: string }>().code, 'TOTP_INVALID');
    const counted = await t.deps.db
      .selectFrom('users')
      .select('failed_logins')
      .where('login', '=', 'leader')
      .executeTakeFirstOrThrow();
    assert.equal(counted.failed_logins, 1, 'a wrong code counts toward the lockout');
    assert.deepEqual((await d.post('/api/session/totp', { totpCode: code() })).json(), { stage: 'full' });
    assert.equal((await d.get('/api/home/todos')).statusCode, 200);
  });

  test('TOTP required for a role: the next login must enrol before doing anything else', async () => {
    const sec = t.client();
    await sec.login('secadmin', PASSWORD);
    const policy = (await sec.get('/api/security/policy')).json<
      Record<string, unknown> & { version: number }
    >();
    const res = await sec.put('/api/security/policy', { ...policy, totpRequiredRoles: ['handler'] });
    assert.equal(res.statusCode, 200);
    const c = t.client();
    assert.deepEqual((await c.login('handler2', PASSWORD)).json(), { stage: 'enroll_totp' });
    assert.equal((await c.get('/api/home/todos')).json<{ code: string }>().code, 'TOTP_ENROLL_REQUIRED');
    const setup = (await c.post('/api/account/totp/setup')).json<{ secret: string }>();
    const totp = new TOTP({ secret: Secret.fromBase32(setup.secret), digits: 6, period: 30 });
    assert.deepEqual(
      (
        await c.post('/api/account/totp/confirm', {
          totpCode: totp.generate({ timestamp: t.clock.now().getTime() }),
        })
      ).json(),
      { stage: 'full' },
    );
  });

  // Last: it moves the clock past every password's 90-day lifetime.
  test('a password older than 90 days must be changed', async () => {
    const c = t.client();
    t.clock.advance(89 * 86_400_000);
    assert.deepEqual((await c.login('member', PASSWORD)).json(), { stage: 'full' });
    t.clock.advance(2 * 86_400_000);
    assert.deepEqual((await t.client().login('member', PASSWORD)).json(), { stage: 'change_password' });
  });
});
