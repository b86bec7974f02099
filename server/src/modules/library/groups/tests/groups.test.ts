import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TEST_DB } from '../../../../test-support/database.js';
import { buildAccessFixture, ok, refused, type AccessFixture } from '../../access/tests/fixture.js';

const ADMIN = '/api/library/admin/groups';
const VIP_LINK = 'https://qm.qq.com/q/vip-member-group';
const FREE_LINK = 'https://qm.qq.com/q/free-group';

interface MyGroup {
  id: number;
  tier: string;
  name: string;
  entitled: boolean;
  joinLink: string | null;
  notes: string | null;
}
interface AdminGroup {
  id: number;
  name: string;
  joinLink: string;
  version: number;
}

describe(`library member groups: links only while entitled [${TEST_DB}]`, () => {
  let fx: AccessFixture;
  let memberId: number;

  /** The member's view now, and the raw response text, which must not hold the paid group's link. */
  const seen = async (login = 'member') => {
    const res = await (await fx.as(login)).get('/api/library/groups');
    const { items } = ok<{ items: MyGroup[] }>(res);
    return { items, raw: res.body };
  };
  const vip = (items: MyGroup[]) => items.find((g) => g.tier === 'member')!;

  before(async () => {
    fx = await buildAccessFixture();
    memberId = fx.org.users.member ?? 0;
    fx.t.clock.set('2026-03-02T01:00:00.000Z');
  });
  after(() => fx.t.close());

  test('only the system administrator keeps groups; bad links are refused naming the field; edits are versioned', async () => {
    const admin = await fx.as('sysadmin');
    const member = await fx.as('member');
    refused(
      await member.post(ADMIN, { tier: 'free', name: '免费群', joinLink: FREE_LINK }),
      403,
      'FORBIDDEN',
    );
    refused(await member.get(ADMIN), 403, 'FORBIDDEN');
    const bad = refused(
      await admin.post(ADMIN, { tier: 'free', name: '免费群', joinLink: 'qq群 123' }),
      400,
      'VALIDATION_FAILED',
    );
    assert.match(bad, /加群链接/);
    const key = { 'idempotency-key': 'group-create-1' };
    const free = ok<AdminGroup>(
      await admin.post(ADMIN, { tier: 'free', name: '免费交流群', joinLink: FREE_LINK }, key),
      201,
    );
    assert.equal(
      ok<AdminGroup>(
        await admin.post(ADMIN, { tier: 'free', name: '免费交流群', joinLink: FREE_LINK }, key),
        201,
      ).id,
      free.id,
    );
    const paid = ok<AdminGroup>(
      await admin.post(ADMIN, {
        tier: 'member',
        name: '会员群',
        joinLink: VIP_LINK,
        notes: '入群请备注姓名',
      }),
      201,
    );
    const renamed = ok<AdminGroup>(
      await admin.put(`${ADMIN}/${paid.id}`, {
        tier: 'member',
        name: '会员一群',
        joinLink: VIP_LINK,
        notes: '入群请备注姓名',
        version: paid.version,
      }),
    );
    assert.equal(renamed.name, '会员一群');
    refused(
      await admin.put(`${ADMIN}/${paid.id}`, {
        tier: 'member',
        name: '旧名',
        joinLink: VIP_LINK,
        version: paid.version,
      }),
      409,
      'CONFLICT_STALE',
    );
    const extra = ok<AdminGroup>(
      await admin.post(ADMIN, { tier: 'free', name: '临时群', joinLink: FREE_LINK }),
      201,
    );
    refused(
      await admin.post(`${ADMIN}/${extra.id}/delete`, { version: extra.version + 1 }),
      409,
      'CONFLICT_STALE',
    );
    assert.equal(
      (await admin.post(`${ADMIN}/${extra.id}/delete`, { version: extra.version })).statusCode,
      204,
    );
    assert.equal(ok<{ items: AdminGroup[] }>(await admin.get(ADMIN)).items.length, 2);
    const actions = await fx.t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('object_type', '=', 'library_group')
      .execute();
    assert.deepEqual(actions.map((a) => a.action).sort(), [
      'library.group.create',
      'library.group.create',
      'library.group.create',
      'library.group.delete',
      'library.group.update',
    ]);
  });

  test('without a member grant: the free group with its link, the member group by name only', async () => {
    for (const login of ['member', 'handler1']) {
      const { items, raw } = await seen(login);
      assert.equal(items.find((g) => g.tier === 'free')?.joinLink, FREE_LINK);
      assert.deepEqual(vip(items), {
        id: vip(items).id,
        tier: 'member',
        name: '会员一群',
        entitled: false,
        joinLink: null,
        notes: null,
      });
      assert.ok(!raw.includes(VIP_LINK) && !raw.includes('备注姓名'), login);
    }
    refused(await (await fx.as('sysadmin')).get('/api/library/groups'), 403, 'FORBIDDEN');
  });

  test('a member grant shows the link while it runs, and not from the instant it ends', async () => {
    const admin = await fx.as('sysadmin');
    ok(await admin.post('/api/library/grants', { memberId, days: 30, source: 'trial', reason: '试用' }), 201);
    const active = vip((await seen()).items);
    assert.equal(active.entitled, true);
    assert.equal(active.joinLink, VIP_LINK);
    assert.equal(active.notes, '入群请备注姓名');
    assert.ok(!(await seen('member2')).raw.includes(VIP_LINK), 'another member without a grant');
    fx.t.clock.set('2026-04-01T00:59:59.999Z');
    assert.equal(vip((await seen()).items).joinLink, VIP_LINK, 'the last instant inside the grant');
    fx.t.clock.set('2026-04-01T01:00:00.000Z');
    const ended = await seen();
    assert.equal(vip(ended.items).entitled, false);
    assert.ok(!ended.raw.includes(VIP_LINK), 'the grant ended');
  });

  test('a revoked grant takes the link away at once', async () => {
    const admin = await fx.as('sysadmin');
    const grant = ok<{ id: number }>(
      await admin.post('/api/library/grants', { memberId, days: 365, source: 'comp', reason: '赠送' }),
      201,
    );
    assert.equal(vip((await seen()).items).joinLink, VIP_LINK);
    ok(await admin.post(`/api/library/grants/${grant.id}/revoke`, { reason: '误赠' }));
    const revoked = await seen();
    assert.equal(vip(revoked.items).entitled, false);
    assert.ok(!revoked.raw.includes(VIP_LINK), 'the grant was revoked');
  });
});
