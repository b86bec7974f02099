import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../../../test-support/app.js';
import type { TestClient } from '../../../test-support/client.js';
import { TEST_DB } from '../../../test-support/database.js';
import { PASSWORD, seedOrg, type TestOrg } from '../../../test-support/org.js';
import { addChief } from '../ledger/tests/ledger-files.js';
import { assignedItem, instruction, ok, refused } from './helpers.js';

interface SettingsBody {
  numberFormat: string;
  limits: { extra_urgent: number; urgent: number; normal: number; difficult: number };
  warnDays: number;
  version: number;
}

describe(`督查督办设置：编号格式、默认时限、黄灯预警 [${TEST_DB}]`, () => {
  let t: TestApp;
  let org: TestOrg;
  const c: Record<string, TestClient> = {};
  const audits = () =>
    t.deps.db
      .selectFrom('audit_log')
      .select(['actor_login', 'changes'])
      .where('action', '=', 'supervision.settings.update')
      .orderBy('seq')
      .execute();

  before(async () => {
    t = await startTestApp();
    org = await seedOrg(t);
    await addChief(t, org);
    for (const login of ['supervisor', 'chief', 'leader', 'handler1', 'sysadmin', 'secadmin']) {
      c[login] = t.client();
      assert.equal((await c[login].login(login, PASSWORD)).statusCode, 200);
    }
  });
  after(() => t.close());

  test('every business user and the system administrator read the defaults at version 0', async () => {
    for (const who of ['handler1', 'leader', 'supervisor', 'sysadmin']) {
      const res = await c[who]!.get('/api/supervision/settings');
      assert.equal(res.statusCode, 200, `${who}: ${res.body}`);
      assert.deepEqual(res.json<SettingsBody>(), {
        numberFormat: '督〔{year}〕{seq}号',
        limits: { extra_urgent: 3, urgent: 5, normal: 15, difficult: 30 },
        warnDays: 3,
        version: 0,
      });
    }
    refused(await c.secadmin!.get('/api/supervision/settings'), 403, 'FORBIDDEN');
  });

  test('only the head of the supervision office or the system administrator changes them', async () => {
    const next = {
      numberFormat: '督〔{year}〕{seq}号',
      limits: { extra_urgent: 3, urgent: 5, normal: 15, difficult: 30 },
      warnDays: 3,
      version: 0,
    };
    for (const who of ['supervisor', 'leader', 'handler1', 'secadmin'])
      refused(await c[who]!.put('/api/supervision/settings', next), 403, 'FORBIDDEN');
    assert.equal((await audits()).length, 0);
  });

  test('bad values are refused with a Chinese message naming the field', async () => {
    const base = {
      numberFormat: '督〔{year}〕{seq}号',
      limits: { extra_urgent: 3, urgent: 5, normal: 15, difficult: 30 },
      warnDays: 3,
      version: 0,
    };
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ ...base, numberFormat: '督办{seq}号' }, /^编号格式：须包含 \{year\} 和 \{seq\}/],
      [{ ...base, warnDays: 31 }, /^黄灯预警天数：/],
      [{ ...base, limits: { ...base.limits, urgent: 0 } }, /^急件时限：/],
      [{ ...base, limits: { ...base.limits, difficult: 1.5 } }, /^难度大事项时限：/],
    ];
    for (const [body, message] of cases) {
      const res = await c.chief!.put('/api/supervision/settings', body);
      refused(res, 400, 'VALIDATION_FAILED');
      assert.match(res.json<{ message: string }>().message, message);
    }
    assert.equal((await audits()).length, 0);
  });

  test('a change is audited with before and after, a stale version is 409, and new items follow it', async () => {
    const changed = {
      numberFormat: '市纪督〔{year}〕{seq}号',
      limits: { extra_urgent: 2, urgent: 4, normal: 10, difficult: 20 },
      warnDays: 5,
    };
    const res = await c.chief!.put('/api/supervision/settings', { ...changed, version: 0 });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json<SettingsBody>(), { ...changed, version: 1 });

    refused(
      await c.sysadmin!.put('/api/supervision/settings', { ...changed, warnDays: 4, version: 0 }),
      409,
      'CONFLICT_STALE',
    );
    const byAdmin = await c.sysadmin!.put('/api/supervision/settings', {
      ...changed,
      warnDays: 4,
      version: 1,
    });
    assert.equal(byAdmin.statusCode, 200, byAdmin.body);
    assert.equal(byAdmin.json<SettingsBody>().version, 2);

    const rows = await audits();
    assert.deepEqual(
      rows.map((r) => [r.actor_login, JSON.parse(r.changes) as unknown]),
      [
        [
          'chief',
          {
            numberFormat: { before: '督〔{year}〕{seq}号', after: '市纪督〔{year}〕{seq}号' },
            limits: {
              before: { extra_urgent: 3, urgent: 5, normal: 15, difficult: 30 },
              after: changed.limits,
            },
            warnDays: { before: 3, after: 5 },
          },
        ],
        ['sysadmin', { warnDays: { before: 5, after: 4 } }],
      ],
    );

    // 急件 now defaults to 4 working days from 交办 (2026-03-02, a Monday): due Friday 03-06.
    const item = await assignedItem(c.supervisor!, c.leader!, instruction('按新设置立项'), [
      { departmentId: org.departments.first, role: 'lead' },
    ]);
    assert.equal(item.number, '市纪督〔2026〕1号');
    assert.equal(item.assignments[0]?.deadline, '2026-03-06');
    assert.equal(ok(await c.handler1!.get(`/api/items/${item.id}`)).light, 'yellow', 'within 4 days');
  });
});
