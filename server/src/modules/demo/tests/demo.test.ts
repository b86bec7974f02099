import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ADMIN_ROLES, BUSINESS_ROLES } from '../../../../../shared/src/roles.js';
import { startTestApp, type TestApp } from '../../../test-support/app.js';
import { TEST_DB } from '../../../test-support/database.js';
import { verifyAuditTrail } from '../../audit/index.js';
import { sweepReminders } from '../../supervision/index.js';
import { DEMO_PASSWORD, loadDemo, removeDemo } from '../index.js';

interface ListedItem {
  id: number;
  number: string;
  title: string;
  sourceType: string;
  status: string;
  light: string;
  departments: { status: string }[];
}

interface Detail {
  tags: string[];
  assignments: { feedbacks: { status: string }[] }[];
  timeline: { kind: string }[];
}

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

  test('holds a handful of labelled 督办事项 from every source, in the states an office sees', async () => {
    const c = t.client();
    assert.equal((await c.login('bgs_head', DEMO_PASSWORD)).statusCode, 200);
    const res = await c.get('/api/items?pageSize=100');
    assert.equal(res.statusCode, 200, res.body);
    const { items } = res.json<{ items: ListedItem[] }>();
    assert.equal(items.length, 12);
    assert.deepEqual(
      new Set(items.map((i) => i.sourceType)),
      new Set(['standing_committee', 'instruction', 'meeting', 'superior', 'annual_task', 'special']),
    );
    assert.ok(
      items.every((i) => i.number.startsWith('督〔')),
      'numbered by the supervision module',
    );
    const byTitle = (part: string) => {
      const found = items.find((i) => i.title.includes(part));
      assert.ok(found, part);
      return found;
    };
    assert.equal(byTitle('不正之风').light, 'red', 'one overdue');
    assert.equal(byTitle('信访举报积案').light, 'yellow', 'one due soon');
    assert.equal(byTitle('以案促改').status, 'closed');
    assert.equal(byTitle('以案促改').light, 'closed_on_time');
    assert.equal(byTitle('巡视反馈').status, 'pending_approval');
    assert.deepEqual(
      byTitle('深度融合').departments.map((d) => d.status),
      ['assigned'],
      '已交办 not signed',
    );
    const inProgress = byTitle('纠治“四风”');
    assert.deepEqual(
      inProgress.departments.map((d) => d.status),
      ['acknowledged', 'acknowledged'],
    );
    const detail = (await c.get(`/api/items/${inProgress.id}`)).json<Detail>();
    assert.ok(detail.tags.includes('演示数据'), 'labelled as demo data');
    assert.equal(detail.assignments.find((a) => a.feedbacks.length > 0)?.feedbacks[0]?.status, 'approved');
    assert.ok(
      detail.timeline.some((e) => e.kind === 'assign'),
      'a timeline written by the services',
    );
    const audited = await t.deps.db
      .selectFrom('audit_log')
      .select('seq')
      .where('object_type', '=', 'item')
      .execute();
    assert.ok(audited.length >= 12, 'every step audited');
    assert.equal(
      (await verifyAuditTrail(t.deps.db, t.deps.keys)).ok,
      true,
      'the story dates keep the chain valid',
    );
  });

  test('remove takes out the demo items, accounts and departments and is audited', async () => {
    // The reminder sweep notifies demo people about the overdue item; removal must take those too.
    assert.ok((await sweepReminders(t.deps.db, t.ctx())).reminders > 0);
    const removed = await removeDemo(t.deps.db, t.ctx());
    assert.ok(removed.users >= 30);
    assert.equal(removed.items, 12);
    assert.equal(removed.materials, 8);
    for (const table of [
      'items',
      'assignments',
      'feedbacks',
      'item_events',
      'notifications',
      'library_materials',
      'library_material_versions',
      'library_outbox',
    ] as const)
      assert.equal((await t.deps.db.selectFrom(table).select('id').execute()).length, 0, table);
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
