import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { startTestApp, type TestApp } from '../../../../test-support/app.js';
import type { TestClient } from '../../../../test-support/client.js';
import { TEST_DB } from '../../../../test-support/database.js';
import { PASSWORD } from '../../../../test-support/org.js';
import { buildCircularFixture } from './fixture.js';
import { zipEntry } from './zip.js';

describe(`circular exports: GB/T 9704 .docx and .xlsx [${TEST_DB}]`, () => {
  let t: TestApp;
  let id: number;
  const c: Record<string, TestClient> = {};

  before(async () => {
    t = await startTestApp();
    const fx = await buildCircularFixture(t);
    for (const login of ['supervisor', 'head1', 'handler2']) {
      c[login] = t.client();
      assert.equal((await c[login].login(login, PASSWORD)).statusCode, 200);
    }
    const created = await c.supervisor!.post('/api/circulars', {
      kind: 'month',
      departmentIds: [fx.org.departments.first, fx.org.departments.second, fx.org.third],
    });
    const draft = created.json<{ id: number; version: number }>();
    id = draft.id;
    const edited = await c.supervisor!.patch(`/api/circulars/${id}`, {
      version: draft.version,
      organName: '中共临江市纪委监委办公室',
      docNumber: '临纪办督〔2026〕3号',
      issuer: '中共临江市纪委监委办公室',
      issuedOn: '2026-04-03',
      printedBy: '临江市纪委监委办公室',
      printedOn: '2026-04-03',
    });
    assert.equal(edited.statusCode, 200, edited.body);
  });
  after(() => t.close());

  test('.docx: a Word document with the title, the fonts of GB/T 9704, the page set-up and the figures', async () => {
    const res = await c.supervisor!.get(`/api/circulars/${id}/export.docx`);
    assert.equal(res.statusCode, 200, res.body);
    assert.match(String(res.headers['content-type']), /wordprocessingml\.document/);
    assert.match(String(res.headers['content-disposition']), /filename\*=UTF-8''%E5%85%B3%E4%BA%8E/);
    const file = res.rawPayload;
    assert.equal(file.subarray(0, 4).toString('hex'), '504b0304', 'a zip file');
    const xml = zipEntry(file, 'word/document.xml');
    assert.ok(xml, 'word/document.xml');
    for (const text of [
      '关于2026年3月督办事项办理情况的通报',
      '中共临江市纪委监委办公室',
      '临纪办督〔2026〕3号',
      '一、本期总体情况',
      '（一）办理情况',
      '按期办结率为42.9%',
      '第一监督检查室',
      '66.7%',
      'handler2',
      '2026年4月3日',
      '印发',
    ])
      assert.ok(xml.includes(text), `contains ${text}`);
    for (const font of ['方正小标宋简体', '仿宋', '黑体', '楷体'])
      assert.ok(xml.includes(`w:eastAsia="${font}"`), `East Asian font ${font}`);
    assert.ok(/w:color w:val="FF0000"/.test(xml), 'red 版头');
    assert.ok(/w:pgSz w:w="11906" w:h="16838"/.test(xml), 'A4');
    assert.ok(
      /w:pgMar w:top="2097" w:right="1474" w:bottom="1984" w:left="1587"/.test(xml),
      'margins 37/26/35/28 mm',
    );
    assert.ok(/<w:sz w:val="44"\/>/.test(xml), '2号 title');
    assert.ok(/<w:sz w:val="32"\/>/.test(xml), '3号 text');
    assert.ok(zipEntry(file, 'word/footer1.xml')?.includes('—'), 'page numbers — 1 —');

    refused(await c.handler2!.get(`/api/circulars/${id}/export.docx`), 404);
  });

  test('.xlsx: a sheet per section with bold Chinese headers and the numbers as numbers', async () => {
    const res = await c.supervisor!.get(`/api/circulars/${id}/export.xlsx`);
    assert.equal(res.statusCode, 200, res.body);
    const book = new ExcelJS.Workbook();
    // exceljs declares its own Buffer type; it reads a Node Buffer as it is.
    await book.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    assert.deepEqual(
      book.worksheets.map((s) => s.name),
      ['总体情况', '各部门情况', '与上期比较', '逾期未办结事项'],
    );
    const rows = (name: string) =>
      (book.getWorksheet(name)?.getSheetValues() ?? []).filter(Boolean).map((r) => (r as unknown[]).slice(1));
    const departments = book.getWorksheet('各部门情况');
    assert.equal(departments?.getRow(1).font?.bold, true);
    assert.ok((departments?.getColumn(2).width ?? 0) >= 20);
    assert.deepEqual(rows('各部门情况'), [
      ['排名', '部门', '交办', '按期办结', '逾期办结', '逾期未办结', '在办', '按期办结率(%)'],
      [1, '第一监督检查室', 2, 2, 1, 0, 0, 66.7],
      [2, '第三监督检查室', 3, 1, 1, 1, 1, 33.3],
      [3, '第二监督检查室', 2, 0, 0, 1, 1, 0],
    ]);
    assert.deepEqual(rows('总体情况')[1]?.slice(3), [7, 3, 2, 2, 2, 42.9]);
    assert.deepEqual(rows('总体情况')[3]?.slice(3), [3, 2, 1, 1, 1, 9.6]);
    assert.deepEqual(
      rows('与上期比较')
        .slice(1)
        .map((r) => r.slice(0, 6)),
      [
        ['第一监督检查室', 1, 1, 66.7, 100, -33.3],
        ['第三监督检查室', 2, 3, 33.3, 0, 33.3],
        ['第二监督检查室', 3, 2, 0, 0, 0],
      ],
    );
    assert.deepEqual(
      rows('逾期未办结事项')
        .slice(1)
        .map((r) => [r[3], r[4], r[5], r[6]]),
      [
        ['第二监督检查室', 'handler2', '2026-03-13', 18],
        ['第三监督检查室', 'handler3', '2026-03-20', 11],
      ],
    );
  });

  test('exports are read like the circular: the department in scope may, and each export is audited', async () => {
    const res = await c.head1!.get(`/api/circulars/${id}/export.xlsx`);
    assert.equal(res.statusCode, 404, 'a draft is not yet readable by departments');
    const draft = (await c.supervisor!.get(`/api/circulars/${id}`)).json<{ version: number }>();
    assert.equal((await c.supervisor!.post(`/api/circulars/${id}/publish`, draft)).statusCode, 200);
    assert.equal((await c.head1!.get(`/api/circulars/${id}/export.xlsx`)).statusCode, 200);
    const exports = await t.deps.db
      .selectFrom('audit_log')
      .select(['actor_login', 'changes'])
      .where('action', '=', 'export')
      .where('object_type', '=', 'circular')
      .where('object_id', '=', String(id))
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      exports.map((e) => [e.actor_login, (JSON.parse(e.changes) as { format: string }).format]),
      [
        ['supervisor', 'docx'],
        ['supervisor', 'xlsx'],
        ['head1', 'xlsx'],
      ],
    );
  });
});

function refused(res: { statusCode: number; body: string }, status: number): void {
  assert.equal(res.statusCode, status, res.body);
}
