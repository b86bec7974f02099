import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../../../test-support/app.js';
import type { TestClient } from '../../../test-support/client.js';
import { TEST_DB } from '../../../test-support/database.js';
import { PASSWORD, seedOrg, type TestOrg } from '../../../test-support/org.js';
import { chaseTodos } from '../index.js';
import { assignedItem, assignmentOf, instruction, ok, refused, type ItemView } from './helpers.js';

interface ChaseView {
  id: number;
  message: string;
  chaser: { id: number; name: string };
  recipients: { id: number; name: string; readAt: string | null }[];
  reply: string | null;
  repliedBy: { id: number; name: string } | null;
  repliedAt: string | null;
}

describe(`催办: chase, read, reply [${TEST_DB}]`, () => {
  let t: TestApp;
  let org: TestOrg;
  let item: ItemView;
  const c: Record<string, TestClient> = {};

  before(async () => {
    t = await startTestApp();
    org = await seedOrg(t);
    for (const login of ['supervisor', 'leader', 'head1', 'handler1', 'handler2', 'head2', 'sysadmin']) {
      c[login] = t.client();
      assert.equal((await c[login].login(login, PASSWORD)).statusCode, 200);
    }
    item = await assignedItem(
      c.supervisor!,
      c.leader!,
      instruction('关于落实中央八项规定精神的批示', { responsibleLeaderId: org.users.leader }),
      [{ departmentId: org.departments.first, role: 'lead', workingDays: 10 }],
    );
  });
  after(() => t.close());

  const notes = (userId: number, kind: string) =>
    t.deps.db
      .selectFrom('notifications')
      .select(['title', 'body', 'link'])
      .where('user_id', '=', userId)
      .where('kind', '=', kind)
      .execute();
  const todos = async (login: string) => {
    const ctx = t.ctx({
      id: org.users[login]!,
      login,
      name: login,
      departmentId: null,
      roles: [],
    });
    return chaseTodos(t.deps.db, ctx);
  };

  test('only a supervisor or a leader chases; an unsigned assignment reaches its handlers and head', async () => {
    const lead = assignmentOf(item, org.departments.first);
    const url = `/api/assignments/${lead.id}/chases`;
    refused(await c.handler1!.post(url, { message: '请加快' }), 403, 'FORBIDDEN');
    refused(await c.head2!.post(url, { message: '请加快' }), 403, 'FORBIDDEN');
    refused(await c.sysadmin!.post(url, { message: '请加快' }), 403, 'FORBIDDEN');
    refused(await c.supervisor!.post(url, { message: '' }), 400, 'VALIDATION_FAILED');
    refused(
      await c.supervisor!.post('/api/assignments/999999/chases', { message: '请加快' }),
      404,
      'NOT_FOUND',
    );

    const res = await c.supervisor!.post(
      url,
      { message: '请尽快签收并报告进展。' },
      { 'idempotency-key': 'chase-0001-abc' },
    );
    assert.equal(res.statusCode, 201, res.body);
    const again = await c.supervisor!.post(
      url,
      { message: '请尽快签收并报告进展。' },
      { 'idempotency-key': 'chase-0001-abc' },
    );
    assert.equal(again.json<ChaseView>().id, res.json<ChaseView>().id, 'a retried chase is made once');
    const chase = res.json<ChaseView>();
    assert.deepEqual(
      chase.recipients.map((r) => [r.name, r.readAt]),
      [
        ['head1', null],
        ['handler1', null],
      ],
    );
    assert.deepEqual(await notes(org.users.handler1!, 'supervision.chase'), [
      {
        title: `催办：${item.number}`,
        body: 'supervisor：请尽快签收并报告进展。',
        link: `/supervision/items/${item.id}`,
      },
    ]);
    assert.equal((await notes(org.users.head1!, 'supervision.chase')).length, 1);
    assert.deepEqual(
      (await todos('handler1')).map((td) => td.title),
      [`待回复催办：${item.number}`],
    );
  });

  test('after signing, the accountable person and the head are chased; reading and the reply are tracked', async () => {
    let lead = assignmentOf(item, org.departments.first);
    item = ok(await c.handler1!.post(`/api/assignments/${lead.id}/acknowledge`, { version: lead.version }));
    lead = assignmentOf(item, org.departments.first);
    const res = await c.leader!.post(`/api/assignments/${lead.id}/chases`, {
      message: '请于周五前报送阶段性进展。',
    });
    assert.equal(res.statusCode, 201, res.body);
    const chase = res.json<ChaseView>();
    assert.deepEqual(
      chase.recipients.map((r) => r.name),
      ['head1', 'handler1'],
    );

    // Another department does not see the chase at all; the chaser is no recipient to mark it read.
    refused(await c.handler2!.get(`/api/chases/${chase.id}`), 404, 'NOT_FOUND');
    refused(await c.handler2!.post(`/api/chases/${chase.id}/read`), 404, 'NOT_FOUND');
    refused(await c.handler2!.post(`/api/chases/${chase.id}/reply`, { reply: '收到' }), 404, 'NOT_FOUND');
    refused(await c.leader!.post(`/api/chases/${chase.id}/read`), 403, 'FORBIDDEN');
    refused(await c.supervisor!.post(`/api/chases/${chase.id}/reply`, { reply: '收到' }), 403, 'FORBIDDEN');

    t.clock.advanceMinutes(5);
    const read = await c.head1!.post(`/api/chases/${chase.id}/read`);
    assert.equal(read.statusCode, 200, read.body);
    const readAt = t.clock.now().toISOString();
    t.clock.advanceMinutes(5);
    await c.head1!.post(`/api/chases/${chase.id}/read`);
    assert.deepEqual(
      read.json<ChaseView>().recipients.map((r) => [r.name, r.readAt]),
      [
        ['head1', readAt],
        ['handler1', null],
      ],
    );
    const shown = (await c.supervisor!.get(`/api/chases/${chase.id}`)).json<ChaseView>();
    assert.equal(shown.recipients[0]?.readAt, readAt, 'the first reading is kept');

    const reply = await c.handler1!.post(`/api/chases/${chase.id}/reply`, {
      reply: '已完成初稿，周五前报送。',
    });
    assert.equal(reply.statusCode, 200, reply.body);
    const answered = reply.json<ChaseView>();
    assert.equal(answered.reply, '已完成初稿，周五前报送。');
    assert.equal(answered.repliedBy?.name, 'handler1');
    assert.ok(
      answered.recipients.every((r) => r.readAt !== null),
      'replying is reading',
    );
    refused(await c.head1!.post(`/api/chases/${chase.id}/reply`, { reply: '再答' }), 409, 'INVALID_STATE');
    assert.deepEqual(await notes(org.users.leader!, 'supervision.chase_reply'), [
      {
        title: `催办回复：${item.number}`,
        body: 'handler1：已完成初稿，周五前报送。',
        link: `/supervision/items/${item.id}`,
      },
    ]);

    const detail = await c.head1!.get(`/api/items/${item.id}`);
    const timeline = ok(detail).timeline.map((e) => e.kind);
    assert.deepEqual(
      timeline.filter((k) => k.startsWith('chase')),
      ['chase', 'chase', 'chase_reply'],
    );
    const list = await c.head1!.get(`/api/assignments/${lead.id}/chases`);
    assert.deepEqual(
      list.json<{ items: ChaseView[] }>().items.map((x) => x.reply),
      ['已完成初稿，周五前报送。', null],
    );
    assert.deepEqual(
      (await todos('handler1')).map((td) => td.id),
      [`chase-${chase.id - 1}`],
      'the answered chase leaves the to-do list',
    );
  });

  test('a closed or suspended assignment is not chased', async () => {
    const suspended = ok(
      await c.supervisor!.post(`/api/items/${item.id}/suspend`, {
        version: item.version,
        reason: '暂缓执行',
      }),
    );
    const lead = assignmentOf(suspended, org.departments.first);
    refused(
      await c.supervisor!.post(`/api/assignments/${lead.id}/chases`, { message: '请加快' }),
      409,
      'INVALID_STATE',
    );
    assert.deepEqual(await todos('handler1'), [], 'chases on suspended work are no longer to-dos');
  });
});
