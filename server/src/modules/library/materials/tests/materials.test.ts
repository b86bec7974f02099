import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../../../../test-support/app.js';
import type { TestClient } from '../../../../test-support/client.js';
import { TEST_DB } from '../../../../test-support/database.js';
import { PASSWORD } from '../../../../test-support/org.js';
import { loadMaterialRef } from '../index.js';
import { draft, ok, refused, SECRET, seedLibrary, type Editor, type Reader } from './fixture.js';

const BASE = '/api/library/editor/materials';

describe(`library materials: drafts, versions, publishing, teasers [${TEST_DB}]`, () => {
  let t: TestApp;
  const c: Record<string, TestClient> = {};

  before(async () => {
    t = await startTestApp();
    await seedLibrary(t);
    for (const login of ['editor', 'member', 'paid', 'handler1', 'sysadmin']) {
      c[login] = t.client();
      assert.equal((await c[login].login(login, PASSWORD)).statusCode, 200);
    }
  });
  after(() => t.close());

  const create = async (over: Record<string, unknown> = {}) =>
    ok<Editor>(await c.editor!.post(BASE, draft(over)), 201);
  const publish = async (m: Editor) =>
    ok<Editor>(await c.editor!.post(`${BASE}/${m.id}/publish`, { version: m.version }));

  test('only editors draft; blank lines are dropped and headings follow their lines; a retried create creates once', async () => {
    const m = await create();
    assert.equal(m.status, 'draft');
    assert.equal(m.body, `一、基本情况\n${SECRET}，认真开展对照检查。\n二、存在的问题\n学习不够深入。`);
    assert.deepEqual(m.headings, [0, 2]);
    assert.deepEqual(
      m.versions.map((v) => v.revision),
      [1],
    );
    refused(await c.member!.post(BASE, draft()), 403, 'FORBIDDEN');
    refused(await c.handler1!.get(BASE), 403, 'FORBIDDEN');
    refused(await c.member!.get(`${BASE}/${m.id}`), 403, 'FORBIDDEN');
    const key = { 'idempotency-key': 'library-create-1' };
    const first = ok<Editor>(await c.editor!.post(BASE, draft({ title: '一次' }), key), 201);
    const again = ok<Editor>(await c.editor!.post(BASE, draft({ title: '一次' }), key), 201);
    assert.equal(again.id, first.id);
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('object_type', '=', 'library_material')
      .where('object_id', '=', String(first.id))
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['library.material.create'],
    );
  });

  test('bad input names the field: unknown type, empty body, a heading past the end', async () => {
    refused(await c.editor!.post(BASE, draft({ type: '小说' })), 400, 'VALIDATION_FAILED');
    refused(await c.editor!.post(BASE, draft({ title: '  ' })), 400, 'VALIDATION_FAILED');
    const empty = await c.editor!.post(BASE, draft({ body: '\n  \n', headings: [] }));
    refused(empty, 400, 'VALIDATION_FAILED');
    assert.match(empty.json<{ message: string }>().message, /正文/);
    const past = await c.editor!.post(BASE, draft({ headings: [9] }));
    refused(past, 400, 'VALIDATION_FAILED');
    assert.match(past.json<{ message: string }>().message, /标题段落：第 10 段不存在/);
  });

  test('every edit is a new version; the history stays readable; a stale version changes nothing', async () => {
    const m = await create();
    const second = ok<Editor>(
      await c.editor!.put(`${BASE}/${m.id}`, { ...draft({ title: '第二稿' }), version: m.version }),
    );
    const third = ok<Editor>(
      await c.editor!.put(`${BASE}/${m.id}`, { ...draft({ title: '第三稿' }), version: second.version }),
    );
    assert.equal(third.revision, 3);
    assert.equal(third.title, '第三稿');
    assert.deepEqual(
      third.versions.map((v) => [v.revision, v.title, v.editorName]),
      [
        [3, '第三稿', 'editor'],
        [2, '第二稿', 'editor'],
        [1, '在年度组织生活会上的对照检查材料', 'editor'],
      ],
    );
    const v1 = ok<{ title: string; revision: number }>(await c.editor!.get(`${BASE}/${m.id}/versions/1`));
    assert.deepEqual([v1.revision, v1.title], [1, '在年度组织生活会上的对照检查材料']);
    refused(await c.editor!.get(`${BASE}/${m.id}/versions/9`), 404, 'NOT_FOUND');
    refused(
      await c.editor!.put(`${BASE}/${m.id}`, { ...draft({ title: '过时' }), version: second.version }),
      409,
      'CONFLICT_STALE',
    );
    refused(
      await c.editor!.post(`${BASE}/${m.id}/publish`, { version: second.version }),
      409,
      'CONFLICT_STALE',
    );
    const now = ok<Editor>(await c.editor!.get(`${BASE}/${m.id}`));
    assert.deepEqual([now.revision, now.status], [3, 'draft']);
  });

  test('publishing writes the outbox row in the same change; readers see full text only with access', async () => {
    const m = await create({ title: '会员资料' });
    refused(await c.paid!.get(`/api/library/materials/${m.id}`), 404, 'NOT_FOUND');
    assert.equal((await loadMaterialRef(t.deps.db, m.id))?.publishedAt, null);
    const p = await publish(m);
    assert.equal(p.status, 'published');
    const outbox = await t.deps.db
      .selectFrom('library_outbox')
      .selectAll()
      .where('material_id', '=', m.id)
      .execute();
    // The push (library/push) may already have processed it: it runs right after the commit.
    assert.deepEqual(
      outbox.map((o) => [o.version, o.event]),
      [[1, 'published']],
    );
    assert.deepEqual(await loadMaterialRef(t.deps.db, m.id), {
      id: m.id,
      tier: 'member',
      publishedAt: p.publishedAt,
    });

    const full = ok<Reader>(await c.paid!.get(`/api/library/materials/${m.id}`));
    assert.equal(full.locked, false);
    assert.equal(full.paragraphs?.[1], `${SECRET}，认真开展对照检查。`);
    assert.deepEqual(full.keyPoints, ['问题查摆要具体']);

    for (const who of ['member', 'handler1'] as const) {
      const res = await c[who]!.get(`/api/library/materials/${m.id}`);
      const teaser = ok<Reader>(res);
      assert.equal(teaser.locked, true);
      assert.equal(teaser.note, '对照检查材料的写法示范');
      assert.ok(!res.body.includes(SECRET) && !res.body.includes('问题查摆要具体'), res.body);
      assert.equal(teaser.paragraphs, undefined);
    }
    refused(await c.sysadmin!.get(`/api/library/materials/${m.id}`), 403, 'FORBIDDEN');
    refused(await c.editor!.post(`${BASE}/${m.id}/publish`, { version: p.version }), 409, 'INVALID_STATE');
  });

  test('a free material opens for every business user; the list marks what is locked and filters', async () => {
    const free = await publish(
      await create({ title: '免费讲话', type: '讲话', tier: 'free', topics: ['主题教育'] }),
    );
    const read = ok<Reader>(await c.member!.get(`/api/library/materials/${free.id}`));
    assert.equal(read.locked, false);
    const res = await c.member!.get('/api/library/materials?pageSize=100');
    assert.ok(!res.body.includes(SECRET), 'a list never carries body text');
    const list = ok<{ total: number; items: Reader[] }>(res);
    assert.ok(list.items.some((i) => i.id === free.id && !i.locked));
    assert.ok(list.items.some((i) => i.title === '会员资料' && i.locked));
    const topic = ok<{ items: Reader[] }>(
      await c.member!.get(`/api/library/materials?topic=${encodeURIComponent('主题教育')}`),
    );
    assert.deepEqual(
      topic.items.map((i) => i.title),
      ['免费讲话'],
    );
    const byType = ok<{ total: number }>(
      await c.member!.get(`/api/library/materials?type=${encodeURIComponent('讲话')}`),
    );
    assert.equal(byType.total, 1);
    refused(
      await c.member!.get(`/api/library/materials?type=${encodeURIComponent('小说')}`),
      400,
      'VALIDATION_FAILED',
    );
  });

  test('editing a published material shows readers the new text at once', async () => {
    const m = await publish(await create({ title: '再版', tier: 'free' }));
    ok(
      await c.editor!.put(`${BASE}/${m.id}`, {
        ...draft({ tier: 'free', body: '修订后的正文。', headings: [] }),
        version: m.version,
      }),
    );
    const read = ok<Reader>(await c.member!.get(`/api/library/materials/${m.id}`));
    assert.deepEqual(read.paragraphs, ['修订后的正文。']);
  });

  test('scheduling: only a future time; the job publishes when it comes, with its outbox row', async () => {
    const m = await create({ title: '定时资料', tier: 'free' });
    const past = new Date(t.clock.now().getTime() - 60_000).toISOString();
    const early = await c.editor!.post(`${BASE}/${m.id}/schedule`, { version: m.version, publishAt: past });
    refused(early, 400, 'VALIDATION_FAILED');
    assert.match(early.json<{ message: string }>().message, /发布时间/);
    const at = new Date(t.clock.now().getTime() + 600_000).toISOString();
    const s = ok<Editor>(
      await c.editor!.post(`${BASE}/${m.id}/schedule`, { version: m.version, publishAt: at }),
    );
    assert.deepEqual([s.status, s.scheduledAt], ['scheduled', at]);
    const { publishDueMaterials } = await import('../index.js');
    assert.equal(await publishDueMaterials(t.deps.db, t.ctx()), 0);
    refused(await c.member!.get(`/api/library/materials/${m.id}`), 404, 'NOT_FOUND');
    t.clock.advance(600_000);
    assert.equal(await publishDueMaterials(t.deps.db, t.ctx()), 1);
    assert.equal(await publishDueMaterials(t.deps.db, t.ctx()), 0, 'published once');
    const p = ok<Editor>(await c.editor!.get(`${BASE}/${m.id}`));
    assert.deepEqual([p.status, p.publishedAt, p.scheduledAt], ['published', at, null]);
    const rows = await t.deps.db
      .selectFrom('library_outbox')
      .select('id')
      .where('material_id', '=', m.id)
      .execute();
    assert.equal(rows.length, 1);
  });

  test('withdrawing hides the material from readers; publishing again keeps its first date', async () => {
    const m = await publish(await create({ title: '撤回资料', tier: 'free' }));
    const w = ok<Editor>(await c.editor!.post(`${BASE}/${m.id}/withdraw`, { version: m.version }));
    assert.equal(w.status, 'withdrawn');
    refused(await c.member!.get(`/api/library/materials/${m.id}`), 404, 'NOT_FOUND');
    assert.equal((await loadMaterialRef(t.deps.db, m.id))?.publishedAt, null);
    refused(await c.editor!.post(`${BASE}/${m.id}/withdraw`, { version: w.version }), 409, 'INVALID_STATE');
    t.clock.advance(60_000);
    const again = await publish(w);
    assert.equal(again.publishedAt, m.publishedAt);
  });
});
