import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TestClient } from '../../../../test-support/client.js';
import { TEST_DB } from '../../../../test-support/database.js';
import { postFile, startFilesTestApp, type FilesTestApp } from '../../../../test-support/files.js';
import { PASSWORD } from '../../../../test-support/org.js';
import { SAMPLES } from '../../../../platform/files/tests/samples.js';
import { DEMO_PASSWORD, loadDemo, removeDemo } from '../../../demo/index.js';
import { createUser } from '../../../identity/index.js';
import { draft, ok, type Editor } from '../../materials/tests/fixture.js';

interface Attachment {
  id: number;
  version: number;
}

describe(`library attachments of the demo organisation's people [${TEST_DB}]`, () => {
  let t: FilesTestApp;
  let editor: TestClient;
  let demoEditor: TestClient;

  before(async () => {
    t = await startFilesTestApp(64 * 1024);
    await loadDemo(t.deps.db, t.ctx());
    await t.deps.db.transaction().execute((trx) =>
      createUser(trx, t.ctx(), {
        login: 'editor',
        name: '编辑',
        departmentId: null,
        roles: ['editor'],
        password: PASSWORD,
      }),
    );
    editor = t.client();
    assert.equal((await editor.login('editor', PASSWORD)).statusCode, 200);
    demoEditor = t.client();
    assert.equal((await demoEditor.login('editor1', DEMO_PASSWORD)).statusCode, 200);
  });
  after(() => t.close());

  test('removing the demo takes the files its editor attached to a real material, and keeps deletions without the name', async () => {
    const material = ok<Editor>(await editor.post('/api/library/editor/materials', draft()), 201);
    const url = `/api/library/editor/materials/${material.id}/attachments`;
    const kept = ok<Attachment>(await postFile(editor, url, '正文.pdf', SAMPLES.pdf), 201);
    const deleted = ok<Attachment>(await postFile(editor, url, '旧稿.txt', Buffer.from('旧稿')), 201);
    ok<Attachment>(await postFile(demoEditor, url, '演示附件.txt', Buffer.from('演示')), 201);
    const removal = await demoEditor.delete(
      `/api/library/editor/attachments/${deleted.id}?version=${deleted.version}`,
    );
    assert.equal(removal.statusCode, 204, removal.body);

    await removeDemo(t.deps.db, t.ctx());

    const listed = ok<{ attachments: Attachment[] }>(
      await editor.get(`/api/library/materials/${material.id}/attachments`),
    );
    assert.deepEqual(
      listed.attachments.map((a) => a.id),
      [kept.id],
    );
    const row = await t.deps.db
      .selectFrom('library_attachments')
      .select(['deleted_at', 'deleted_by'])
      .where('id', '=', deleted.id)
      .executeTakeFirstOrThrow();
    assert.ok(row.deleted_at !== null);
    assert.equal(row.deleted_by, null);
  });
});
