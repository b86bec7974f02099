import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../../../test-support/app.js';
import type { TestClient } from '../../../test-support/client.js';
import { TEST_DB } from '../../../test-support/database.js';
import { PASSWORD, seedOrg } from '../../../test-support/org.js';

describe(`API conventions: idempotency, optimistic concurrency, errors, OpenAPI, headers [${TEST_DB}]`, () => {
  let t: TestApp;
  let admin: TestClient;
  before(async () => {
    t = await startTestApp();
    await seedOrg(t);
    admin = t.client();
    await admin.login('sysadmin', PASSWORD);
  });
  after(() => t.close());

  test('a retried create with the same Idempotency-Key creates once and answers the same', async () => {
    const key = { 'idempotency-key': 'dept-create-0001' };
    const body = { name: '案件监督管理室', code: 'ajjg', parentId: null };
    const first = await admin.post('/api/departments', body, key);
    const second = await admin.post('/api/departments', body, key);
    assert.equal(first.statusCode, 201);
    assert.equal(second.statusCode, 201);
    assert.deepEqual(second.json(), first.json());
    const rows = await t.deps.db.selectFrom('departments').select('id').where('code', '=', 'ajjg').execute();
    assert.equal(rows.length, 1);
    const creates = await t.deps.db
      .selectFrom('audit_log')
      .select('seq')
      .where('action', '=', 'department.create')
      .where('object_id', '=', String(rows[0]?.id))
      .execute();
    assert.equal(creates.length, 1, 'one audit row for one creation');
    const misuse = await admin.post('/api/departments', { ...body, name: '别的' }, key);
    assert.equal(misuse.statusCode, 422);
    assert.equal(misuse.json<{ code: string }>().code, 'IDEMPOTENCY_MISMATCH');
  });

  test('concurrent retries with one key still create once', async () => {
    const key = { 'idempotency-key': 'dept-create-0002' };
    const body = { name: '信访室', code: 'xfs', parentId: null };
    const results = await Promise.all([1, 2, 3, 4].map(() => admin.post('/api/departments', body, key)));
    assert.ok(
      results.every((r) => r.statusCode === 201),
      results.map((r) => r.body).join('\n'),
    );
    const rows = await t.deps.db.selectFrom('departments').select('id').where('code', '=', 'xfs').execute();
    assert.equal(rows.length, 1);
  });

  test('a stale version is a 409 and changes nothing', async () => {
    const dept = (
      await admin.post('/api/departments', { name: '研究室', code: 'yjs', parentId: null })
    ).json<{ id: number; version: number }>();
    assert.equal(
      (await admin.patch(`/api/departments/${dept.id}`, { name: '政策研究室', version: dept.version }))
        .statusCode,
      200,
    );
    const stale = await admin.patch(`/api/departments/${dept.id}`, { name: '调研室', version: dept.version });
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json<{ code: string; message: string }>().message, '数据已被他人修改，请刷新后重试');
    const row = await t.deps.db
      .selectFrom('departments')
      .select(['name', 'version'])
      .where('id', '=', dept.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { name: '政策研究室', version: dept.version + 1 });
  });

  test('a duplicate code names the field; a cycle in the tree is refused', async () => {
    const dup = await admin.post('/api/departments', { name: '重复', code: 'yjs', parentId: null });
    assert.equal(dup.statusCode, 409);
    assert.match(dup.json<{ message: string }>().message, /^编码：/);
    const parent = (await admin.post('/api/departments', { name: '上级', code: 'p1', parentId: null })).json<{
      id: number;
      version: number;
    }>();
    const child = (
      await admin.post('/api/departments', { name: '下级', code: 'c1', parentId: parent.id })
    ).json<{ id: number }>();
    const cycle = await admin.patch(`/api/departments/${parent.id}`, {
      parentId: child.id,
      version: parent.version,
    });
    assert.equal(cycle.statusCode, 400);
    assert.match(cycle.json<{ message: string }>().message, /上级部门/);
  });

  test('OpenAPI is served at /api/docs and security headers are set', async () => {
    const spec = await t.client().get('/api/docs/json');
    assert.equal(spec.statusCode, 200);
    const paths = Object.keys(spec.json<{ paths: Record<string, unknown> }>().paths);
    assert.ok(paths.includes('/api/users/{id}/roles'));
    const res = await t.client().get('/api/session');
    assert.equal(res.headers['x-frame-options'], 'SAMEORIGIN');
    assert.match(String(res.headers['content-security-policy']), /default-src 'self'/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    const cookie = res.cookies.find((c) => c.name === 'luoshi_csrf');
    assert.equal(cookie?.sameSite, 'Strict');
    const login = await admin.login('sysadmin', PASSWORD);
    const sid = login.cookies.find((c) => c.name === 'luoshi_sid');
    assert.equal(sid?.httpOnly, true);
  });

  test('login attempts are rate limited per client address', async () => {
    const limited = await startTestApp({ config: { loginRateLimitPerMinute: 3 } });
    try {
      const c = limited.client();
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) codes.push((await c.login('nobody', 'x')).statusCode);
      assert.deepEqual(codes, [401, 401, 401, 429, 429]);
    } finally {
      await limited.close();
    }
  });
});
