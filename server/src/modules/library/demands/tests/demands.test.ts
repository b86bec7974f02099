import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../../../../test-support/app.js';
import type { TestClient } from '../../../../test-support/client.js';
import { TEST_DB } from '../../../../test-support/database.js';
import { PASSWORD } from '../../../../test-support/org.js';
import { refused } from '../../access/tests/fixture.js';
import { draft, ok, seedLibrary, type Editor } from '../../materials/tests/fixture.js';
import { removeDemandsOf } from '../index.js';

const BASE = '/api/library/demands';

interface Demand {
  id: number;
  title: string;
  status: string;
  votes: number;
  votedByMe: boolean;
  mine: boolean;
  material: { id: number; title: string } | null;
  closeReason: string | null;
  version: number;
}
interface Notice {
  kind: string;
  title: string;
  body: string;
  link: string | null;
}

describe(`library demand board: post, vote, answer, close [${TEST_DB}]`, () => {
  let t: TestApp;
  const c: Record<string, TestClient> = {};
  let published: Editor;
  let draftOnly: Editor;

  before(async () => {
    t = await startTestApp();
    await seedLibrary(t);
    for (const login of ['editor', 'member', 'paid', 'handler1', 'handler2', 'sysadmin']) {
      c[login] = t.client();
      assert.equal((await c[login].login(login, PASSWORD)).statusCode, 200);
    }
    const m = ok<Editor>(await c.editor!.post('/api/library/editor/materials', draft()), 201);
    published = ok<Editor>(
      await c.editor!.post(`/api/library/editor/materials/${m.id}/publish`, { version: m.version }),
    );
    draftOnly = ok<Editor>(
      await c.editor!.post('/api/library/editor/materials', draft({ title: '未发布的稿子' })),
      201,
    );
  });
  after(() => t.close());

  const post = async (who: string, title: string, headers?: Record<string, string>) =>
    ok<Demand>(
      await c[who]!.post(BASE, { title, description: '需要范文', topic: '组织生活会' }, headers),
      201,
    );
  const notices = async (who: string) =>
    ok<{ items: Notice[] }>(await c[who]!.get('/api/notify'))
      .items.filter((n) => n.kind === 'library.demand.answered')
      .map(({ kind, title, body, link }) => ({ kind, title, body, link }));

  test('any business user posts; a retried post creates once; administrators and blank titles are refused', async () => {
    const key = { 'idempotency-key': 'demand-post-1' };
    const first = await post('member', '组织生活会对照检查材料范文', key);
    const again = await post('member', '组织生活会对照检查材料范文', key);
    assert.equal(again.id, first.id);
    assert.equal(first.status, 'open');
    assert.equal(first.mine, true);
    const other = await post('handler1', '主题教育调研报告');
    assert.equal(other.votes, 0);
    const msg = refused(await c.member!.post(BASE, { title: '  ' }), 400, 'VALIDATION_FAILED');
    assert.match(msg, /需求标题/);
    refused(await c.sysadmin!.post(BASE, { title: '管理员的需求' }), 403, 'FORBIDDEN');
    refused(await c.sysadmin!.get(BASE), 403, 'FORBIDDEN');
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('object_type', '=', 'library_demand')
      .where('object_id', '=', String(first.id))
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['library.demand.create'],
    );
  });

  test('one vote per person, withdrawn and given again; the requester does not vote on their own', async () => {
    const d = await post('member', '纪律教育讲话稿');
    const v1 = ok<Demand>(await c.paid!.post(`${BASE}/${d.id}/vote`));
    assert.equal(v1.votes, 1);
    assert.equal(v1.votedByMe, true);
    assert.equal(
      ok<Demand>(await c.paid!.post(`${BASE}/${d.id}/vote`)).votes,
      1,
      'a second vote counts once',
    );
    assert.equal(ok<Demand>(await c.handler2!.post(`${BASE}/${d.id}/vote`)).votes, 2);
    const seenByMember = ok<Demand>(await c.member!.get(`${BASE}/${d.id}`));
    assert.equal(seenByMember.votedByMe, false);
    refused(await c.member!.post(`${BASE}/${d.id}/vote`), 409, 'INVALID_STATE');
    const withdrawn = ok<Demand>(await c.paid!.delete(`${BASE}/${d.id}/vote`));
    assert.equal(withdrawn.votes, 1);
    assert.equal(withdrawn.votedByMe, false);
    assert.equal(ok<Demand>(await c.paid!.delete(`${BASE}/${d.id}/vote`)).votes, 1, 'withdrawing twice');
    assert.equal(ok<Demand>(await c.paid!.post(`${BASE}/${d.id}/vote`)).votes, 2);
    const rows = await t.deps.db
      .selectFrom('library_demand_votes')
      .select('user_id')
      .where('demand_id', '=', d.id)
      .execute();
    assert.equal(rows.length, 2);
    // Two votes of one person at once (a double click) still count once.
    const twice = await post('handler1', '同时投两次的需求');
    await Promise.all([c.paid!.post(`${BASE}/${twice.id}/vote`), c.paid!.post(`${BASE}/${twice.id}/vote`)]);
    assert.equal(ok<Demand>(await c.paid!.get(`${BASE}/${twice.id}`)).votes, 1);
    refused(await c.paid!.post(`${BASE}/999999/vote`), 404, 'NOT_FOUND');
  });

  test('the board sorts by votes or newest and filters by status', async () => {
    const byVotes = ok<{ total: number; items: Demand[] }>(await c.member!.get(`${BASE}?sort=votes`));
    assert.equal(byVotes.items[0]?.title, '纪律教育讲话稿');
    const votes = byVotes.items.map((d) => d.votes);
    assert.deepEqual(
      votes,
      [...votes].sort((a, b) => b - a),
    );
    const newest = ok<{ items: Demand[] }>(await c.member!.get(`${BASE}?sort=newest`));
    const ids = newest.items.map((d) => d.id);
    assert.deepEqual(
      ids,
      [...ids].sort((a, b) => b - a),
    );
    assert.equal(ok<{ total: number }>(await c.member!.get(`${BASE}?status=closed`)).total, 0);
    refused(await c.member!.get(`${BASE}?status=done`), 400, 'VALIDATION_FAILED');
  });

  test('an editor answers with a published material; the requester and the voters are notified with title and link', async () => {
    const d = ok<{ items: Demand[] }>(await c.member!.get(BASE)).items.find(
      (x) => x.title === '纪律教育讲话稿',
    )!;
    const body = { version: d.version, materialId: published.id, note: '请参阅' };
    refused(await c.member!.post(`${BASE}/${d.id}/answer`, body), 403, 'FORBIDDEN');
    const notPublished = refused(
      await c.editor!.post(`${BASE}/${d.id}/answer`, { ...body, materialId: draftOnly.id }),
      400,
      'VALIDATION_FAILED',
    );
    assert.match(notPublished, /回应资料/);
    refused(
      await c.editor!.post(`${BASE}/${d.id}/answer`, { ...body, version: d.version + 5 }),
      409,
      'CONFLICT_STALE',
    );
    const answered = ok<Demand>(await c.editor!.post(`${BASE}/${d.id}/answer`, body));
    assert.equal(answered.status, 'answered');
    assert.deepEqual(answered.material, { id: published.id, title: published.title });
    for (const who of ['member', 'paid', 'handler2']) {
      const mine = await notices(who);
      assert.equal(mine.length, 1, who);
      assert.deepEqual(mine[0], {
        kind: 'library.demand.answered',
        title: '需求「纪律教育讲话稿」已有资料回应',
        body: `《${published.title}》`,
        link: `/library/materials/${published.id}`,
      });
    }
    assert.equal((await notices('handler1')).length, 0, 'no vote, no notice');
    refused(await c.paid!.post(`${BASE}/${d.id}/vote`), 409, 'INVALID_STATE');
    refused(
      await c.editor!.post(`${BASE}/${d.id}/answer`, { ...body, version: answered.version }),
      409,
      'INVALID_STATE',
    );
  });

  test('an editor closes an open demand with a reason; others may not', async () => {
    const d = await post('handler1', '与资料库无关的请求');
    refused(
      await c.handler1!.post(`${BASE}/${d.id}/close`, { version: d.version, reason: '重复' }),
      403,
      'FORBIDDEN',
    );
    const blank = refused(
      await c.editor!.post(`${BASE}/${d.id}/close`, { version: d.version, reason: ' ' }),
      400,
      'VALIDATION_FAILED',
    );
    assert.match(blank, /关闭原因/);
    const closed = ok<Demand>(
      await c.editor!.post(`${BASE}/${d.id}/close`, { version: d.version, reason: '不属于资料库范围' }),
    );
    assert.equal(closed.status, 'closed');
    assert.equal(closed.closeReason, '不属于资料库范围');
    refused(
      await c.editor!.post(`${BASE}/${d.id}/close`, { version: closed.version, reason: '再关' }),
      409,
      'INVALID_STATE',
    );
    const actions = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('object_type', '=', 'library_demand')
      .where('action', 'in', ['library.demand.answer', 'library.demand.close', 'library.demand.vote'])
      .execute();
    assert.deepEqual(
      new Set(actions.map((a) => a.action)),
      new Set(['library.demand.answer', 'library.demand.close', 'library.demand.vote']),
    );
  });

  test('removing people (the demo organisation) takes their demands and votes, and recounts the rest', async () => {
    const d = await post('handler1', '将被移除的人投过票的需求');
    ok(await c.handler2!.post(`${BASE}/${d.id}/vote`));
    ok(await c.paid!.post(`${BASE}/${d.id}/vote`));
    const gone = await post('handler2', '将被移除的人提出的需求');
    const handler2 = (
      await t.deps.db
        .selectFrom('users')
        .select('id')
        .where('login', '=', 'handler2')
        .executeTakeFirstOrThrow()
    ).id;
    await t.deps.db.transaction().execute((trx) => removeDemandsOf(trx, [handler2]));
    assert.equal(ok<Demand>(await c.member!.get(`${BASE}/${d.id}`)).votes, 1);
    refused(await c.member!.get(`${BASE}/${gone.id}`), 404, 'NOT_FOUND');
  });
});
