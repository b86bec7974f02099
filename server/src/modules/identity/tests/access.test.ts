import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../../../test-support/app.js';
import type { TestClient } from '../../../test-support/client.js';
import { TEST_DB } from '../../../test-support/database.js';
import { PASSWORD, seedOrg, type TestOrg } from '../../../test-support/org.js';

type Verb = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

describe(`access rules: role × endpoint, department scope [${TEST_DB}]`, () => {
  let t: TestApp;
  let org: TestOrg;
  const clients = new Map<string, TestClient>();
  const as = (login: string) => clients.get(login) as TestClient;

  before(async () => {
    t = await startTestApp();
    org = await seedOrg(t);
    for (const login of Object.keys(org.users)) {
      const c = t.client();
      assert.equal((await c.login(login, PASSWORD)).statusCode, 200);
      clients.set(login, c);
    }
  });
  after(() => t.close());

  /** Endpoints that belong to exactly one admin duty; everyone else gets 403. */
  const duties = (): { verb: Verb; url: string; body?: unknown; owner: string }[] => [
    { verb: 'GET', url: '/api/security/policy', owner: 'secadmin' },
    {
      verb: 'PUT',
      url: `/api/users/${org.users.handler1}/roles`,
      body: { roles: ['handler'], version: 999 },
      owner: 'secadmin',
    },
    { verb: 'POST', url: `/api/users/${org.users.handler1}/unlock`, owner: 'secadmin' },
    {
      verb: 'POST',
      url: '/api/users',
      body: { login: 'newbie', name: '新人', departmentId: null },
      owner: 'sysadmin',
    },
    {
      verb: 'PATCH',
      url: `/api/users/${org.users.handler1}`,
      body: { name: 'x', version: 999 },
      owner: 'sysadmin',
    },
    {
      verb: 'POST',
      url: `/api/users/${org.users.handler1}/reset-password`,
      body: { version: 999 },
      owner: 'sysadmin',
    },
    {
      verb: 'POST',
      url: '/api/departments',
      body: { name: '临时', code: 'tmp', parentId: null },
      owner: 'sysadmin',
    },
    {
      verb: 'PATCH',
      url: `/api/departments/${org.departments.first}`,
      body: { name: 'x', version: 999 },
      owner: 'sysadmin',
    },
    { verb: 'DELETE', url: `/api/departments/${org.departments.first}?version=999`, owner: 'sysadmin' },
  ];

  test('each admin duty is refused with 403 to every other role, admins included', async () => {
    for (const endpoint of duties()) {
      for (const login of Object.keys(org.users)) {
        if (login === endpoint.owner) continue;
        const res = await as(login).request(endpoint.verb, endpoint.url, endpoint.body);
        assert.equal(
          res.statusCode,
          403,
          `${login} ${endpoint.verb} ${endpoint.url} → ${res.statusCode} ${res.body}`,
        );
        assert.equal(res.json<{ code: string }>().code, 'FORBIDDEN');
      }
    }
  });

  test('the owner of each duty is let through (stale versions give 409, not 403)', async () => {
    for (const endpoint of duties()) {
      const res = await as(endpoint.owner).request(endpoint.verb, endpoint.url, endpoint.body);
      assert.ok(
        [200, 201, 409].includes(res.statusCode),
        `${endpoint.owner} ${endpoint.verb} ${endpoint.url} → ${res.statusCode} ${res.body}`,
      );
    }
  });

  test('listing users is for the system and security administrators only', async () => {
    for (const login of Object.keys(org.users)) {
      const expected = login === 'sysadmin' || login === 'secadmin' ? 200 : 403;
      assert.equal((await as(login).get('/api/users')).statusCode, expected, login);
    }
  });

  test('the audit administrator sees nothing of the business data', async () => {
    assert.equal((await as('auditadmin').get('/api/departments')).statusCode, 403);
    assert.equal(
      (await as('auditadmin').get(`/api/departments/${org.departments.first}/members`)).statusCode,
      403,
    );
    assert.equal((await as('auditadmin').get(`/api/users/${org.users.handler1}`)).statusCode, 404);
  });

  test('another department is not found on every verb, export included', async () => {
    const other = org.departments.second;
    for (const url of [
      `/api/departments/${other}/members`,
      `/api/departments/${other}/members.csv`,
      `/api/users/${org.users.handler2}`,
    ]) {
      for (const login of ['head1', 'handler1']) {
        const res = await as(login).get(url);
        assert.equal(res.statusCode, 404, `${login} GET ${url}`);
        assert.equal(res.json<{ code: string }>().code, 'NOT_FOUND');
      }
    }
    const own = await as('head1').get(`/api/departments/${org.departments.first}/members.csv`);
    assert.equal(own.statusCode, 200);
    assert.match(own.body, /handler1/);
    assert.equal(
      (await as('leader').get(`/api/departments/${other}/members`)).statusCode,
      200,
      'leaders work across departments',
    );
    const denials = await t.deps.db
      .selectFrom('audit_log')
      .select('outcome')
      .where('action', '=', 'access.deny')
      .execute();
    assert.ok(denials.length >= 6, 'every denial is audited');
    const exports = await t.deps.db
      .selectFrom('audit_log')
      .select('object_id')
      .where('action', '=', 'export')
      .execute();
    assert.ok(exports.some((e) => e.object_id === String(org.departments.first)));
  });

  test('a colleague sees a reduced profile; a stranger gets 404 for a non-existent and a foreign user alike', async () => {
    const colleague = (await as('handler1').get(`/api/users/${org.users.head1}`)).json<
      Record<string, unknown>
    >();
    assert.equal(colleague.login, 'head1');
    assert.equal(colleague.lockedUntil, undefined, 'no security fields for colleagues');
    assert.equal((await as('handler1').get('/api/users/99999')).statusCode, 404);
  });

  test('requests without a session are 401', async () => {
    const anon = t.client();
    for (const url of ['/api/home/todos', '/api/users', '/api/departments']) {
      const res = await anon.get(url);
      assert.equal(res.statusCode, 401);
      assert.equal(res.json<{ code: string }>().code, 'UNAUTHENTICATED');
    }
  });
});
