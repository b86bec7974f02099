import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../../../../test-support/app.js';
import { TEST_DB } from '../../../../test-support/database.js';
import { DEMO_PASSWORD, loadDemo, removeDemo } from '../../../demo/index.js';
import { ok } from './fixture.js';

interface Mine {
  window: { tier: string; earliestContentOn: string | null };
  grants: { source: string; state: string }[];
  orders: { status: string }[];
}

describe(`demo memberships: one active yearly member, one lapsed, one free [${TEST_DB}]`, () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
    await loadDemo(t.deps.db, t.ctx());
  });
  after(() => t.close());

  const membership = async (login: string) => {
    const c = t.client();
    assert.equal((await c.login(login, DEMO_PASSWORD)).statusCode, 200);
    return ok<Mine>(await c.get('/api/library/membership'));
  };

  test('each demo member shows their own window and history', async () => {
    const active = await membership('member1');
    assert.equal(active.window.tier, 'member');
    assert.ok(active.window.earliestContentOn);
    assert.deepEqual(active.grants.map((g) => [g.source, g.state]).sort(), [
      ['paid', 'active'],
      ['signup', 'active'],
    ]);
    assert.deepEqual(
      active.orders.map((o) => o.status),
      ['paid'],
    );
    const lapsed = await membership('member2');
    assert.equal(lapsed.window.tier, 'free');
    assert.ok(lapsed.grants.some((g) => g.source === 'paid' && g.state === 'ended'));
    const free = await membership('member3');
    assert.equal(free.window.tier, 'free');
    assert.deepEqual(
      free.grants.map((g) => g.source),
      ['signup'],
    );
  });

  test('removing the demo takes its grants and orders too', async () => {
    await removeDemo(t.deps.db, t.ctx());
    for (const table of ['library_grants', 'library_orders'] as const) {
      assert.equal((await t.deps.db.selectFrom(table).select('id').execute()).length, 0, table);
    }
  });
});
