import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { TEST_DB } from '../../../../test-support/database.js';
import { buildAccessFixture, ok, refused, type AccessFixture, type Grant } from './fixture.js';

const CODE = /^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}$/;

async function codesOfXlsx(body: Buffer): Promise<string[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = book.getWorksheet('兑换码');
  assert.ok(sheet);
  const codes: string[] = [];
  sheet.eachRow((row, n) => {
    if (n > 1) codes.push(row.getCell(2).text);
  });
  return codes;
}

describe(`library access: redeem codes and orders [${TEST_DB}]`, () => {
  let fx: AccessFixture;
  let codes: string[] = [];

  const batch = async (count: number, expiresAt: string) => {
    const admin = await fx.as('sysadmin');
    return ok<{ id: number }>(
      await admin.post('/api/library/code-batches', { planId: fx.monthly, count, expiresAt, note: '读书会' }),
      201,
    ).id;
  };

  before(async () => {
    fx = await buildAccessFixture();
  });
  after(() => fx.t.close());

  test('a batch is generated and its codes exported once, readable and unique', async () => {
    const id = await batch(5, '2026-12-31T15:59:59.000Z');
    const admin = await fx.as('sysadmin');
    const file = await admin.post(`/api/library/code-batches/${id}/export?format=xlsx`);
    assert.equal(file.statusCode, 200, file.body);
    assert.match(String(file.headers['content-disposition']), /filename\*=UTF-8''/);
    codes = await codesOfXlsx(file.rawPayload);
    assert.equal(codes.length, 5);
    assert.equal(new Set(codes).size, 5);
    for (const code of codes) assert.match(code, CODE);
    refused(await admin.post(`/api/library/code-batches/${id}/export?format=csv`), 409, 'INVALID_STATE');
    const stored = await fx.t.deps.db.selectFrom('library_codes').select('code_hash').execute();
    assert.ok(stored.every((r) => !codes.some((c) => r.code_hash.includes(c.replace(/-/g, '')))));
    const list = ok<{ items: { id: number; count: number; exportedAt: string | null }[] }>(
      await admin.get('/api/library/code-batches'),
    );
    assert.equal(list.items[0]?.count, 5);
    assert.ok(list.items[0]?.exportedAt);
    const csvBatch = await batch(2, '2026-12-31T15:59:59.000Z');
    const csv = await admin.post(`/api/library/code-batches/${csvBatch}/export?format=csv`);
    assert.equal(csv.statusCode, 200);
    assert.equal(csv.body.trim().split('\r\n').length, 3);
    assert.match(csv.body, /序号,兑换码,方案,有效期至/);
  });

  test('a code is used once: typed loosely it works, a second use is refused', async () => {
    const [first] = codes;
    assert.ok(first);
    const member = await fx.as('member');
    const grant = ok<Grant>(
      await member.post('/api/library/redeem', { code: ` ${first.toLowerCase().replace(/-/g, ' ')} ` }),
      201,
    );
    assert.equal(grant.source, 'redeem');
    assert.equal(grant.startsAt, fx.t.clock.now().toISOString());
    const again = refused(await member.post('/api/library/redeem', { code: first }), 409, 'INVALID_STATE');
    assert.match(again, /已被使用/);
    const other = await fx.as('member2');
    refused(await other.post('/api/library/redeem', { code: first }), 409, 'INVALID_STATE');
    const wrong = refused(
      await other.post('/api/library/redeem', { code: 'ABCD-EFGH-JKLM-NPQR' }),
      400,
      'VALIDATION_FAILED',
    );
    assert.match(wrong, /兑换码/);
  });

  test('two concurrent redemptions of one code: exactly one wins', async () => {
    const code = codes[1] ?? '';
    const [a, b] = [await fx.as('member'), await fx.as('member2')];
    const results = await Promise.all([
      a.post('/api/library/redeem', { code }),
      b.post('/api/library/redeem', { code }),
    ]);
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [201, 409]);
    const rows = await fx.t.deps.db
      .selectFrom('library_grants')
      .select('id')
      .where('source', '=', 'redeem')
      .execute();
    assert.equal(rows.length, 2, 'the first test’s grant and one of these');
  });

  test('a retried redemption with the same Idempotency-Key answers the first grant again', async () => {
    const code = codes[2] ?? '';
    const member = await fx.as('member2');
    const key = { 'idempotency-key': 'redeem-retry-0001' };
    const first = ok<Grant>(await member.post('/api/library/redeem', { code }, key), 201);
    const retry = ok<Grant>(await member.post('/api/library/redeem', { code }, key), 201);
    assert.equal(retry.id, first.id);
    const rows = await fx.t.deps.db
      .selectFrom('library_grants')
      .select('id')
      .where('code_id', 'is not', null)
      .execute();
    assert.equal(rows.length, 3);
  });

  test('an expired code is refused', async () => {
    const id = await batch(1, '2026-03-03T00:00:00.000Z');
    const admin = await fx.as('sysadmin');
    const [code] = await codesOfXlsx((await admin.post(`/api/library/code-batches/${id}/export`)).rawPayload);
    fx.t.clock.set('2026-03-03T00:00:00.000Z');
    const member = await fx.as('member2');
    const message = refused(await member.post('/api/library/redeem', { code }), 409, 'INVALID_STATE');
    assert.match(message, /过期/);
  });

  test('a confirmed order stacks its paid grant after the current run', async () => {
    const member = await fx.as('member');
    const mine = ok<{ window: { runEnd: string }; grants: Grant[] }>(
      await member.get('/api/library/membership'),
    );
    const runEnd = mine.window.runEnd;
    const order = ok<{ id: number; version: number; status: string; amountCents: number }>(
      await member.post('/api/library/orders', { planId: fx.yearly }),
      201,
    );
    assert.equal(order.status, 'pending');
    assert.equal(order.amountCents, 36_000);
    const admin = await fx.as('sysadmin');
    const pending = ok<{ items: { id: number }[] }>(await admin.get('/api/library/orders?status=pending'));
    assert.deepEqual(
      pending.items.map((o) => o.id),
      [order.id],
    );
    refused(
      await admin.post(`/api/library/orders/${order.id}/confirm`, {
        version: 99,
        paidCents: 36_000,
        reference: 'x',
      }),
      409,
      'CONFLICT_STALE',
    );
    const paid = ok<{ status: string; paymentRef: string }>(
      await admin.post(`/api/library/orders/${order.id}/confirm`, {
        version: order.version,
        paidCents: 36_000,
        reference: '银行转账 20260303001',
      }),
    );
    assert.equal(paid.status, 'paid');
    const after = ok<{ window: { runEnd: string }; grants: Grant[] }>(
      await member.get('/api/library/membership'),
    );
    const grant = after.grants.find((g) => g.source === 'paid');
    assert.equal(grant?.startsAt, runEnd);
    assert.equal(after.window.runEnd, grant?.endsAt);
    refused(
      await admin.post(`/api/library/orders/${order.id}/confirm`, {
        version: order.version + 1,
        paidCents: 1,
        reference: 'y',
      }),
      409,
      'INVALID_STATE',
    );
  });

  test("another member's order does not exist for them; duties are checked", async () => {
    const member = await fx.as('member');
    const order = ok<{ id: number; version: number }>(
      await member.post('/api/library/orders', { planId: fx.monthly }),
      201,
    );
    const other = await fx.as('member2');
    refused(await other.get(`/api/library/orders/${order.id}`), 404, 'NOT_FOUND');
    refused(
      await other.post(`/api/library/orders/${order.id}/cancel`, { version: order.version }),
      404,
      'NOT_FOUND',
    );
    const cancelled = ok<{ status: string }>(
      await member.post(`/api/library/orders/${order.id}/cancel`, { version: order.version }),
    );
    assert.equal(cancelled.status, 'cancelled');
    const handler = await fx.as('handler1');
    refused(await handler.post('/api/library/orders', { planId: fx.monthly }), 403, 'FORBIDDEN');
    refused(await member.get('/api/library/grants'), 403, 'FORBIDDEN');
    refused(
      await member.post('/api/library/code-batches', {
        planId: fx.monthly,
        count: 1,
        expiresAt: '2027-01-01T00:00:00Z',
      }),
      403,
      'FORBIDDEN',
    );
    const admin = await fx.as('sysadmin');
    refused(
      await admin.post('/api/library/grants', { memberId: fx.org.users.handler1, days: 30, reason: '试读' }),
      404,
      'NOT_FOUND',
    );
    const comp = ok<Grant>(
      await admin.post('/api/library/grants', { memberId: fx.member2, days: 30, reason: '征文获奖' }),
      201,
    );
    assert.equal(comp.source, 'comp');
    const trial = ok<Grant>(
      await admin.post('/api/library/grants', {
        memberId: fx.member2,
        days: 7,
        source: 'trial',
        reason: '新入职试读',
      }),
      201,
    );
    assert.equal(trial.source, 'trial');
    assert.equal(trial.startsAt, comp.endsAt, 'stacked after the comp grant');
    refused(
      await admin.post('/api/library/grants', {
        memberId: fx.member2,
        days: 7,
        source: 'paid',
        reason: '伪造',
      }),
      400,
      'VALIDATION_FAILED',
    );
    const audit = await fx.t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'library.%')
      .execute();
    const actions = new Set(audit.map((a) => a.action));
    for (const action of [
      'library.codes.generate',
      'library.codes.export',
      'library.code.redeem',
      'library.order.cancel',
    ]) {
      assert.ok(actions.has(action), action);
    }
  });
  test('plans: a stale or duplicate edit is refused; a retired plan is neither listed for members nor sold', async () => {
    const admin = await fx.as('sysadmin');
    const plans = ok<{ items: { id: number; name: string; version: number }[] }>(
      await admin.get('/api/library/plans'),
    );
    const monthly = plans.items.find((p) => p.id === fx.monthly);
    assert.ok(monthly);
    const edit = {
      name: '月度会员',
      tier: 'member',
      periodUnit: 'month',
      periodCount: 1,
      backYears: 3,
      priceCents: 4_000,
    };
    refused(
      await admin.patch(`/api/library/plans/${fx.monthly}`, {
        ...edit,
        name: '年度会员',
        active: true,
        version: monthly.version,
      }),
      409,
      'CONFLICT_DUPLICATE',
    );
    ok(
      await admin.patch(`/api/library/plans/${fx.monthly}`, {
        ...edit,
        active: false,
        version: monthly.version,
      }),
    );
    refused(
      await admin.patch(`/api/library/plans/${fx.monthly}`, {
        ...edit,
        active: true,
        version: monthly.version,
      }),
      409,
      'CONFLICT_STALE',
    );
    const member = await fx.as('member');
    const offered = ok<{ items: { id: number }[] }>(await member.get('/api/library/plans'));
    assert.ok(!offered.items.some((p) => p.id === fx.monthly));
    const message = refused(
      await member.post('/api/library/orders', { planId: fx.monthly }),
      409,
      'INVALID_STATE',
    );
    assert.match(message, /停售/);
    const audit = await fx.t.deps.db
      .selectFrom('audit_log')
      .select('changes')
      .where('action', '=', 'library.plan.update')
      .execute();
    assert.equal(audit.length, 1);
    assert.match(audit[0]?.changes ?? '', /"active":\{"before":1,"after":0\}/);
  });
});
