import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ADMIN_ROLES, BUSINESS_ROLES } from '../../../../../shared/src/roles.js';
import { startTestApp, type TestApp } from '../../../test-support/app.js';
import { TEST_DB } from '../../../test-support/database.js';
import { DEMO_PASSWORD, loadDemo, removeDemo } from '../index.js';

describe(`demo organisation [${TEST_DB}]`, () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  test('loads a labelled organisation with every role and one Party branch per department', async () => {
    const loaded = await loadDemo(t.deps.db, t.ctx());
    assert.ok(loaded.logins.length >= 30);
    const roles = new Set(loaded.logins.flatMap((l) => l.roles));
    for (const role of [...BUSINESS_ROLES, ...ADMIN_ROLES]) assert.ok(roles.has(role), `demo covers ${role}`);
    const departments = await t.deps.db
      .selectFrom('departments')
      .select(['id', 'name', 'parent_id'])
      .execute();
    const root = departments.find((d) => d.parent_id === null);
    assert.match(root?.name ?? '', /演示数据/);
    const branches = await t.deps.db.selectFrom('branches').select('department_id').execute();
    assert.equal(branches.length, departments.length - 1);
    for (const login of ['leader1', 'sysadmin', 'secadmin', 'auditadmin', 'jd1_staff']) {
      const c = t.client();
      assert.deepEqual((await c.login(login, DEMO_PASSWORD)).json(), { stage: 'full' }, login);
    }
  });

  test('remove takes out the demo accounts and departments and is audited', async () => {
    const removed = await removeDemo(t.deps.db, t.ctx());
    assert.ok(removed.users >= 30);
    assert.equal((await t.deps.db.selectFrom('users').select('id').execute()).length, 0);
    assert.equal((await t.deps.db.selectFrom('departments').select('id').execute()).length, 0);
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'in', ['demo.load', 'demo.remove'])
      .execute();
    assert.equal(audit.length, 2);
  });
});
