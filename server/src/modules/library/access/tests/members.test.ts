import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createUser } from '../../../identity/index.js';
import { TEST_DB } from '../../../../test-support/database.js';
import { PASSWORD } from '../../../../test-support/org.js';
import { buildAccessFixture, buyPlan, ok, refused, type AccessFixture } from './fixture.js';

interface Member {
  id: number;
  login: string;
  name: string;
  active: boolean;
  tier: string;
  runEnd: string | null;
}

describe(`library access: the member search of the grant administration [${TEST_DB}]`, () => {
  let fx: AccessFixture;
  const search = async (query: string) =>
    ok<{ total: number; items: Member[] }>(
      await (await fx.as('sysadmin')).get(`/api/library/members?${query}`),
    );

  before(async () => {
    fx = await buildAccessFixture();
    await fx.t.deps.db.transaction().execute(async (trx) => {
      for (const [login, name] of [
        ['wanglei', '王磊'],
        ['wangfang', '王芳'],
        ['lina', '李娜'],
      ] as const)
        await createUser(trx, fx.t.ctx(), {
          login,
          name,
          departmentId: null,
          roles: ['member'],
          password: PASSWORD,
        });
      // A colleague with a matching name but no member role is no member.
      await createUser(trx, fx.t.ctx(), {
        login: 'wangqiang',
        name: '王强',
        departmentId: null,
        roles: ['handler'],
        password: PASSWORD,
      });
    });
  });
  after(() => fx.t.close());

  test('finds members by part of the name or the login, never people without the member role', async () => {
    const byName = await search(`q=${encodeURIComponent('王')}`);
    assert.deepEqual(byName.items.map((m) => m.login).sort(), ['wangfang', 'wanglei']);
    assert.equal(byName.total, 2);
    const byLogin = await search('q=lin');
    assert.deepEqual(
      byLogin.items.map((m) => [m.login, m.name]),
      [['lina', '李娜']],
    );
    assert.equal((await search('q=member')).total, 2);
    assert.equal((await search(`q=${encodeURIComponent('%')}`)).total, 0, 'a wildcard is a plain character');
    assert.equal((await search('')).total, 5);
  });

  test('pages through the matches', async () => {
    const first = await search('pageSize=2&page=1');
    const third = await search('pageSize=2&page=3');
    assert.equal(first.total, 5);
    assert.equal(first.items.length, 2);
    assert.equal(third.items.length, 1);
    const all = [...first.items, ...(await search('pageSize=2&page=2')).items, ...third.items];
    assert.equal(new Set(all.map((m) => m.id)).size, 5);
  });

  test('each member carries the tier held now', async () => {
    fx.t.clock.set('2026-03-02T01:00:00.000Z');
    await buyPlan(fx, 'member2', fx.yearly);
    const [paid] = (await search('q=member2')).items;
    assert.deepEqual(paid && [paid.tier, paid.runEnd], ['member', '2027-03-02T01:00:00.000Z']);
    const [free] = (await search('q=lina')).items;
    assert.deepEqual(free && [free.tier, free.runEnd, free.active], ['free', null, true]);
  });

  test('an underscore in the query matches only an underscore, on both databases', async () => {
    await fx.t.deps.db.transaction().execute((trx) =>
      createUser(trx, fx.t.ctx(), {
        login: 'zhao_lei',
        name: '赵磊',
        departmentId: null,
        roles: ['member'],
        password: PASSWORD,
      }),
    );
    assert.deepEqual(
      (await search('q=zhao_')).items.map((m) => m.login),
      ['zhao_lei'],
    );
    assert.deepEqual(
      (await search('q=_')).items.map((m) => m.login),
      ['zhao_lei'],
    );
  });

  test('letters match whatever their case, on both databases', async () => {
    assert.deepEqual(
      (await search('q=ZHAO_L')).items.map((m) => m.login),
      ['zhao_lei'],
    );
  });

  test('only the system administrator searches; a bad query names the field', async () => {
    refused(await (await fx.as('member')).get('/api/library/members?q=wang'), 403, 'FORBIDDEN');
    const long = await (await fx.as('sysadmin')).get(`/api/library/members?q=${'a'.repeat(65)}`);
    assert.match(refused(long, 400, 'VALIDATION_FAILED'), /q|检索词/);
    refused(
      await (await fx.as('sysadmin')).get('/api/library/members?pageSize=500'),
      400,
      'VALIDATION_FAILED',
    );
  });
});
