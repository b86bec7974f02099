import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../../../test-support/app.js';
import type { TestClient } from '../../../test-support/client.js';
import { TEST_DB } from '../../../test-support/database.js';
import { PASSWORD, seedOrg, type TestOrg } from '../../../test-support/org.js';
import { goodRow, ledgerFile, upload } from '../ledger/tests/ledger-files.js';
import { instruction, ok, refused } from './helpers.js';

describe(`责任领导须具有领导角色 [${TEST_DB}]`, () => {
  let t: TestApp;
  let org: TestOrg;
  let supervisor: TestClient;
  const items = async () => (await t.deps.db.selectFrom('items').select('id').execute()).length;

  before(async () => {
    t = await startTestApp();
    org = await seedOrg(t);
    supervisor = t.client();
    assert.equal((await supervisor.login('supervisor', PASSWORD)).statusCode, 200);
  });
  after(() => t.close());

  test('立项 naming someone without the leader role is refused, naming the field, and creates nothing', async () => {
    for (const who of ['head1', 'supervisor']) {
      const res = await supervisor.post(
        '/api/items',
        instruction('责任领导不是领导', { responsibleLeaderId: org.users[who] }),
      );
      refused(res, 400, 'LEADER_ROLE_REQUIRED');
      const body = res.json<{ message: string; details: { field: string } }>();
      assert.equal(body.message, `责任领导：${who} 不具有领导角色，请选择领导`);
      assert.deepEqual(body.details, { field: 'responsibleLeaderId' });
    }
    assert.equal(await items(), 0);
    const item = ok(
      await supervisor.post(
        '/api/items',
        instruction('责任领导是领导', { responsibleLeaderId: org.users.leader }),
      ),
      201,
    );
    assert.equal(item.status, 'draft');
  });

  test('a 台账 row naming a non-leader is reported by row and column, and nothing is imported', async () => {
    const before = await items();
    const file = await ledgerFile([
      goodRow('第一行没有问题'),
      goodRow('领导填错', { 责任领导登录名: 'head1' }),
    ]);
    const res = await upload(supervisor, file);
    refused(res, 400, 'VALIDATION_FAILED');
    assert.deepEqual(res.json<{ details: { errors: unknown[] } }>().details.errors, [
      { row: 3, column: '责任领导登录名', message: '「head1」（head1）不具有领导角色' },
    ]);
    assert.equal(await items(), before);
  });
});
