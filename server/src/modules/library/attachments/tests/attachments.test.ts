import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TestClient } from '../../../../test-support/client.js';
import { TEST_DB } from '../../../../test-support/database.js';
import { postFile, startFilesTestApp, type FilesTestApp } from '../../../../test-support/files.js';
import { PASSWORD, type TestOrg } from '../../../../test-support/org.js';
import { SAMPLES } from '../../../../platform/files/tests/samples.js';
import { draft, ok, refused, seedLibrary, type Editor } from '../../materials/tests/fixture.js';

interface Attachment {
  id: number;
  materialId: number;
  name: string;
  mimeType: string;
  size: number;
  version: number;
  locked: boolean;
}

const MAX = 64 * 1024;
const BASE = '/api/library/editor/materials';

describe(`library attachments: upload, list, download through canAccess, delete [${TEST_DB}]`, () => {
  let t: FilesTestApp;
  let org: TestOrg;
  let material: Editor;
  let pdf: Attachment;
  const c: Record<string, TestClient> = {};

  before(async () => {
    t = await startFilesTestApp(MAX);
    org = await seedLibrary(t);
    for (const login of ['editor', 'paid', 'member', 'sysadmin', 'handler1']) {
      c[login] = t.client();
      assert.equal((await c[login].login(login, PASSWORD)).statusCode, 200);
    }
    material = ok<Editor>(await c.editor!.post(BASE, draft()), 201);
  });
  after(() => t.close());

  const upload = (who: TestClient, name: string, bytes: Buffer, id = material.id) =>
    postFile(who, `${BASE}/${id}/attachments`, name, bytes);
  const list = (who: TestClient) => who.get(`/api/library/materials/${material.id}/attachments`);
  const listed = async (who: TestClient) => ok<{ attachments: Attachment[] }>(await list(who)).attachments;
  const download = (who: TestClient, id = pdf.id) => who.get(`/api/library/attachments/${id}/download`);
  const audit = (action: string) =>
    t.deps.db
      .selectFrom('audit_log')
      .select(['object_type', 'object_id', 'changes'])
      .where('action', '=', action)
      .orderBy('seq')
      .execute();

  test('an editor uploads a PDF to a draft; a wrong type or an oversize file is refused naming the field', async () => {
    pdf = ok<Attachment>(await upload(c.editor!, '对照检查材料（打印版）.pdf', SAMPLES.pdf), 201);
    assert.equal(pdf.mimeType, 'application/pdf');
    assert.equal(pdf.size, SAMPLES.pdf.length);
    assert.equal(pdf.locked, false);

    const before = await t.filesStored();
    const exe = await upload(c.editor!, '说明.pdf', SAMPLES.exe);
    refused(exe, 415, 'FILE_TYPE_REFUSED');
    assert.equal(exe.json<{ details: { field: string } }>().details.field, 'file');
    assert.match(exe.json<{ message: string }>().message, /^文件：/);
    const big = await upload(c.editor!, '大文件.txt', Buffer.alloc(MAX + 1, 0x61));
    refused(big, 413, 'FILE_TOO_LARGE');
    assert.equal(big.json<{ details: { field: string } }>().details.field, 'file');
    refused(await upload(c.paid!, '会员上传.pdf', SAMPLES.pdf), 403, 'FORBIDDEN');
    refused(await upload(c.editor!, '无此资料.pdf', SAMPLES.pdf, 999_999), 404, 'NOT_FOUND');
    assert.equal(await t.filesStored(), before, 'a refused upload stores nothing');
    assert.equal((await listed(c.editor!)).length, 1);
    const added = await audit('library.attachment.add');
    assert.deepEqual(
      added.map((a) => [a.object_type, a.object_id]),
      [['library_attachment', String(pdf.id)]],
    );
  });

  test('a draft’s attachments do not exist for readers; the editor downloads them', async () => {
    refused(await list(c.paid!), 404, 'NOT_FOUND');
    refused(await download(c.paid!), 404, 'NOT_FOUND');
    const res = await download(c.editor!);
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.rawPayload, SAMPLES.pdf);
  });

  test('published: a member with access downloads; a free member sees the name and size but is refused', async () => {
    material = ok<Editor>(
      await c.editor!.post(`${BASE}/${material.id}/publish`, { version: material.version }),
    );
    const forPaid = await listed(c.paid!);
    assert.deepEqual(
      forPaid.map((a) => [a.name, a.size, a.locked]),
      [['对照检查材料（打印版）.pdf', SAMPLES.pdf.length, false]],
    );
    const res = await download(c.paid!);
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.rawPayload, SAMPLES.pdf);
    assert.equal(res.headers['content-type'], 'application/pdf');
    assert.match(String(res.headers['content-disposition']), /^attachment; .*filename\*=UTF-8''/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    const exports = await audit('export');
    assert.ok(exports.some((a) => a.object_type === 'library_attachment' && a.object_id === String(pdf.id)));

    assert.deepEqual(
      (await listed(c.member!)).map((a) => [a.name, a.size, a.locked]),
      [['对照检查材料（打印版）.pdf', SAMPLES.pdf.length, true]],
    );
    const denied = await download(c.member!);
    refused(denied, 403, 'MEMBERSHIP_REQUIRED');
    assert.doesNotMatch(denied.body, /%PDF/);
    const denials = await audit('access.deny');
    assert.ok(denials.some((a) => String(a.changes).includes('MEMBERSHIP_REQUIRED')));
  });

  test('a member’s comp grant opens the download; revoking the grant closes it again', async () => {
    const grant = ok<{ id: number }>(
      await c.sysadmin!.post('/api/library/grants', {
        memberId: org.users.member,
        days: 30,
        reason: '试读',
      }),
      201,
    );
    const res = await download(c.member!);
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.rawPayload, SAMPLES.pdf);
    assert.equal((await listed(c.member!))[0]?.locked, false);
    ok(await c.sysadmin!.post(`/api/library/grants/${grant.id}/revoke`, { reason: '误发' }));
    refused(await download(c.member!), 403, 'MEMBERSHIP_REQUIRED');
    assert.equal((await listed(c.member!))[0]?.locked, true);
  });

  test('only an editor deletes, at the current version; the file then leaves every list', async () => {
    const path = `/api/library/editor/attachments/${pdf.id}?version=${pdf.version}`;
    refused(await c.paid!.delete(path), 403, 'FORBIDDEN');
    refused(
      await c.editor!.delete(`/api/library/editor/attachments/${pdf.id}?version=${pdf.version + 1}`),
      409,
      'CONFLICT_STALE',
    );
    assert.equal((await c.editor!.delete(path)).statusCode, 204);
    assert.deepEqual(await listed(c.paid!), []);
    assert.deepEqual(await listed(c.editor!), []);
    refused(await download(c.paid!), 404, 'NOT_FOUND');
    const deleted = await audit('library.attachment.delete');
    assert.deepEqual(
      deleted.map((a) => a.object_id),
      [String(pdf.id)],
    );
  });

  test('anyone signed in downloads a free material’s attachment; administrators do not take part', async () => {
    const free = ok<Editor>(await c.editor!.post(BASE, draft({ tier: 'free', title: '免费范文' })), 201);
    const txt = ok<Attachment>(await upload(c.editor!, '要点摘录.txt', SAMPLES.text, free.id), 201);
    ok(await c.editor!.post(`${BASE}/${free.id}/publish`, { version: free.version }));
    const res = await download(c.handler1!, txt.id);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.body, SAMPLES.text.toString('utf8'));
    refused(await download(c.sysadmin!, txt.id), 403, 'FORBIDDEN');
  });
});
