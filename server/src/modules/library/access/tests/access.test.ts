import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TEST_DB } from '../../../../test-support/database.js';
import { accessibleIds, canAccess, type AccessMaterial } from '../index.js';
import { buildAccessFixture, buyPlan, ok, type AccessFixture } from './fixture.js';

interface Window {
  tier: string;
  runStart: string | null;
  runEnd: string | null;
  earliestContentOn: string | null;
}

/** A member-tier material published at noon Beijing time on `date`. */
const material = (id: number, date: string, tier: AccessMaterial['tier'] = 'member'): AccessMaterial => ({
  id,
  tier,
  publishedAt: `${date}T04:00:00.000Z`,
});

describe(`library access: canAccess at the edges of grants and membership runs [${TEST_DB}]`, () => {
  let fx: AccessFixture;
  let memberId: number;
  const can = (m: AccessMaterial, at: string) => canAccess(fx.t.deps.db, memberId, m, new Date(at));
  const windowNow = async () =>
    ok<{ window: Window }>(await (await fx.as('member')).get('/api/library/membership')).window;

  before(async () => {
    fx = await buildAccessFixture();
    memberId = fx.org.users.member ?? 0;
  });
  after(() => fx.t.close());

  test('without a grant only free, published material is readable', async () => {
    assert.equal(await can(material(1, '2026-01-10', 'free'), '2026-03-02T01:00:00.000Z'), true);
    assert.equal(await can(material(2, '2026-01-10'), '2026-03-02T01:00:00.000Z'), false);
    assert.equal(await can({ id: 3, tier: 'free', publishedAt: null }, '2026-03-02T01:00:00.000Z'), false);
    // Scheduled for later: not yet readable by anyone.
    assert.equal(await can(material(4, '2026-03-05', 'free'), '2026-03-02T01:00:00.000Z'), false);
    assert.deepEqual((await windowNow()).tier, 'free');
  });

  test('a yearly member reads back exactly 3 years before the run started, not a day more', async () => {
    fx.t.clock.set('2026-03-02T01:00:00.000Z'); // 09:00 on 2 March in Beijing
    const grant = await buyPlan(fx, 'member', fx.yearly);
    assert.equal(grant.startsAt, '2026-03-02T01:00:00.000Z');
    assert.equal(grant.endsAt, '2027-03-02T01:00:00.000Z');
    const at = '2026-05-01T00:00:00.000Z';
    assert.equal(await can(material(10, '2023-03-02'), at), true, 'exactly 3 years before');
    assert.equal(await can(material(11, '2023-03-01'), at), false, '3 years and 1 day before');
    assert.equal(await can(material(12, '2026-04-30'), at), true);
    const window = await windowNow();
    assert.deepEqual(window, {
      tier: 'member',
      runStart: '2026-03-02T01:00:00.000Z',
      runEnd: '2027-03-02T01:00:00.000Z',
      earliestContentOn: '2023-03-02',
    });
  });

  test('the grant ends at its end: the instant before is inside, the end itself is not', async () => {
    const m = material(20, '2025-01-01');
    assert.equal(await can(m, '2027-03-02T00:59:59.999Z'), true);
    assert.equal(await can(m, '2027-03-02T01:00:00.000Z'), false);
  });

  test('a grant bought during the run stacks after it, and the two form one run', async () => {
    fx.t.clock.set('2026-12-01T02:00:00.000Z');
    const second = await buyPlan(fx, 'member', fx.yearly);
    assert.equal(second.startsAt, '2027-03-02T01:00:00.000Z');
    assert.equal(second.endsAt, '2028-03-02T01:00:00.000Z');
    const window = await windowNow();
    assert.equal(window.runEnd, '2028-03-02T01:00:00.000Z');
    // In the second year the back catalogue still reaches from the run's start in 2026.
    const at = '2027-06-01T00:00:00.000Z';
    assert.equal(await can(material(30, '2023-03-02'), at), true);
    assert.equal(await can(material(31, '2023-03-01'), at), false);
    assert.equal(
      await can(material(32, '2027-03-01'), '2027-03-02T01:00:00.000Z'),
      true,
      'no gap at the seam',
    );
  });

  test('a lapsed and renewed membership starts a new run: older material is out of reach', async () => {
    fx.t.clock.set('2028-06-01T02:00:00.000Z');
    assert.equal((await windowNow()).tier, 'free', 'lapsed between March and June');
    assert.equal(await can(material(40, '2026-01-01'), '2028-06-01T02:00:00.000Z'), false);
    const renewal = await buyPlan(fx, 'member', fx.monthly);
    assert.equal(renewal.startsAt, '2028-06-01T02:00:00.000Z');
    const window = await windowNow();
    assert.equal(window.runStart, '2028-06-01T02:00:00.000Z');
    assert.equal(window.earliestContentOn, '2025-06-01');
    const at = '2028-06-10T00:00:00.000Z';
    assert.equal(await can(material(41, '2023-03-02'), at), false, 'reachable only in the old run');
    assert.equal(await can(material(42, '2025-05-31'), at), false);
    assert.equal(await can(material(43, '2025-06-01'), at), true);
    const ids = await accessibleIds(
      fx.t.deps.db,
      memberId,
      [material(41, '2023-03-02'), material(43, '2025-06-01'), material(44, '2020-01-01', 'free')],
      new Date(at),
    );
    assert.deepEqual([...ids].sort(), [43, 44]);
  });

  test('a revoked grant gives nothing from the revocation on, and the revocation is audited', async () => {
    fx.t.clock.set('2028-06-15T02:00:00.000Z');
    const admin = await fx.as('sysadmin');
    const list = ok<{ items: { id: number; state: string }[] }>(
      await admin.get(`/api/library/grants?memberId=${memberId}&active=1`),
    );
    assert.equal(list.items.length, 1);
    const id = list.items[0]?.id ?? 0;
    const revoked = ok<{ state: string; revokeReason: string }>(
      await admin.post(`/api/library/grants/${id}/revoke`, { reason: '账号外借他人使用' }),
    );
    assert.equal(revoked.state, 'revoked');
    assert.equal(revoked.revokeReason, '账号外借他人使用');
    assert.equal(await can(material(50, '2027-01-01'), '2028-06-15T02:00:01.000Z'), false);
    assert.equal(
      await can(material(50, '2027-01-01'), '2028-06-15T01:59:59.000Z'),
      true,
      'before it was revoked',
    );
    assert.equal((await windowNow()).tier, 'free');
    const again = await admin.post(`/api/library/grants/${id}/revoke`, { reason: '重复' });
    assert.equal(again.statusCode, 409);
    const audit = await fx.t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'object_id'])
      .where('action', 'like', 'library.%')
      .orderBy('seq')
      .execute();
    const actions = audit.map((a) => a.action);
    for (const action of [
      'library.plan.create',
      'library.order.create',
      'library.order.confirm',
      'library.grant.issue',
      'library.grant.revoke',
    ]) {
      assert.ok(actions.includes(action), action);
    }
    assert.equal(actions.filter((a) => a === 'library.grant.issue').length, 3);
  });
});
