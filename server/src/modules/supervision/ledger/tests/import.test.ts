import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../../../../test-support/app.js';
import type { TestClient } from '../../../../test-support/client.js';
import { TEST_DB } from '../../../../test-support/database.js';
import { PASSWORD, seedOrg, type TestOrg } from '../../../../test-support/org.js';
import type { ItemView } from '../../tests/helpers.js';
import { DEPARTMENT_SHEET, HELP_SHEET, LEDGER_COLUMNS, LEDGER_SHEET } from '../columns.js';
import { XLSX } from '../routes.js';
import {
  addChief,
  fourItemLedger,
  goodRow,
  ledgerFile,
  readBook,
  upload,
  type ImportBody,
} from './ledger-files.js';

interface ErrorBody {
  code: string;
  message: string;
  details: { errors: { row: number; column: string; message: string }[] };
}

describe(`台账导入：模板、逐行逐列校验、整体导入、试导入 [${TEST_DB}]`, () => {
  let t: TestApp;
  let org: TestOrg;
  const c: Record<string, TestClient> = {};
  const count = async (table: 'items' | 'item_events') =>
    Number(
      (
        await t.deps.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const audits = async (action: string) =>
    (await t.deps.db.selectFrom('audit_log').select('seq').where('action', '=', action).execute()).length;

  before(async () => {
    t = await startTestApp();
    org = await seedOrg(t);
    await addChief(t, org);
    for (const login of ['supervisor', 'chief', 'leader', 'handler1', 'sysadmin']) {
      c[login] = t.client();
      assert.equal((await c[login].login(login, PASSWORD)).statusCode, 200);
    }
  });
  after(() => t.close());

  test('the template has the columns, the drop-downs, the 说明 and the department codes', async () => {
    const res = await c.supervisor!.get('/api/ledger/template.xlsx');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], XLSX);
    const book = await readBook(res.rawPayload);
    assert.deepEqual(
      book.worksheets.map((s) => s.name),
      [LEDGER_SHEET, HELP_SHEET, DEPARTMENT_SHEET],
    );
    const sheet = book.getWorksheet(LEDGER_SHEET)!;
    assert.deepEqual(
      (sheet.getRow(1).values as unknown[]).slice(1),
      LEDGER_COLUMNS.map((col) => col.header),
    );
    const dropDown = (header: string, row: number) => {
      const col = LEDGER_COLUMNS.findIndex((x) => x.header === header) + 1;
      return sheet.getRow(row).getCell(col).dataValidation;
    };
    assert.deepEqual(dropDown('来源类型', 2).formulae, [
      '"常委会决定事项,领导批示,会议议定,上级交办,年度重点任务,专项督查,整改事项"',
    ]);
    assert.equal(dropDown('来源类型', 2000).type, 'list', 'the drop-down covers the rows people fill');
    assert.deepEqual(dropDown('紧急程度', 2).formulae, ['"特急,急件,一般"']);
    assert.deepEqual(dropDown('反馈周期', 2).formulae, ['"每周,每月,每季度,每半年,一次性"']);
    assert.deepEqual(dropDown('长期坚持', 2).formulae, ['"是,否"']);
    assert.equal(dropDown('主办部门编码', 2).type, 'list');
    assert.equal(dropDown('工作日数', 2).type, 'whole');
    assert.equal(dropDown('办理时限', 2).type, 'date');
    const help = book.getWorksheet(HELP_SHEET)!;
    const helpText = help
      .getSheetValues()
      .flat()
      .filter((v) => typeof v === 'string')
      .join(' ');
    for (const col of LEDGER_COLUMNS) assert.ok(helpText.includes(col.header), col.header);
    assert.ok(helpText.includes('2026-06-30'), 'the example row');
    const codes = book.getWorksheet(DEPARTMENT_SHEET)!.getColumn(1).values;
    assert.ok(['office', 'jd1', 'jd2'].every((code) => codes.includes(code)));

    // The template, filled in, is what the importer reads.
    const filled = await ledgerFile([goodRow('按模板填写的事项')], book);
    const dry = await upload(c.supervisor!, filled, '?dryRun=1');
    assert.equal(dry.statusCode, 200, dry.body);
    assert.equal(dry.json<ImportBody>().count, 1);
  });

  test('a file with errors reports each one by row, column and reason, and imports nothing', async () => {
    const file = await ledgerFile([
      goodRow('', { 标题: undefined, 来源类型: '领导指示' }),
      goodRow('部门和领导不存在', { 主办部门编码: 'nope', 责任领导登录名: 'ghost', 办理时限: '2026-02-01' }),
      goodRow('时限重复', {
        办理时限: new Date(Date.UTC(2026, 5, 30)),
        工作日数: 10,
        紧急程度: '很急',
        反馈周期: undefined,
      }),
      goodRow('这一行没有问题'),
      goodRow('长期坚持', {
        长期坚持: '是',
        工作日数: 10,
        协办部门编码: 'jd1、jd2,jd2',
        标签: '甲'.repeat(21),
      }),
      {},
      goodRow('日期无效', { 办理时限: '2026-02-30', 工作日数: '0' }),
    ]);
    const res = await upload(c.supervisor!, file);
    assert.equal(res.statusCode, 400, res.body);
    const body = res.json<ErrorBody>();
    assert.equal(body.code, 'VALIDATION_FAILED');
    assert.equal(body.message, '台账有 15 处错误（涉及 5 行），未导入任何事项，请修改后重新导入');
    assert.deepEqual(body.details.errors, [
      { row: 2, column: '标题', message: '必填，不能为空' },
      {
        row: 2,
        column: '来源类型',
        message:
          '「领导指示」不是可选值，应为 常委会决定事项、领导批示、会议议定、上级交办、年度重点任务、专项督查、整改事项 之一',
      },
      { row: 3, column: '责任领导登录名', message: '登录名「ghost」不存在' },
      { row: 3, column: '主办部门编码', message: '部门编码「nope」不存在' },
      { row: 3, column: '办理时限', message: '2026-02-01 早于今天（2026-03-02）' },
      { row: 4, column: '紧急程度', message: '「很急」不是可选值，应为 特急、急件、一般 之一' },
      { row: 4, column: '反馈周期', message: '必填，不能为空' },
      { row: 4, column: '工作日数', message: '「办理时限」与「工作日数」只能填一项' },
      { row: 6, column: '协办部门编码', message: '部门「jd1」已是主办部门，不能同时协办' },
      { row: 6, column: '协办部门编码', message: '部门「jd2」重复填写' },
      { row: 6, column: '长期坚持', message: '长期坚持的事项不设办理时限，请清空「办理时限」和「工作日数」' },
      { row: 6, column: '标签', message: `「${'甲'.repeat(21)}」超过 20 字` },
      { row: 8, column: '办理时限', message: '「2026-02-30」不是有效日期，应如 2026-06-30' },
      { row: 8, column: '工作日数', message: '「0」应为 1～365 的整数' },
      { row: 8, column: '工作日数', message: '「办理时限」与「工作日数」只能填一项' },
    ]);
    assert.equal(await count('items'), 0, 'nothing imported');
    assert.equal(await audits('supervision.ledger.import'), 0);
  });

  test('files that are not a ledger are refused with a reason', async () => {
    const garbage = await upload(c.supervisor!, Buffer.from('not a workbook'));
    assert.equal(garbage.statusCode, 400);
    assert.match(garbage.json<ErrorBody>().message, /不是有效的 Excel 工作簿/);
    const json = await c.supervisor!.post('/api/ledger/import', { rows: [] });
    assert.equal(json.statusCode, 400);
    assert.match(json.json<ErrorBody>().message, /^文件：请以 Content-Type/);
    const empty = await upload(c.supervisor!, await ledgerFile([]));
    assert.match(empty.json<ErrorBody>().message, /没有填写任何事项/);
  });

  test('a dry run validates and previews but writes nothing', async () => {
    const before = [
      await count('items'),
      await count('item_events'),
      await audits('supervision.ledger.import'),
    ];
    const res = await upload(c.supervisor!, await fourItemLedger(), '?dryRun=1');
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json<ImportBody>();
    assert.equal(body.dryRun, true);
    assert.deepEqual(
      body.rows.map((r) => [r.row, r.item]),
      [
        [2, null],
        [3, null],
        [4, null],
        [5, null],
      ],
    );
    assert.deepEqual(
      [await count('items'), await count('item_events'), await audits('supervision.ledger.import')],
      before,
    );
  });

  test('only the supervision office imports; straight to 交办 needs the right to approve', async () => {
    const file = await fourItemLedger();
    for (const [who, query] of [
      ['handler1', ''],
      ['leader', ''],
      ['sysadmin', ''],
      ['supervisor', '?assign=1'],
    ] as const) {
      const res = await upload(c[who]!, file, query);
      assert.equal(res.statusCode, 403, `${who}${query}: ${res.body}`);
      assert.equal(res.json<ErrorBody>().code, 'FORBIDDEN');
    }
    assert.equal(await count('items'), 0);
  });

  test('the corrected file imports every row in one go, numbered in order, once per Idempotency-Key', async () => {
    const file = await fourItemLedger();
    const key = { 'idempotency-key': 'ledger-import-0001' };
    const res = await upload(c.supervisor!, file, '', key);
    assert.equal(res.statusCode, 201, res.body);
    const body = res.json<ImportBody>();
    assert.equal(body.count, 4);
    assert.deepEqual(
      body.rows.map((r) => [r.row, r.item?.number, r.item?.status]),
      [
        [2, '督〔2026〕1号', 'draft'],
        [3, '督〔2026〕2号', 'draft'],
        [4, '督〔2026〕3号', 'draft'],
        [5, '督〔2026〕4号', 'draft'],
      ],
    );
    const again = await upload(c.supervisor!, file, '', key);
    assert.equal(again.statusCode, 201);
    assert.deepEqual(again.json(), body, 'a retry answers the first response');
    assert.equal((await upload(c.supervisor!, await ledgerFile([goodRow('别的')]), '', key)).statusCode, 422);
    assert.equal(await count('items'), 4);
    assert.equal(await audits('supervision.ledger.import'), 1, 'one summary row for the file');
    assert.equal(await audits('supervision.create'), 4, 'the 立项 row of each item');
    assert.equal(await audits('supervision.import'), 4, 'and its step keeping the ledger departments');

    const items = await Promise.all(
      body.rows.map(async (r) =>
        (await c.supervisor!.get(`/api/items/${r.item!.id}`)).json<
          ItemView & Record<string, unknown> & { responsibleLeader: { id: number } | null }
        >(),
      ),
    );
    const [first, second, third, fourth] = items;
    assert.deepEqual(
      [first!.title, first!.sourceType, first!.urgency, first!.deadline, first!.feedbackCycle, first!.tags],
      [
        '关于加强机关作风建设的批示',
        'instruction',
        'urgent',
        '2026-06-30',
        'weekly',
        ['作风建设', '重点工作'],
      ],
    );
    assert.equal(first!.responsibleLeader?.id, org.users.leader);
    assert.deepEqual(first!.sourceRef, { note: '陈志刚同志批示：请办公室牵头督办落实。' });
    assert.deepEqual(
      [
        second!.sourceType,
        second!.urgency,
        second!.responsibleLeader,
        second!.deadline,
        second!.feedbackCycle,
      ],
      ['meeting', 'normal', null, null, 'monthly'],
    );
    assert.deepEqual(
      second!.timeline.map((e) => e.summary),
      [
        '立项：关于推进清廉机关建设的会议议定',
        '由台账第 3 行导入，拟交办：第一监督检查室（主办）、第二监督检查室（协办）',
      ],
    );
    assert.deepEqual([third!.standing, third!.deadline, third!.feedbackCycle], [true, null, 'quarterly']);
    assert.match(
      third!.timeline[1]!.summary,
      /拟交办：第二监督检查室（主办）、第一监督检查室（协办）、办公室（协办）$/,
    );
    assert.deepEqual(
      [fourth!.urgency, fourth!.deadline, fourth!.feedbackCycle],
      ['extra_urgent', '2026-04-15', 'once'],
    );
  });

  test('with assign=1 the head of the office imports straight through 审批 to 交办', async () => {
    const file = await ledgerFile([
      goodRow('限时办结的批示', { 工作日数: 10, 协办部门编码: 'jd2' }),
      goodRow('定期办结的批示', { 办理时限: '2026-06-30' }),
    ]);
    const res = await upload(c.chief!, file, '?assign=1');
    assert.equal(res.statusCode, 201, res.body);
    const body = res.json<ImportBody>();
    assert.deepEqual(
      body.rows.map((r) => [r.item?.number, r.item?.status]),
      [
        ['督〔2026〕5号', 'assigned'],
        ['督〔2026〕6号', 'assigned'],
      ],
    );
    const [timed, dated] = await Promise.all(
      body.rows.map(async (r) => (await c.chief!.get(`/api/items/${r.item!.id}`)).json<ItemView>()),
    );
    assert.deepEqual(
      timed!.assignments.map((a) => [a.departmentId, a.deadline, a.status]),
      [
        [org.departments.first, '2026-03-16', 'assigned'],
        [org.departments.second, '2026-03-16', 'assigned'],
      ],
      '10 working days from Monday 2026-03-02',
    );
    assert.deepEqual(
      dated!.assignments.map((a) => [a.departmentId, a.deadline]),
      [[org.departments.first, '2026-06-30']],
    );
    assert.deepEqual(
      timed!.timeline.map((e) => e.kind),
      ['create', 'submit', 'approve', 'assign'],
    );
  });
});
