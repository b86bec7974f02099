import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { createUser } from '../../../identity/index.js';
import { startTestApp, type TestApp } from '../../../../test-support/app.js';
import type { TestClient } from '../../../../test-support/client.js';
import { PASSWORD, seedOrg, type TestOrg } from '../../../../test-support/org.js';

/** An organisation with two members, a system administrator and a yearly and a monthly plan. */
export interface AccessFixture {
  t: TestApp;
  org: TestOrg;
  member2: number;
  yearly: number;
  monthly: number;
  /** A client signed in now as `login` (sessions expire when tests move the clock by months). */
  as(login: string): Promise<TestClient>;
}

export const ok = <T>(res: LightMyRequestResponse, status = 200): T => {
  assert.equal(res.statusCode, status, res.body);
  return res.json<T>();
};

export const refused = (res: LightMyRequestResponse, status: number, code: string): string => {
  assert.equal(res.statusCode, status, res.body);
  const body = res.json<{ code: string; message: string }>();
  assert.equal(body.code, code, res.body);
  return body.message;
};

export async function buildAccessFixture(): Promise<AccessFixture> {
  const t = await startTestApp();
  const org = await seedOrg(t);
  const member2 = await t.deps.db.transaction().execute(async (trx) => {
    const user = await createUser(trx, t.ctx(), {
      login: 'member2',
      name: '会员乙',
      departmentId: org.departments.second,
      roles: ['member'],
      password: PASSWORD,
    });
    return user.id;
  });
  const as = async (login: string) => {
    // Tests move the clock by years; passwords would otherwise have expired (90 days) by then.
    await t.deps.db.updateTable('users').set({ password_changed_at: t.clock.now().toISOString() }).execute();
    const c = t.client();
    assert.equal((await c.login(login, PASSWORD)).statusCode, 200);
    return c;
  };
  const admin = await as('sysadmin');
  const plan = async (name: string, periodUnit: string, periodCount: number, priceCents: number) =>
    ok<{ id: number }>(
      await admin.post('/api/library/plans', {
        name,
        tier: 'member',
        periodUnit,
        periodCount,
        backYears: 3,
        priceCents,
        active: true,
      }),
      201,
    ).id;
  const yearly = await plan('年度会员', 'month', 12, 36_000);
  const monthly = await plan('月度会员', 'month', 1, 4_000);
  return { t, org, member2, yearly, monthly, as };
}

export interface Grant {
  id: number;
  memberId: number;
  source: string;
  startsAt: string;
  endsAt: string | null;
  state: string;
}

/** The member orders the plan and the administrator confirms the payment: the paid grant. */
export async function buyPlan(fx: AccessFixture, login: string, planId: number): Promise<Grant> {
  const member = await fx.as(login);
  const order = ok<{ id: number; version: number; amountCents: number }>(
    await member.post('/api/library/orders', { planId }),
    201,
  );
  const admin = await fx.as('sysadmin');
  ok(
    await admin.post(`/api/library/orders/${order.id}/confirm`, {
      version: order.version,
      paidCents: order.amountCents,
      reference: `WX${order.id}`,
    }),
  );
  const mine = ok<{ grants: Grant[] }>(await member.get('/api/library/membership'));
  const grant = mine.grants.find((g) => g.source === 'paid');
  assert.ok(grant);
  return grant;
}
