import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Role } from '../../../../../shared/src/roles.js';
import type { Actor } from '../../../platform/context.js';
import { startTestApp, type TestApp } from '../../../test-support/app.js';
import { TEST_DB } from '../../../test-support/database.js';
import { PASSWORD } from '../../../test-support/org.js';
import { verifyAuditTrail } from '../../audit/index.js';
import { createDepartment, createUser, rolesOf } from '../../identity/index.js';
import {
  acknowledge,
  approveItem,
  assignItem,
  assignmentsOf,
  createItem,
  loadItem,
  submitFeedback,
  submitItem,
} from '../../supervision/index.js';
import { DEMO_PASSWORD, loadDemo, removeDemo } from '../index.js';

interface Detail {
  assignments: { feedbacks: { status: string }[] }[];
  timeline: { kind: string }[];
}

describe(`demo removal keeps real work that demo people touched [${TEST_DB}]`, () => {
  let t: TestApp;
  let itemId: number;
  let subItemId: number;
  const snapshot = async () => ({
    items: await t.deps.db.selectFrom('items').selectAll().orderBy('id').execute(),
    assignments: await t.deps.db.selectFrom('assignments').selectAll().orderBy('id').execute(),
    feedbacks: await t.deps.db.selectFrom('feedbacks').selectAll().orderBy('id').execute(),
    events: await t.deps.db.selectFrom('item_events').selectAll().orderBy('id').execute(),
    watchers: await t.deps.db.selectFrom('item_watchers').selectAll().execute(),
  });
  let before_: Awaited<ReturnType<typeof snapshot>>;

  const actor = async (login: string): Promise<Actor> => {
    const row = await t.deps.db
      .selectFrom('users')
      .select(['id', 'login', 'name', 'department_id'])
      .where('login', '=', login)
      .executeTakeFirstOrThrow();
    const roles = await rolesOf(t.deps.db, row.id);
    return { id: row.id, login: row.login, name: row.name, departmentId: row.department_id, roles };
  };
  const departmentId = async (code: string) =>
    (
      await t.deps.db
        .selectFrom('departments')
        .select('id')
        .where('code', '=', code)
        .executeTakeFirstOrThrow()
    ).id;

  before(async () => {
    t = await startTestApp();
    await loadDemo(t.deps.db, t.ctx());
    await t.deps.db.transaction().execute(async (trx) => {
      const office = await createDepartment(trx, t.ctx(), { name: '督查室', code: 'dcs', parentId: null });
      const people: [string, Role[]][] = [
        ['supervisor', ['supervisor']],
        ['leader', ['leader']],
      ];
      for (const [login, roles] of people)
        await createUser(trx, t.ctx(), {
          login,
          name: login,
          departmentId: office,
          roles,
          password: PASSWORD,
        });
    });
    const supervisor = await actor('supervisor');
    const realLeader = await actor('leader');
    const demoLeader = await actor('leader1');
    const demoResponsible = await actor('leader2');
    const demoHandler = await actor('jd1_staff');
    const jd1 = await departmentId('demo-jd1');
    const demoSupervisor = await actor('duchayuan1');
    await t.deps.db.transaction().execute(async (trx) => {
      itemId = await createItem(trx, t.ctx(supervisor), {
        title: '真实事项：落实全面从严治党主体责任',
        requirements: '按要求落实并按期反馈。',
        sourceType: 'instruction',
        sourceRef: { text: '请督查室跟踪落实。' },
        urgency: 'normal',
        responsibleLeaderId: demoResponsible.id,
        watcherIds: [demoLeader.id],
        feedbackCycle: 'weekly',
      });
      await submitItem(trx, t.ctx(supervisor), itemId, (await loadItem(trx, itemId)).version);
      await approveItem(trx, t.ctx(realLeader), itemId, (await loadItem(trx, itemId)).version);
      await assignItem(trx, t.ctx(supervisor), itemId, (await loadItem(trx, itemId)).version, [
        { departmentId: jd1, role: 'lead', workingDays: 10 },
      ]);
      const [assignment] = await assignmentsOf(trx, [itemId]);
      assert.ok(assignment);
      await acknowledge(trx, t.ctx(demoHandler), assignment.id, assignment.version);
      await submitFeedback(trx, t.ctx(demoHandler), assignment.id, '已召开专题会议部署落实。');
      // A demo supervisor's 任务分解 under the real item is part of the real tree.
      subItemId = await createItem(trx, t.ctx(demoSupervisor), {
        title: '真实事项分解：专题会议部署',
        requirements: '按要求落实。',
        sourceType: 'instruction',
        sourceRef: { text: '任务分解' },
        urgency: 'normal',
        responsibleLeaderId: null,
        parentId: itemId,
        feedbackCycle: 'weekly',
      });
    });
    before_ = await snapshot();
  });
  after(() => t.close());

  test('removal succeeds, keeps the real item whole and disables the demo people it names', async () => {
    const removed = await removeDemo(t.deps.db, t.ctx());
    assert.equal(removed.items, 12, 'the demo items go');
    assert.equal(removed.keptUsers, 4, 'handler, watcher, responsible leader, sub-item author');
    // 第一监督检查室, 委领导, 办公室 (the kept people's departments) and the demo root above them.
    assert.equal(removed.keptDepartments, 4);
    assert.ok(removed.users >= 27);

    const after_ = await snapshot();
    assert.deepEqual(
      after_.items.map((i) => i.id),
      [itemId, subItemId],
    );
    assert.deepEqual(
      after_.items,
      before_.items.filter((i) => i.id === itemId || i.id === subItemId),
    );
    const real = <T extends { item_id: number }>(rows: T[]) =>
      rows.filter((r) => r.item_id === itemId || r.item_id === subItemId);
    assert.deepEqual(after_.assignments, real(before_.assignments));
    assert.deepEqual(after_.events, real(before_.events));
    assert.deepEqual(after_.watchers, real(before_.watchers));
    assert.equal(after_.feedbacks.length, 1);
    assert.equal(after_.feedbacks[0]?.assignment_id, after_.assignments[0]?.id);

    const demo = await t.deps.db
      .selectFrom('users')
      .select(['login', 'status'])
      .where('is_demo', '=', 1)
      .orderBy('login')
      .execute();
    assert.deepEqual(demo, [
      { login: 'duchayuan1', status: 'disabled' },
      { login: 'jd1_staff', status: 'disabled' },
      { login: 'leader1', status: 'disabled' },
      { login: 'leader2', status: 'disabled' },
    ]);
    const roles = await t.deps.db
      .selectFrom('user_roles')
      .innerJoin('users', 'users.id', 'user_roles.user_id')
      .select('role')
      .where('users.is_demo', '=', 1)
      .execute();
    assert.equal(roles.length, 0, 'kept demo people hold no role');
    for (const login of ['jd1_staff', 'leader1']) {
      const res = await t.client().login(login, DEMO_PASSWORD);
      assert.equal(res.statusCode === 200, false, `${login} cannot sign in`);
    }
    assert.notEqual((await t.client().login('bgs_head', DEMO_PASSWORD)).statusCode, 200);
    const jd1 = await t.deps.db
      .selectFrom('departments')
      .select('name')
      .where('code', '=', 'demo-jd1')
      .executeTakeFirstOrThrow();
    assert.equal(jd1.name, '第一监督检查室（演示数据）');
    assert.equal(
      (await t.deps.db.selectFrom('departments').select('id').where('code', '=', 'demo-xcb').execute())
        .length,
      0,
    );

    const c = t.client();
    assert.equal((await c.login('supervisor', PASSWORD)).statusCode, 200);
    const res = await c.get(`/api/items/${itemId}`);
    assert.equal(res.statusCode, 200, res.body);
    const detail = res.json<Detail>();
    assert.equal(detail.assignments[0]?.feedbacks.length, 1);
    assert.ok(detail.timeline.some((e) => e.kind === 'acknowledge'));
  });

  test('a second removal is harmless and the audit trail stays valid', async () => {
    const snap = await snapshot();
    const again = await removeDemo(t.deps.db, t.ctx());
    assert.deepEqual(again, {
      users: 0,
      departments: 0,
      items: 0,
      materials: 0,
      keptUsers: 4,
      keptDepartments: 4,
    });
    assert.deepEqual(await snapshot(), snap);
    const names = await t.deps.db
      .selectFrom('departments')
      .select('name')
      .where('code', 'like', 'demo-%')
      .execute();
    assert.ok(
      names.every((d) => d.name.split('演示数据').length === 2),
      'labelled once',
    );
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('changes')
      .where('action', '=', 'demo.remove')
      .execute();
    assert.equal(audit.length, 2);
    assert.equal((await verifyAuditTrail(t.deps.db, t.deps.keys)).ok, true);
  });
});
