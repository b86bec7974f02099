import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { TestClient } from '../../../../test-support/client.js';
import { TEST_DB } from '../../../../test-support/database.js';
import { postFile, startFilesTestApp, type FilesTestApp } from '../../../../test-support/files.js';
import { PASSWORD, seedOrg, type TestOrg } from '../../../../test-support/org.js';
import { docxSample, SAMPLES } from '../../../../platform/files/tests/samples.js';
import { assignedItem, assignmentOf, instruction, ok, refused, type ItemView } from '../../tests/helpers.js';

interface Attachment {
  id: number;
  kind: string;
  name: string;
  mimeType: string;
  size: number;
  version: number;
  mayDelete: boolean;
  uploadedBy: { id: number; name: string };
}

const MAX = 64 * 1024;

describe(`attachments: upload, list, download, delete, within item visibility [${TEST_DB}]`, () => {
  let t: FilesTestApp;
  let org: TestOrg;
  let item: ItemView;
  const c: Record<string, TestClient> = {};

  before(async () => {
    t = await startFilesTestApp(MAX);
    org = await seedOrg(t);
    for (const login of ['supervisor', 'leader', 'handler1', 'head1', 'handler2', 'head2']) {
      c[login] = t.client();
      assert.equal((await c[login].login(login, PASSWORD)).statusCode, 200);
    }
    item = await assignedItem(c.supervisor!, c.leader!, instruction('关于整治形式主义的批示'), [
      { departmentId: org.departments.first, role: 'lead', workingDays: 10 },
    ]);
  });
  after(() => t.close());

  const upload = (who: TestClient, name: string, bytes: Buffer, query = '', headers = {}) =>
    postFile(who, `/api/items/${item.id}/attachments${query}`, name, bytes, headers);
  const list = async (who: TestClient) => {
    const res = await who.get(`/api/items/${item.id}/attachments`);
    assert.equal(res.statusCode, 200, res.body);
    return res.json<{ attachments: Attachment[]; maxBytes: number; extensions: string[] }>();
  };
  const audit = (action: string) =>
    t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'object_type', 'object_id', 'changes'])
      .where('action', '=', action)
      .execute();

  test('the office uploads a PDF; people who see the item list and download the same bytes', async () => {
    const res = await upload(c.supervisor!, '领导批示原件（扫描）.pdf', SAMPLES.pdf);
    assert.equal(res.statusCode, 201, res.body);
    const created = res.json<Attachment>();
    assert.equal(created.kind, 'attachment');
    assert.equal(created.mimeType, 'application/pdf');
    assert.equal(created.size, SAMPLES.pdf.length);
    assert.equal(created.uploadedBy.id, org.users.supervisor);

    const listed = await list(c.handler1!);
    assert.deepEqual(
      listed.attachments.map((a) => [a.name, a.mayDelete]),
      [['领导批示原件（扫描）.pdf', false]],
    );
    assert.equal(listed.maxBytes, MAX);
    assert.ok(listed.extensions.includes('docx'));

    const download = await c.handler1!.get(`/api/attachments/${created.id}/download`);
    assert.equal(download.statusCode, 200);
    assert.deepEqual(download.rawPayload, SAMPLES.pdf);
    assert.equal(download.headers['content-type'], 'application/pdf');
    assert.equal(download.headers['x-content-type-options'], 'nosniff');
    assert.match(
      String(download.headers['content-disposition']),
      /^attachment; filename="attachment-\d+\.pdf"; filename\*=UTF-8''%E9%A2%86%E5%AF%BC/,
    );

    const detail = ok(await c.supervisor!.get(`/api/items/${item.id}`));
    assert.ok(detail.timeline.some((e) => e.summary === '上传附件「领导批示原件（扫描）.pdf」'));
    assert.equal((await audit('supervision.attachment_add')).length, 1);
    const exports = (await audit('export')).filter((r) => r.object_type === 'attachment');
    assert.deepEqual(
      exports.map((r) => r.object_id),
      [String(created.id)],
      'the download is audited as an export',
    );
  });

  test('a wrong type or an oversize file is refused by code, naming the field, and nothing is stored', async () => {
    const before = await t.filesStored();
    const rows = (await list(c.supervisor!)).attachments.length;
    for (const [name, bytes] of [
      ['报告.pdf', SAMPLES.exe],
      ['页面.html', Buffer.from('<html><script>alert(1)</script></html>')],
      ['截图.pdf', SAMPLES.png],
    ] as const) {
      const res = await upload(c.supervisor!, name, bytes);
      refused(res, 415, 'FILE_TYPE_REFUSED');
      assert.match(res.json<{ message: string }>().message, /^文件：/);
    }
    const big = await upload(c.supervisor!, '大文件.txt', Buffer.alloc(MAX + 1, 0x41));
    refused(big, 413, 'FILE_TOO_LARGE');
    assert.match(big.json<{ message: string }>().message, /^文件：大小超过 0\.1 MB/);
    refused(await upload(c.supervisor!, '..', SAMPLES.pdf), 400, 'VALIDATION_FAILED');
    assert.equal(await t.filesStored(), before);
    assert.equal((await list(c.supervisor!)).attachments.length, rows);
    assert.deepEqual(await readdir(join(t.dataDir, 'files', 'tmp')), []);
  });

  test('a retried upload with one Idempotency-Key stores once and answers the same', async () => {
    const before = await t.filesStored();
    const docx = await docxSample();
    const key = { 'idempotency-key': 'attach-0001-abcdef' };
    const first = await upload(c.head1!, '办理方案.docx', docx, '', key);
    const second = await upload(c.head1!, '办理方案.docx', docx, '', key);
    assert.equal(first.statusCode, 201, first.body);
    assert.deepEqual(second.json(), first.json());
    assert.equal((await list(c.head1!)).attachments.filter((a) => a.name === '办理方案.docx').length, 1);
    assert.equal(await t.filesStored(), before + 1);
    const other = await upload(c.head1!, '另一个.docx', docx, '', key);
    refused(other, 422, 'IDEMPOTENCY_MISMATCH');
  });

  test('another department gets 404 on every verb, and a viewer without duties may not upload', async () => {
    const { attachments } = await list(c.supervisor!);
    const target = attachments[0]!;
    refused(await c.handler2!.get(`/api/items/${item.id}/attachments`), 404, 'NOT_FOUND');
    refused(await upload(c.handler2!, '外部.pdf', SAMPLES.pdf), 404, 'NOT_FOUND');
    refused(await upload(c.handler2!, '..', SAMPLES.pdf), 404, 'NOT_FOUND');
    refused(await c.head2!.get(`/api/attachments/${target.id}/download`), 404, 'NOT_FOUND');
    refused(
      await c.head2!.delete(`/api/attachments/${target.id}?version=${target.version}`),
      404,
      'NOT_FOUND',
    );
    refused(await upload(c.leader!, '领导.pdf', SAMPLES.pdf), 403, 'FORBIDDEN');
    const exports = (await audit('export')).filter((r) => r.object_type === 'attachment');
    assert.equal(exports.length, 1, 'refused downloads export nothing');
  });

  test('the handler attaches 办结佐证 to its assignment and takes back its own file', async () => {
    const a = assignmentOf(item, org.departments.first);
    refused(
      await upload(c.handler1!, '佐证.pdf', SAMPLES.pdf, '?kind=completion_evidence'),
      400,
      'VALIDATION_FAILED',
    );
    const res = await upload(
      c.handler1!,
      '整改台账.txt',
      SAMPLES.text,
      `?kind=completion_evidence&assignmentId=${a.id}`,
    );
    assert.equal(res.statusCode, 201, res.body);
    const evidence = res.json<Attachment>();
    assert.equal(evidence.kind, 'completion_evidence');
    assert.equal(evidence.mimeType, 'text/plain; charset=utf-8');
    assert.equal(evidence.mayDelete, true);
    refused(
      await upload(c.supervisor!, '代传.pdf', SAMPLES.pdf, `?kind=completion_evidence&assignmentId=${a.id}`),
      403,
      'FORBIDDEN',
    );

    refused(
      await c.leader!.delete(`/api/attachments/${evidence.id}?version=${evidence.version}`),
      403,
      'FORBIDDEN',
    );
    refused(
      await c.handler1!.delete(`/api/attachments/${evidence.id}?version=${evidence.version + 1}`),
      409,
      'CONFLICT_STALE',
    );
    const gone = await c.handler1!.delete(`/api/attachments/${evidence.id}?version=${evidence.version}`);
    assert.equal(gone.statusCode, 204, gone.body);
    refused(await c.handler1!.get(`/api/attachments/${evidence.id}/download`), 404, 'NOT_FOUND');
    assert.ok(!(await list(c.handler1!)).attachments.some((x) => x.id === evidence.id));
    const detail = ok(await c.supervisor!.get(`/api/items/${item.id}`));
    assert.ok(detail.timeline.some((e) => e.summary === '删除办结佐证「整改台账.txt」'));
    assert.equal((await audit('supervision.attachment_delete')).length, 1);
  });

  test('a suspended item keeps its files: no more uploads or deletions', async () => {
    const { attachments } = await list(c.supervisor!);
    const current = ok(await c.supervisor!.get(`/api/items/${item.id}`));
    ok(
      await c.supervisor!.post(`/api/items/${item.id}/suspend`, {
        version: current.version,
        reason: '上级决定暂缓',
      }),
    );
    refused(await upload(c.supervisor!, '补充.pdf', SAMPLES.pdf), 409, 'INVALID_STATE');
    const first = attachments[0]!;
    refused(
      await c.supervisor!.delete(`/api/attachments/${first.id}?version=${first.version}`),
      409,
      'INVALID_STATE',
    );
    assert.ok((await list(c.supervisor!)).attachments.every((x) => !x.mayDelete));
  });
});
