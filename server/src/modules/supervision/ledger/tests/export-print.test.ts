import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../../../../test-support/app.js';
import type { TestClient } from '../../../../test-support/client.js';
import { TEST_DB } from '../../../../test-support/database.js';
import { PASSWORD, seedOrg, type TestOrg } from '../../../../test-support/org.js';
import type { ItemView } from '../../tests/helpers.js';
import { EXPORT_LIMIT } from '../export.js';
import { XLSX } from '../routes.js';
import { addChief, docxText, goodRow, ledgerFile, readBook, upload } from './ledger-files.js';

describe(`台账导出与打印：只含可见事项，督办单、催办通知单、反馈单 [${TEST_DB}]`, () => {
  let t: TestApp;
  let org: TestOrg;
  const c: Record<string, TestClient> = {};
  /** The imported items by title: A to jd1, B to jd1 + jd2, C to jd2, D a draft. */
  const items: Record<string, ItemView> = {};

  async function loginAll(): Promise<void> {
    for (const login of ['supervisor', 'chief', 'handler1', 'handler2', 'head1']) {
      c[login] = t.client();
      assert.equal((await c[login].login(login, PASSWORD)).statusCode, 200);
    }
  }

  before(async () => {
    t = await startTestApp();
    org = await seedOrg(t);
    await addChief(t, org);
    await loginAll();
    const assigned = await upload(
      c.chief!,
      await ledgerFile([
        goodRow('A 第一室的事项', { 工作日数: 10, 办理要求: '一、摸清底数。\n二、建立台账。' }),
        goodRow('B 两个室的事项', { 协办部门编码: 'jd2', 办理时限: '2026-06-30' }),
        goodRow('C 第二室的事项', { 主办部门编码: 'jd2', 反馈周期: '每月', 办理时限: '2026-03-23' }),
      ]),
      '?assign=1',
    );
    assert.equal(assigned.statusCode, 201, assigned.body);
    const draft = await upload(c.supervisor!, await ledgerFile([goodRow('D 尚未交办的事项')]));
    assert.equal(draft.statusCode, 201, draft.body);
    for (const res of [assigned, draft])
      for (const row of res.json<{ rows: { item: { id: number } }[] }>().rows) {
        const item = (await c.supervisor!.get(`/api/items/${row.item.id}`)).json<
          ItemView & { title: string }
        >();
        items[item.title.slice(0, 1)] = item;
      }
  });
  after(() => t.close());

  const exported = async (client: TestClient, query = '') => {
    const res = await client.get(`/api/ledger/export.xlsx${query}`);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['content-type'], XLSX);
    const sheet = (await readBook(res.rawPayload)).worksheets[0]!;
    const rows = (sheet.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    return { header: rows[0], rows: rows.slice(1) };
  };
  const listed = async (client: TestClient) =>
    (await client.get('/api/items?pageSize=200'))
      .json<{ items: { number: string }[] }>()
      .items.map((i) => i.number);

  test('the export holds exactly what the caller may see, with Chinese columns and lights', async () => {
    const all = await exported(c.supervisor!);
    assert.deepEqual(all.header, [
      '序号',
      '编号',
      '标题',
      '来源类型',
      '紧急程度',
      '状态',
      '红黄绿灯',
      '责任领导',
      '主办部门',
      '协办部门',
      '办理时限',
      '立项时间',
    ]);
    assert.deepEqual(
      all.rows.map((r) => r.slice(1, 11)),
      [
        ['督〔2026〕4号', 'D 尚未交办的事项', '领导批示', '急件', '立项', '未交办', 'leader', '', '', ''],
        [
          '督〔2026〕3号',
          'C 第二室的事项',
          '领导批示',
          '急件',
          '已交办',
          '绿灯',
          'leader',
          '第二监督检查室',
          '',
          '2026-03-23',
        ],
        [
          '督〔2026〕2号',
          'B 两个室的事项',
          '领导批示',
          '急件',
          '已交办',
          '绿灯',
          'leader',
          '第一监督检查室',
          '第二监督检查室',
          '2026-06-30',
        ],
        [
          '督〔2026〕1号',
          'A 第一室的事项',
          '领导批示',
          '急件',
          '已交办',
          '绿灯',
          'leader',
          '第一监督检查室',
          '',
          '2026-03-16',
        ],
      ],
    );
    for (const [who, expected] of [
      ['handler1', ['督〔2026〕2号', '督〔2026〕1号']],
      ['handler2', ['督〔2026〕3号', '督〔2026〕2号']],
    ] as const) {
      const mine = await exported(c[who]!);
      assert.deepEqual(
        mine.rows.map((r) => r[1]),
        expected,
        `${who} sees only the department's items`,
      );
      assert.deepEqual(expected, await listed(c[who]!), 'the same as the item list');
    }
    const filtered = await exported(c.supervisor!, `?status=assigned&departmentId=${org.departments.second}`);
    assert.deepEqual(
      filtered.rows.map((r) => r[1]),
      ['督〔2026〕3号', '督〔2026〕2号'],
    );
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['changes', 'actor_login'])
      .where('action', '=', 'export')
      .where('object_type', '=', 'item')
      .orderBy('seq')
      .execute();
    assert.equal(audit.length, 4, 'each export audited');
    assert.deepEqual(JSON.parse(audit[0]!.changes), { what: 'ledger', filter: {}, rows: 4 });
  });

  test('the 督办单 prints the item; another department gets 404', async () => {
    const a = items.A!;
    const text = await docxText(await c.handler1!.get(`/api/items/${a.id}/print/supervision-slip.docx`));
    for (const expected of [
      '督　办　单',
      '编号：督〔2026〕1号',
      '交办日期：2026年3月2日',
      'A 第一室的事项',
      '领导批示',
      '来源说明：陈志刚同志批示：请办公室牵头督办落实。',
      '一、摸清底数。',
      '二、建立台账。',
      '第一监督检查室',
      '2026年3月16日',
      '签收人',
    ])
      assert.ok(text.includes(expected), `${expected} in\n${text}`);
    const foreign = await c.handler2!.get(`/api/items/${a.id}/print/supervision-slip.docx`);
    assert.equal(foreign.statusCode, 404);
    assert.equal(foreign.json<{ code: string }>().code, 'NOT_FOUND');
    const draft = await docxText(
      await c.supervisor!.get(`/api/items/${items.D!.id}/print/supervision-slip.docx`),
    );
    assert.ok(draft.includes('（交办时确定）'));
  });

  test('the 反馈单 prints the submitted feedback, or lines to fill for a period not reported', async () => {
    const a = items.A!;
    const lead = a.assignments[0]!;
    assert.equal(
      (await c.handler1!.post(`/api/assignments/${lead.id}/acknowledge`, { version: lead.version }))
        .statusCode,
      200,
    );
    const fb = await c.handler1!.post(`/api/assignments/${lead.id}/feedbacks`, {
      content: '已召开专题会议研究部署。',
    });
    assert.equal(fb.statusCode, 201, fb.body);
    const url = `/api/items/${a.id}/print/feedback-form.docx?assignmentId=${lead.id}`;
    const reported = await docxText(await c.head1!.get(`${url}&period=2026-W10`));
    for (const expected of [
      '督办事项办理情况反馈单',
      '2026年第10周',
      '已召开专题会议研究部署。',
      'handler1于2026年3月2日报送',
    ])
      assert.ok(reported.includes(expected), `${expected} in\n${reported}`);
    const blank = await docxText(await c.head1!.get(`${url}&period=2026-W11`));
    assert.ok(blank.includes('2026年第11周') && blank.includes('尚未在系统中报送'));
    assert.ok(!blank.includes('已召开专题会议'));
    const bad = await c.head1!.get(`${url}&period=2025-W01`);
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json<{ message: string }>().message, /^反馈期次：「2025-W01」不是本承办的反馈期/);
    const otherItem = await c.head1!.get(
      `/api/items/${items.B!.id}/print/feedback-form.docx?assignmentId=${lead.id}`,
    );
    assert.equal(otherItem.statusCode, 404, 'the assignment must belong to the item');
  });

  test('the 催办通知单 counts the days overdue and names the reply-by date', async () => {
    t.clock.set('2026-03-20T01:00:00.000Z'); // Friday, four days past A's deadline of 2026-03-16
    await loginAll();
    const a = items.A!;
    const url = `/api/items/${a.id}/print/chase-notice.docx?assignmentId=${a.assignments[0]!.id}`;
    const text = await docxText(await c.supervisor!.get(url));
    for (const expected of [
      '催办通知单',
      '致：第一监督检查室',
      '催办日期：2026年3月20日',
      '已逾期 4 天',
      '已超过办理时限 4 天，至今尚未办结。请高度重视，抓紧办理。',
      '请于2026年3月24日前将办理进展、存在问题及下步措施书面报送督查室。',
      '2026年3月2日报送2026年第10周情况（待部门负责人审核）',
      '2026年3月20日',
    ])
      assert.ok(text.includes(expected), `${expected} in\n${text}`);
    const chosen = await docxText(await c.supervisor!.get(`${url}&replyBy=2026-03-23`));
    assert.ok(chosen.includes('请于2026年3月23日前'));
    const c2 = items.C!;
    const notSigned = await docxText(
      await c.supervisor!.get(
        `/api/items/${c2.id}/print/chase-notice.docx?assignmentId=${c2.assignments[0]!.id}`,
      ),
    );
    assert.ok(
      notSigned.includes('交办后至今尚未签收。') && notSigned.includes('未逾期（距时限 1 个工作日）'),
    );
    assert.equal((await c.supervisor!.get(`/api/items/${a.id}/print/chase-notice.docx`)).statusCode, 400);
    assert.equal((await c.handler2!.get(url)).statusCode, 404);
    const printed = await t.deps.db
      .selectFrom('audit_log')
      .select('changes')
      .where('action', '=', 'export')
      .where('object_id', '=', String(a.id))
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      printed.map((r) => (JSON.parse(r.changes) as { form: string }).form),
      ['督办单', '反馈单', '反馈单', '催办通知单', '催办通知单'],
      'each print audited; refusals print nothing',
    );
  });

  test(`an export above ${EXPORT_LIMIT} items is refused with the reason`, async () => {
    const at = t.clock.now().toISOString();
    const row = (seq: number) => ({
      year: 2025,
      seq,
      number: `督〔2025〕${seq}号`,
      title: `批量事项 ${seq}`,
      requirements: '—',
      source_type: 'annual_task',
      source_ref: '{}',
      urgency: 'normal' as const,
      difficult: 0,
      responsible_leader_id: null,
      parent_id: null,
      status: 'draft' as const,
      deadline: null,
      working_days: null,
      feedback_cycle: 'monthly' as const,
      standing: 0,
      tags: '[]',
      created_by: org.users.supervisor!,
      return_reason: null,
      created_at: at,
      updated_at: at,
      closed_at: null,
    });
    for (let start = 1; start <= EXPORT_LIMIT; start += 1000)
      await t.deps.db
        .insertInto('items')
        .values(Array.from({ length: 1000 }, (_, i) => row(start + i)))
        .execute();
    const res = await c.supervisor!.get('/api/ledger/export.xlsx');
    assert.equal(res.statusCode, 400);
    assert.equal(
      res.json<{ message: string }>().message,
      `导出：符合条件的事项共 ${EXPORT_LIMIT + 4} 条，超过单次导出上限 ${EXPORT_LIMIT} 条，请缩小筛选范围（如按立项时间分段导出）`,
    );
    const narrowed = await exported(c.supervisor!, '?sourceType=instruction');
    assert.equal(narrowed.rows.length, 4);
  });
});
