import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createUser } from '../../../identity/index.js';
import { TEST_DB } from '../../../../test-support/database.js';
import { buildAccessFixture, ok, type AccessFixture, type Grant } from './fixture.js';

interface UserView {
  id: number;
  version: number;
}

describe(`library access: the free signup grant of a new member [${TEST_DB}]`, () => {
  let fx: AccessFixture;

  const grantsOf = (memberId: number) =>
    fx.t.deps.db
      .selectFrom('library_grants')
      .select(['id', 'tier', 'source', 'plan_id', 'ends_at'])
      .where('member_id', '=', memberId)
      .execute();
  const issueAudits = (grantId: number) =>
    fx.t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'library.grant.issue')
      .where('object_id', '=', String(grantId))
      .execute();
  const createAccount = async (login: string) => {
    const admin = await fx.as('sysadmin');
    return ok<{ user: UserView }>(
      await admin.post('/api/users', { login, name: login, departmentId: fx.org.departments.second }),
      201,
    ).user;
  };
  const giveRoles = async (user: UserView, roles: string[]) => {
    const sec = await fx.as('secadmin');
    return ok<UserView>(await sec.put(`/api/users/${user.id}/roles`, { roles, version: user.version }));
  };

  before(async () => {
    fx = await buildAccessFixture();
  });
  after(() => fx.t.close());

  test('without an active free plan a new member gets nothing', async () => {
    const user = await giveRoles(await createAccount('early'), ['member']);
    assert.deepEqual(await grantsOf(user.id), []);
  });

  test('the member role given over the API brings the free plan’s grant, audited, once', async () => {
    const admin = await fx.as('sysadmin');
    const free = ok<{ id: number }>(
      await admin.post('/api/library/plans', {
        name: '免费注册',
        tier: 'free',
        periodUnit: 'month',
        periodCount: 1,
        backYears: 3,
        priceCents: 0,
        active: true,
      }),
      201,
    ).id;
    const account = await createAccount('newcomer');
    assert.deepEqual(await grantsOf(account.id), [], 'an account without the member role is no member');
    const member = await giveRoles(account, ['member', 'handler']);
    const grants = await grantsOf(member.id);
    assert.equal(grants.length, 1);
    assert.deepEqual(grants[0] && { ...grants[0], id: 0 }, {
      id: 0,
      tier: 'free',
      source: 'signup',
      plan_id: free,
      ends_at: null,
    });
    assert.equal((await issueAudits(grants[0]?.id ?? 0)).length, 1);
    const listed = ok<{ items: Grant[] }>(
      await (await fx.as('sysadmin')).get(`/api/library/grants?memberId=${member.id}`),
    );
    assert.deepEqual(
      listed.items.map((g) => g.source),
      ['signup'],
    );

    // Losing and regaining the role is no new signup.
    const without = await giveRoles(member, ['handler']);
    await giveRoles(without, ['member']);
    assert.equal((await grantsOf(member.id)).length, 1);
  });

  test('an account created with the member role gets it in the same transaction', async () => {
    const ctx = fx.t.ctx();
    const id = await fx.t.deps.db.transaction().execute(
      async (trx) =>
        (
          await createUser(trx, ctx, {
            login: 'direct',
            name: '直接创建',
            departmentId: null,
            roles: ['member'],
            password: 'Qw3rty!234',
          })
        ).id,
    );
    assert.deepEqual(
      (await grantsOf(id)).map((g) => g.source),
      ['signup'],
    );
  });

  test('a refused role change gives no grant', async () => {
    const account = await createAccount('stale');
    const sec = await fx.as('secadmin');
    const res = await sec.put(`/api/users/${account.id}/roles`, {
      roles: ['member'],
      version: account.version + 5,
    });
    assert.equal(res.statusCode, 409, res.body);
    assert.deepEqual(await grantsOf(account.id), []);
  });
});
