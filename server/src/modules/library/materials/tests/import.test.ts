import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { startTestApp, type TestApp } from '../../../../test-support/app.js';
import type { TestClient } from '../../../../test-support/client.js';
import { TEST_DB } from '../../../../test-support/database.js';
import { PASSWORD } from '../../../../test-support/org.js';
import { ok, refused, seedLibrary } from './fixture.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe(`library materials: .docx import keeps headings [${TEST_DB}]`, () => {
  let t: TestApp;
  const c: Record<string, TestClient> = {};

  before(async () => {
    t = await startTestApp();
    await seedLibrary(t);
    for (const login of ['editor', 'member']) {
      c[login] = t.client();
      assert.equal((await c[login].login(login, PASSWORD)).statusCode, 200);
    }
  });
  after(() => t.close());

  const upload = (who: string, body: Buffer) =>
    c[who]!.request('POST', '/api/library/editor/import', body, { 'content-type': DOCX });

  test('the first heading is the title; later headings are their own lines, listed by index', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: '关于加强作风建设的实施意见', heading: HeadingLevel.HEADING_1 }),
            new Paragraph('为深入推进作风建设，制定本意见。'),
            new Paragraph({ text: '一、总体要求', heading: HeadingLevel.HEADING_2 }),
            new Paragraph('坚持问题导向 & 目标导向。'),
            new Paragraph(''),
            new Paragraph({ text: '二、主要任务', heading: HeadingLevel.HEADING_2 }),
            new Paragraph('整治形式主义。'),
          ],
        },
      ],
    });
    const imported = ok<{ title: string | null; body: string; headings: number[] }>(
      await upload('editor', await Packer.toBuffer(doc)),
    );
    assert.equal(imported.title, '关于加强作风建设的实施意见');
    assert.deepEqual(imported.body.split('\n'), [
      '为深入推进作风建设，制定本意见。',
      '一、总体要求',
      '坚持问题导向 & 目标导向。',
      '二、主要任务',
      '整治形式主义。',
    ]);
    assert.deepEqual(imported.headings, [1, 3]);
  });

  test('anything but a Word document is refused; members may not import', async () => {
    refused(await upload('editor', Buffer.from('不是文档')), 415, 'FILE_TYPE_REFUSED');
    refused(await upload('member', Buffer.from('PK')), 403, 'FORBIDDEN');
  });
});
