import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../../../test-support/app.js';
import type { TestClient } from '../../../test-support/client.js';
import { TEST_DB } from '../../../test-support/database.js';
import { PASSWORD, seedOrg, type TestOrg } from '../../../test-support/org.js';
import { assignmentOf, instruction, ok, refused } from './helpers.js';
import { assertLightCountsKept } from './light-counts.js';

describe(`supervision flow: 立项 → 审批 → 交办 → 签收 → 反馈 → 延期 → 办结 → 销号 [${TEST_DB}]`, () => {
  let t: TestApp;
  let org: TestOrg;
  const c: Record<string, TestClient> = {};

  /** Sign everyone in again: moving the test clock ends idle sessions. */
  async function loginAll(): Promise<void> {
    for (const login of [
      'supervisor',
      'leader',
      'head1',
      'handler1',
      'head2',
      'handler2',
      'member',
      'sysadmin',
    ]) {
      c[login] = t.client();
      assert.equal((await c[login].login(login, PASSWORD)).statusCode, 200);
    }
  }

  before(async () => {
    t = await startTestApp();
    org = await seedOrg(t);
    await loginAll();
  });
  after(() => t.close());

  test('the whole flow, with every refusal on the way changing nothing', async () => {
    const { first, second } = org.departments;
    const body = instruction('关于加强机关作风建设的批示', {
      responsibleLeaderId: org.users.leader,
      watcherIds: [org.users.leader],
    });

    refused(await c.handler1!.post('/api/items', body), 403, 'FORBIDDEN');
    refused(await c.sysadmin!.post('/api/items', body), 403, 'FORBIDDEN');
    let item = ok(
      await c.supervisor!.post('/api/items', body, { 'idempotency-key': 'item-0001-abcdef' }),
      201,
    );
    assert.equal(item.number, '督〔2026〕1号');
    assert.equal(item.status, 'draft');
    assert.equal(
      ok(await c.supervisor!.post('/api/items', body, { 'idempotency-key': 'item-0001-abcdef' }), 201).id,
      item.id,
      'retried 立项 creates once',
    );

    refused(
      await c.supervisor!.post(`/api/items/${item.id}/approve`, { version: item.version }),
      403,
      'FORBIDDEN',
    );
    refused(
      await c.leader!.post(`/api/items/${item.id}/approve`, { version: item.version }),
      409,
      'INVALID_STATE',
    );
    item = ok(await c.supervisor!.post(`/api/items/${item.id}/submit`, { version: item.version }));
    item = ok(
      await c.leader!.post(`/api/items/${item.id}/return`, {
        version: item.version,
        reason: '请补充办理要求',
      }),
    );
    assert.equal(item.status, 'draft');
    item = ok(await c.supervisor!.post(`/api/items/${item.id}/submit`, { version: item.version }));
    refused(
      await c.leader!.post(`/api/items/${item.id}/approve`, { version: item.version - 1 }),
      409,
      'CONFLICT_STALE',
    );
    item = ok(await c.leader!.post(`/api/items/${item.id}/approve`, { version: item.version }));

    const twoLeads = [
      { departmentId: first, role: 'lead' },
      { departmentId: second, role: 'lead' },
    ];
    refused(
      await c.supervisor!.post(`/api/items/${item.id}/assign`, {
        version: item.version,
        assignments: twoLeads,
      }),
      400,
      'VALIDATION_FAILED',
    );
    const assignments = [
      { departmentId: first, role: 'lead', workingDays: 5 },
      { departmentId: second, role: 'assist', workingDays: 5 },
    ];
    item = ok(
      await c.supervisor!.post(`/api/items/${item.id}/assign`, { version: item.version, assignments }),
    );
    refused(
      await c.supervisor!.post(`/api/items/${item.id}/assign`, { version: item.version, assignments }),
      409,
      'INVALID_STATE',
    );
    let lead = assignmentOf(item, first);
    assert.equal(lead.deadline, '2026-03-09', '5 working days from Monday 2026-03-02');
    assert.equal(lead.status, 'assigned');

    refused(
      await c.member!.post(`/api/assignments/${assignmentOf(item, second).id}/acknowledge`, { version: 1 }),
      403,
      'FORBIDDEN',
    );
    refused(
      await c.handler2!.post(`/api/assignments/${lead.id}/acknowledge`, { version: lead.version }),
      403,
      'FORBIDDEN',
    );
    item = ok(await c.handler1!.post(`/api/assignments/${lead.id}/acknowledge`, { version: lead.version }));
    lead = assignmentOf(item, first);
    assert.deepEqual(
      lead.accountable,
      { id: org.users.handler1, name: 'handler1' },
      '首问负责: the first signer',
    );
    refused(
      await c.head1!.post(`/api/assignments/${lead.id}/acknowledge`, { version: lead.version }),
      409,
      'INVALID_STATE',
    );

    // Weekly feedback for 2026-W10, reviewed by the department head then the office; either may return.
    const submitted = await c.handler1!.post(`/api/assignments/${lead.id}/feedbacks`, {
      content: '已召开专题会议研究部署。',
    });
    assert.equal(submitted.statusCode, 201, submitted.body);
    item = ok(await c.handler1!.get(`/api/items/${item.id}`));
    assert.deepEqual(
      submitted.json(),
      { assignmentId: lead.id, feedback: assignmentOf(item, first).feedbacks[0] },
      'the answer is the feedback as the item lists it',
    );
    refused(
      await c.handler1!.post(`/api/assignments/${lead.id}/feedbacks`, { content: '重复报送' }),
      409,
      'INVALID_STATE',
    );
    let feedback = assignmentOf(item, first).feedbacks[0]!;
    assert.deepEqual([feedback.period, feedback.status, feedback.onTime], ['2026-W10', 'submitted', true]);
    refused(
      await c.handler1!.post(`/api/feedbacks/${feedback.id}/review`, {
        version: feedback.version,
        decision: 'approve',
      }),
      403,
      'FORBIDDEN',
    );
    refused(
      await c.supervisor!.post(`/api/feedbacks/${feedback.id}/review`, {
        version: feedback.version,
        decision: 'approve',
      }),
      403,
      'FORBIDDEN',
    );
    item = ok(
      await c.head1!.post(`/api/feedbacks/${feedback.id}/review`, {
        version: feedback.version,
        decision: 'return',
        reason: '请写明具体措施',
      }),
    );
    feedback = assignmentOf(item, first).feedbacks[0]!;
    assert.equal(feedback.status, 'returned');
    const resubmitted = await c.handler1!.post(`/api/assignments/${lead.id}/feedbacks`, {
      content: '已召开专题会议，制定三项具体措施。',
    });
    assert.equal(resubmitted.statusCode, 201, resubmitted.body);
    feedback = resubmitted.json<{ feedback: typeof feedback }>().feedback;
    assert.deepEqual(
      [feedback.period, feedback.status, feedback.version],
      ['2026-W10', 'submitted', 3],
      'the returned feedback is corrected in place',
    );
    item = ok(
      await c.head1!.post(`/api/feedbacks/${feedback.id}/review`, {
        version: feedback.version,
        decision: 'approve',
      }),
    );
    feedback = assignmentOf(item, first).feedbacks[0]!;
    item = ok(
      await c.supervisor!.post(`/api/feedbacks/${feedback.id}/review`, {
        version: feedback.version,
        decision: 'approve',
      }),
    );
    assert.equal(assignmentOf(item, first).feedbacks[0]!.status, 'approved');

    // 延期: requested before the deadline and approved; the old deadline is kept on the request.
    lead = assignmentOf(item, first);
    refused(
      await c.handler1!.post(`/api/assignments/${lead.id}/extensions`, {
        newDeadline: '2026-03-05',
        reason: '时间紧',
      }),
      400,
      'VALIDATION_FAILED',
    );
    item = ok(
      await c.handler1!.post(`/api/assignments/${lead.id}/extensions`, {
        newDeadline: '2026-03-20',
        reason: '需征求多个部门意见',
      }),
      201,
    );
    refused(
      await c.handler1!.post(`/api/assignments/${lead.id}/extensions`, {
        newDeadline: '2026-03-27',
        reason: '再延',
      }),
      409,
      'INVALID_STATE',
    );
    const request = assignmentOf(item, first).extensions[0]!;
    refused(
      await c.head1!.post(`/api/extensions/${request.id}/decision`, { approve: true }),
      403,
      'FORBIDDEN',
    );
    item = ok(
      await c.supervisor!.post(`/api/extensions/${request.id}/decision`, { approve: true, note: '同意' }),
    );
    lead = assignmentOf(item, first);
    assert.equal(lead.deadline, '2026-03-20');
    assert.deepEqual(
      [lead.extensions[0]!.oldDeadline, lead.extensions[0]!.newDeadline, lead.extensions[0]!.status],
      ['2026-03-09', '2026-03-20', 'approved'],
    );
    refused(
      await c.supervisor!.post(`/api/extensions/${request.id}/decision`, { approve: false }),
      409,
      'INVALID_STATE',
    );

    // 申请办结 → 退回 → 申请办结 → 审核 → 报原批办领导阅 → 销号.
    refused(
      await c.supervisor!.post(`/api/assignments/${lead.id}/sign-off`, { version: lead.version }),
      409,
      'INVALID_STATE',
    );
    item = ok(
      await c.handler1!.post(`/api/assignments/${lead.id}/completion`, {
        version: lead.version,
        evidence: '已印发《作风建设实施方案》。',
      }),
    );
    lead = assignmentOf(item, first);
    refused(
      await c.handler1!.post(`/api/assignments/${lead.id}/completion/approve`, { version: lead.version }),
      403,
      'FORBIDDEN',
    );
    item = ok(
      await c.supervisor!.post(`/api/assignments/${lead.id}/completion/return`, {
        version: lead.version,
        reason: '请附印发文件',
      }),
    );
    lead = assignmentOf(item, first);
    assert.equal(lead.status, 'acknowledged');
    item = ok(
      await c.handler1!.post(`/api/assignments/${lead.id}/completion`, {
        version: lead.version,
        evidence: '已印发《作风建设实施方案》，附文件。',
      }),
    );
    lead = assignmentOf(item, first);
    item = ok(
      await c.supervisor!.post(`/api/assignments/${lead.id}/completion/approve`, { version: lead.version }),
    );
    lead = assignmentOf(item, first);
    refused(
      await c.handler1!.post(`/api/assignments/${lead.id}/leader-read`, { version: lead.version }),
      403,
      'FORBIDDEN',
    );
    item = ok(await c.leader!.post(`/api/assignments/${lead.id}/leader-read`, { version: lead.version }));
    lead = assignmentOf(item, first);
    item = ok(await c.supervisor!.post(`/api/assignments/${lead.id}/sign-off`, { version: lead.version }));
    lead = assignmentOf(item, first);
    assert.deepEqual([lead.status, lead.closedOnTime, lead.light], ['closed', true, 'closed_on_time']);
    assert.equal(item.status, 'assigned', 'the assisting department is still working');

    // The assisting department: signs late and finishes late after its deadline passed.
    let assist = assignmentOf(item, second);
    item = ok(
      await c.handler2!.post(`/api/assignments/${assist.id}/acknowledge`, { version: assist.version }),
    );
    t.clock.set('2026-03-10T02:00:00Z');
    await loginAll();
    assist = assignmentOf(ok(await c.handler2!.get(`/api/items/${item.id}`)), second);
    assert.equal(assist.light, 'red', 'overdue on 2026-03-10');
    refused(
      await c.handler2!.post(`/api/assignments/${assist.id}/extensions`, {
        newDeadline: '2026-03-31',
        reason: '来不及',
      }),
      409,
      'INVALID_STATE',
    );
    for (const [who, url, extra] of [
      ['handler2', 'completion', { evidence: '已配合完成。' }],
      ['supervisor', 'completion/approve', {}],
      ['supervisor', 'leader-read', {}],
      ['supervisor', 'sign-off', {}],
    ] as const) {
      item = ok(
        await c[who]!.post(`/api/assignments/${assist.id}/${url}`, { version: assist.version, ...extra }),
      );
      assist = assignmentOf(item, second);
    }
    assert.deepEqual([assist.closedOnTime, assist.light], [false, 'closed_late']);
    assert.equal(item.status, 'closed');

    // Reopen on a new 批示.
    item = ok(
      await c.supervisor!.post(`/api/items/${item.id}/reopen`, {
        version: item.version,
        instruction: '请继续巩固成果',
        deadline: '2026-04-30',
      }),
    );
    assert.equal(item.status, 'assigned');
    assert.deepEqual(
      item.assignments.map((a) => [a.status, a.deadline]),
      [
        ['acknowledged', '2026-04-30'],
        ['acknowledged', '2026-04-30'],
      ],
    );
    const kinds = item.timeline.map((e) => e.kind);
    for (const kind of [
      'create',
      'submit',
      'return',
      'approve',
      'assign',
      'acknowledge',
      'feedback',
      'feedback_return',
      'extension_request',
      'extension_approve',
      'request_completion',
      'return_completion',
      'approve_completion',
      'leader_read',
      'sign_off',
      'close',
      'reopen',
    ]) {
      assert.ok(kinds.includes(kind), `timeline has ${kind}`);
    }
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'supervision.%')
      .execute();
    assert.ok(audit.length >= kinds.length, 'every step is audited');
  });

  test('a department without an assignment gets 404 on the item and on every action', async () => {
    await loginAll();
    const item = ok(await c.supervisor!.post('/api/items', instruction('仅交办第一监督检查室')), 201);
    const submitted = ok(await c.supervisor!.post(`/api/items/${item.id}/submit`, { version: item.version }));
    const approved = ok(
      await c.leader!.post(`/api/items/${item.id}/approve`, { version: submitted.version }),
    );
    const assigned = ok(
      await c.supervisor!.post(`/api/items/${item.id}/assign`, {
        version: approved.version,
        assignments: [{ departmentId: org.departments.first, role: 'lead' }],
      }),
    );
    const a = assignmentOf(assigned, org.departments.first);
    refused(await c.handler2!.get(`/api/items/${item.id}`), 404, 'NOT_FOUND');
    refused(
      await c.handler2!.post(`/api/assignments/${a.id}/acknowledge`, { version: a.version }),
      404,
      'NOT_FOUND',
    );
    refused(await c.head2!.post(`/api/assignments/${a.id}/feedbacks`, { content: 'x' }), 404, 'NOT_FOUND');
    refused(
      await c.head2!.post(`/api/assignments/${a.id}/extensions`, { newDeadline: '2026-12-31', reason: 'x' }),
      404,
      'NOT_FOUND',
    );
    const list = (await c.handler2!.get('/api/items')).json<{ items: { id: number }[] }>();
    assert.ok(!list.items.some((i) => i.id === item.id), 'not in the other department’s list');
    const mine = (await c.handler1!.get('/api/items')).json<{ items: { id: number }[] }>();
    assert.ok(mine.items.some((i) => i.id === item.id));
  });

  test('the counts kept by triggers match the items and open assignments, and the lists total them', async () => {
    const db = t.database.db;
    const counted = await db
      .selectFrom('department_item_counts')
      .select(['department_id', 'status', 'n'])
      .where('n', '<>', 0)
      .orderBy('department_id')
      .orderBy('status')
      .execute();
    const recounted = await db
      .selectFrom('assignments')
      .innerJoin('items', 'items.id', 'assignments.item_id')
      .select((eb) => ['assignments.department_id', 'items.status', eb.fn.countAll<number>().as('n')])
      .groupBy(['assignments.department_id', 'items.status'])
      .orderBy('assignments.department_id')
      .orderBy('items.status')
      .execute();
    assert.ok(recounted.length > 1);
    assert.deepEqual(
      counted.map((r) => [r.department_id, r.status, Number(r.n)]),
      recounted.map((r) => [r.department_id, r.status, Number(r.n)]),
    );
    const openCounted = await db
      .selectFrom('open_assignment_counts')
      .select(['department_id', 'deadline', 'n'])
      .where('n', '<>', 0)
      .orderBy('department_id')
      .orderBy('deadline')
      .execute();
    const openRecounted = await db
      .selectFrom('assignments')
      .select((eb) => [
        'department_id',
        eb.fn.coalesce('deadline', eb.val('')).as('deadline'),
        eb.fn.countAll<number>().as('n'),
      ])
      .where('closed_at', 'is', null)
      .where('status', '<>', 'suspended')
      .groupBy(['department_id', 'deadline'])
      .orderBy('department_id')
      .orderBy('deadline')
      .execute();
    assert.deepEqual(
      openCounted.map((r) => [r.department_id, r.deadline, Number(r.n)]),
      openRecounted.map((r) => [r.department_id, r.deadline, Number(r.n)]),
    );
    const perDepartment = await db
      .selectFrom('open_department_counts')
      .select(['department_id', 'n', 'dated'])
      .where('n', '<>', 0)
      .orderBy('department_id')
      .execute();
    const departmentIds = [...new Set(openRecounted.map((r) => r.department_id))];
    assert.deepEqual(
      perDepartment.map((r) => [r.department_id, Number(r.n), Number(r.dated)]),
      departmentIds.map((id) => {
        const mine = openRecounted.filter((r) => r.department_id === id);
        const sum = (rows: typeof mine) => rows.reduce((total, r) => total + Number(r.n), 0);
        return [id, sum(mine), sum(mine.filter((r) => r.deadline !== ''))];
      }),
    );
    const beijingDay = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
    const days = new Map<string, [number, number]>();
    const tally = (iso: string | null, i: 0 | 1) => {
      if (iso === null) return;
      const day = days.get(beijingDay(iso)) ?? [0, 0];
      day[i] += 1;
      days.set(beijingDay(iso), day);
    };
    for (const a of await db
      .selectFrom('assignments')
      .select(['assigned_at', 'closed_at', 'status'])
      .execute()) {
      if (a.status !== 'suspended') tally(a.assigned_at, 0);
      tally(a.closed_at, 1);
    }
    const dayCounted = await db
      .selectFrom('assignment_day_counts')
      .select(['day', 'assigned', 'closed'])
      .where((eb) => eb.or([eb('assigned', '<>', 0), eb('closed', '<>', 0)]))
      .orderBy('day')
      .execute();
    assert.deepEqual(
      dayCounted.map((r) => [r.day, Number(r.assigned), Number(r.closed)]),
      [...days.entries()].sort(([x], [y]) => x.localeCompare(y)).map(([day, [m, c]]) => [day, m, c]),
    );
    await assertLightCountsKept(db, 'after the flow');
    for (const [who, department] of [
      ['handler1', org.departments.first],
      ['head2', org.departments.second],
    ] as const) {
      const all = (await c[who]!.get('/api/items?pageSize=200')).json<{ total: number; items: unknown[] }>();
      const mine = recounted.filter((r) => r.department_id === department);
      assert.equal(
        all.total,
        mine.reduce((sum, r) => sum + Number(r.n), 0),
      );
      assert.equal(all.items.length, all.total);
      const open = (await c[who]!.get('/api/items?status=assigned&pageSize=200')).json<{
        total: number;
        items: { id: number; status: string }[];
      }>();
      assert.equal(open.total, Number(mine.find((r) => r.status === 'assigned')?.n ?? 0));
      // The page comes from the item status copied onto assignments (0022): the same items, newest first.
      const expected = await db
        .selectFrom('items')
        .select('id')
        .where('status', '=', 'assigned')
        .where('id', 'in', (eb) =>
          eb.selectFrom('assignments').select('item_id').where('department_id', '=', department),
        )
        .orderBy('id', 'desc')
        .execute();
      assert.deepEqual(
        open.items.map((i) => [i.id, i.status]),
        expected.map((i) => [i.id, 'assigned']),
      );
    }
    const copies = await db
      .selectFrom('assignments')
      .innerJoin('items', 'items.id', 'assignments.item_id')
      .select(['assignments.item_status', 'items.status'])
      .execute();
    assert.ok(copies.every((r) => r.item_status === r.status));
  });
});
