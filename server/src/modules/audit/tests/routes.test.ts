import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TestApp } from '../../../test-support/app.js';
import { startTestApp } from '../../../test-support/app.js';
import type { TestClient } from '../../../test-support/client.js';
import { TEST_DB } from '../../../test-support/database.js';
import { PASSWORD, seedOrg } from '../../../test-support/org.js';
import { writeCheckpoint } from '../checkpoint.js';

interface Item {
  seq: number;
  at: string;
  actorLogin: string | null;
  action: string;
  outcome: string;
  changes: Record<string, unknown>;
}
interface Page {
  total: number;
  items: Item[];
}

const ROUTES = ['/api/audit', '/api/audit/verify', '/api/audit/export.csv', '/api/audit/checkpoints'];

describe(`audit routes [${TEST_DB}]`, () => {
  let t: TestApp;
  let auditor: TestClient;
  before(async () => {
    t = await startTestApp();
    await seedOrg(t);
    assert.equal((await t.client().login('handler1', 'wrong')).statusCode, 401);
    auditor = t.client();
    assert.equal((await auditor.login('auditadmin', PASSWORD)).statusCode, 200);
  });
  after(() => t.close());

  const list = async (query = '') => {
    const res = await auditor.get(`/api/audit${query}`);
    assert.equal(res.statusCode, 200, res.body);
    return res.json<Page>();
  };

  test('the audit administrator reads the trail newest first, filtered and paged', async () => {
    const all = await list('?pageSize=200');
    assert.ok(all.total > 10);
    const seqs = all.items.map((i) => i.seq);
    assert.deepEqual(
      seqs,
      [...seqs].sort((a, b) => b - a),
    );
    const created = all.items.find((i) => i.action === 'user.create' && i.changes.login === 'auditadmin');
    assert.deepEqual(created?.changes.roles, ['audit_admin'], 'changes come back as an object');

    const failed = await list('?action=login&outcome=failure');
    assert.equal(failed.total, 1);
    assert.deepEqual(
      failed.items.map((i) => [i.actorLogin, i.outcome]),
      [['handler1', 'failure']],
    );
    const mine = await list('?actor=auditadmin');
    assert.ok(mine.items.length > 0 && mine.items.every((i) => i.actorLogin === 'auditadmin'));

    const second = await list('?pageSize=2&page=2');
    assert.equal(second.total, all.total);
    assert.deepEqual(
      second.items.map((i) => i.seq),
      seqs.slice(2, 4),
    );

    t.clock.advanceMinutes(1);
    const from = t.clock.now();
    assert.equal((await t.client().login('head1', PASSWORD)).statusCode, 200);
    const since = await list(`?from=${encodeURIComponent(from.toISOString().replace('Z', '+00:00'))}`);
    assert.deepEqual(
      since.items.map((i) => [i.actorLogin, i.action]),
      [['head1', 'login']],
    );
    const until = await list(`?to=${encodeURIComponent(from.toISOString())}&action=login`);
    assert.ok(until.items.every((i) => i.at < from.toISOString()));

    const bad = await auditor.get('/api/audit?from=yesterday');
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json<{ message: string }>().message, /开始时间/);
  });

  test('the export is a CSV of the same filter, and is itself audited', async () => {
    const logins = await list('?action=login&pageSize=200');
    const res = await auditor.get('/api/audit/export.csv?action=login');
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/csv/);
    const lines = res.body
      .replace(/^\ufeff/, '')
      .trimEnd()
      .split('\r\n');
    assert.equal(lines[0], '序号,时间,操作人ID,操作人,操作,对象类型,对象ID,结果,详情,来源地址');
    assert.equal(lines.length - 1, logins.total);
    assert.equal(lines[1]?.split(',')[0], String(logins.items[0]?.seq));

    const [exported] = (await list('?action=export')).items;
    assert.equal(exported?.actorLogin, 'auditadmin');
    assert.deepEqual(exported?.changes, { filter: { action: 'login' }, rows: logins.total });
  });

  test('verify and checkpoints report on the trail', async () => {
    await writeCheckpoint(t.deps.db, t.ctx());
    const verify = await auditor.get('/api/audit/verify');
    assert.equal(verify.statusCode, 200);
    const result = verify.json<{ ok: boolean; rows: number; checkpoints: number; firstBad: null }>();
    assert.deepEqual([result.ok, result.checkpoints, result.firstBad], [true, 1, null]);
    assert.ok(result.rows > 10);

    const checkpoints = await auditor.get('/api/audit/checkpoints');
    assert.equal(checkpoints.statusCode, 200);
    const body = checkpoints.json<{ total: number; items: { macValid: boolean; headSeq: number }[] }>();
    assert.equal(body.total, 1);
    assert.equal(body.items[0]?.macValid, true);
  });

  test('the other administrators and leaders get 403 on every audit route, and each denial is audited', async () => {
    for (const login of ['sysadmin', 'secadmin', 'leader']) {
      const c = t.client();
      assert.equal((await c.login(login, PASSWORD)).statusCode, 200);
      for (const url of ROUTES) {
        const res = await c.get(url);
        assert.equal(res.statusCode, 403, `${login} ${url}`);
        assert.deepEqual(res.json<{ code: string; message: string }>(), {
          code: 'FORBIDDEN',
          message: '无权查看审计日志：仅限审计管理员',
          details: null,
        });
      }
      const denials = await list(`?actor=${login}&action=access.deny`);
      assert.equal(denials.total, ROUTES.length);
    }
    assert.equal((await t.client().get('/api/audit')).statusCode, 401);
  });
});
