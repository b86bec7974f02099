import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../../../test-support/app.js';
import type { TestClient } from '../../../test-support/client.js';
import { TEST_DB } from '../../../test-support/database.js';
import { PASSWORD, seedOrg, type TestOrg } from '../../../test-support/org.js';
import { notify, type NotifyRequest } from '../index.js';
import { sendTime } from '../preferences.js';

describe(`notify: in-app notifications, deliveries, preferences, channels [${TEST_DB}]`, () => {
  let t: TestApp;
  let org: TestOrg;
  const c: Record<string, TestClient> = {};

  before(async () => {
    t = await startTestApp();
    org = await seedOrg(t);
    for (const login of ['sysadmin', 'handler1', 'head1', 'handler2', 'supervisor']) {
      c[login] = t.client();
      assert.equal((await c[login].login(login, PASSWORD)).statusCode, 200);
    }
  });
  after(() => t.close());

  const send = (request: Partial<NotifyRequest> & Pick<NotifyRequest, 'userIds' | 'dedupeKey'>) =>
    t.deps.db.transaction().execute((trx) =>
      notify(trx, t.ctx(), {
        kind: 'test',
        title: '测试通知',
        body: '请查看。',
        link: '/home',
        ...request,
      }),
    );
  const deliveries = () => t.deps.db.selectFrom('deliveries').selectAll().orderBy('id').execute();
  const jobs = () =>
    t.deps.db.selectFrom('jobs').selectAll().where('name', '=', 'notify.deliver').orderBy('id').execute();

  test('channel settings: system administrator only, secrets never shown, audited without values', async () => {
    const wecom = { channel: 'wecom', departmentId: null, enabled: true, version: 0 };
    assert.equal((await c.supervisor!.get('/api/notify/channels')).statusCode, 403);
    assert.equal(
      (await c.supervisor!.put('/api/notify/channels', { ...wecom, webhookUrl: 'https://x/y' })).statusCode,
      403,
    );
    const missingUrl = await c.sysadmin!.put('/api/notify/channels', wecom);
    assert.equal(missingUrl.statusCode, 400, missingUrl.body);
    const url = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=SECRET-KEY-1';
    let res = await c.sysadmin!.put('/api/notify/channels', { ...wecom, webhookUrl: url });
    assert.equal(res.statusCode, 200, res.body);
    res = await c.sysadmin!.put('/api/notify/channels', {
      channel: 'email',
      enabled: true,
      host: 'smtp.example.gov.cn',
      port: 465,
      secure: true,
      user: 'duban',
      password: 'SMTP-PASSWORD-1',
      from: '落实督办 <duban@example.gov.cn>',
      version: 0,
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.ok(!res.body.includes('SECRET-KEY-1') && !res.body.includes('SMTP-PASSWORD-1'));
    const items = res.json<{
      items: { channel: string; secrets: Record<string, string>; version: number }[];
    }>().items;
    assert.deepEqual(items.find((i) => i.channel === 'email')?.secrets, { password: '已设置' });
    assert.deepEqual(items.find((i) => i.channel === 'wecom')?.secrets, {
      webhookUrl: '已设置',
      signingSecret: '未设置',
    });
    // A stale version is refused; leaving the password out keeps it.
    assert.equal(
      (await c.sysadmin!.put('/api/notify/channels', { ...wecom, webhookUrl: url })).statusCode,
      409,
    );
    const stored = await t.deps.db.selectFrom('channel_settings').select('secret').execute();
    assert.ok(stored.every((s) => !s.secret?.includes('SECRET') && !s.secret?.includes('PASSWORD')));
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('changes')
      .where('action', '=', 'notify.channel.update')
      .execute();
    assert.equal(audit.length, 2);
    assert.ok(audit.every((a) => !a.changes.includes('SECRET') && !a.changes.includes('PASSWORD')));
    assert.match(audit[0]?.changes ?? '', /secretsChanged/);
  });

  test('notify writes once per key and person, and queues one delivery job per channel send', async () => {
    const prefs = await c.handler1!.put('/api/notify/preferences', {
      email: 'handler1@example.gov.cn',
      channels: ['email', 'wecom'],
      quietStart: null,
      quietEnd: null,
      version: 0,
    });
    assert.equal(prefs.statusCode, 200, prefs.body);
    const { handler1, head1, handler2 } = org.users;
    const ids = await send({ userIds: [handler1!, head1!, handler2!, handler1!], dedupeKey: 'test:1' });
    assert.equal(ids.length, 3);
    assert.deepEqual(
      await send({ userIds: [handler1!, head1!], dedupeKey: 'test:1' }),
      [],
      'same key: nothing',
    );
    const rows = await deliveries();
    // One e-mail (handler1 gave an address); one post for the global WeCom robot, however many people.
    assert.deepEqual(
      rows.map((d) => [d.channel, d.target, d.status]),
      [
        ['email', 'handler1@example.gov.cn', 'queued'],
        ['wecom', 'global', 'queued'],
      ],
    );
    const queued = await jobs();
    assert.deepEqual(
      queued.map((j) => JSON.parse(j.payload) as unknown),
      rows.map((d) => ({ deliveryId: d.id })),
    );
  });

  test('quiet hours hold non-urgent sends until they end (Beijing time); urgent ones go at once', async () => {
    assert.equal(
      sendTime(new Date('2026-03-02T15:00:00Z'), '22:00', '07:30').toISOString(),
      '2026-03-02T23:30:00.000Z',
      '23:00 in Beijing waits for 07:30 next morning',
    );
    assert.equal(
      sendTime(new Date('2026-03-02T22:00:00Z'), '22:00', '07:30').toISOString(),
      '2026-03-02T23:30:00.000Z',
      '06:00 in Beijing waits for 07:30 the same morning',
    );
    const noon = new Date('2026-03-02T04:00:00Z');
    assert.equal(sendTime(noon, '22:00', '07:30'), noon);
    assert.equal(sendTime(noon, '12:00', '13:30').toISOString(), '2026-03-02T05:30:00.000Z');
    assert.equal(sendTime(noon, null, null), noon);

    t.clock.set('2026-03-02T15:00:00Z');
    try {
      const { head1 } = org.users;
      await t.deps.db
        .insertInto('notify_preferences')
        .values({
          user_id: head1!,
          email: 'head1@example.gov.cn',
          channels: '["email"]',
          quiet_start: '22:00',
          quiet_end: '07:30',
          updated_at: t.clock.now().toISOString(),
        })
        .execute();
      await send({ userIds: [head1!], dedupeKey: 'test:night' });
      await send({ userIds: [head1!], dedupeKey: 'test:night-urgent', urgent: true });
      const night = (await deliveries()).filter((d) => d.target === 'head1@example.gov.cn');
      assert.deepEqual(
        night.map((d) => d.run_at),
        ['2026-03-02T23:30:00.000Z', '2026-03-02T15:00:00.000Z'],
      );
    } finally {
      t.clock.set('2026-03-02T01:00:00.000Z');
    }
  });

  test('my notifications: unread first, read one or all, someone else’s is 404', async () => {
    const { handler2 } = org.users;
    const [first] = await send({ userIds: [handler2!], dedupeKey: 'test:list-1', title: '第一条' });
    await send({ userIds: [handler2!], dedupeKey: 'test:list-2', title: '第二条' });
    const read = await c.handler2!.post(`/api/notify/${first}/read`);
    assert.equal(read.statusCode, 200, read.body);
    assert.ok(read.json<{ readAt: string | null }>().readAt);
    assert.equal((await c.handler1!.post(`/api/notify/${first}/read`)).statusCode, 404);
    const list = await c.handler2!.get('/api/notify');
    assert.equal(list.statusCode, 200, list.body);
    const body = list.json<{
      total: number;
      unread: number;
      items: { id: number; title: string; readAt: string | null }[];
    }>();
    assert.equal(body.unread, body.total - 1);
    assert.equal(body.items.at(-1)?.id, first, 'the read one comes last');
    assert.ok(body.items.slice(0, -1).every((i) => i.readAt === null));
    const all = await c.handler2!.post('/api/notify/read-all');
    assert.equal(all.json<{ count: number }>().count, body.unread);
    assert.equal((await c.handler2!.get('/api/notify?unreadOnly=true')).json<{ total: number }>().total, 0);
  });

  test('preferences: defaults, validation, optimistic version', async () => {
    const defaults = await c.head1!.get('/api/notify/preferences');
    assert.deepEqual(defaults.json(), {
      email: 'head1@example.gov.cn',
      channels: ['email'],
      quietStart: '22:00',
      quietEnd: '07:30',
      version: 1,
    });
    const mine = await c.handler2!.get('/api/notify/preferences');
    assert.equal(mine.json<{ version: number; quietStart: string }>().version, 0);
    const bad = await c.handler2!.put('/api/notify/preferences', {
      email: null,
      channels: ['wecom'],
      quietStart: '22:00',
      quietEnd: null,
      version: 0,
    });
    assert.equal(bad.statusCode, 400);
    const badTime = await c.handler2!.put('/api/notify/preferences', {
      email: 'not-an-address',
      channels: ['pager'],
      quietStart: '25:00',
      quietEnd: '07:00',
      version: 0,
    });
    assert.equal(badTime.statusCode, 400);
    const saved = await c.handler2!.put('/api/notify/preferences', {
      email: null,
      channels: ['dingtalk'],
      quietStart: '12:00',
      quietEnd: '13:30',
      version: 0,
    });
    assert.equal(saved.statusCode, 200, saved.body);
    assert.equal(saved.json<{ version: number }>().version, 1);
    assert.equal(
      (
        await c.handler2!.put('/api/notify/preferences', {
          email: null,
          channels: [],
          quietStart: null,
          quietEnd: null,
          version: 0,
        })
      ).statusCode,
      409,
    );
  });

  test('deliveries are the system administrator’s to see, without the notification’s text', async () => {
    assert.equal((await c.supervisor!.get('/api/notify/deliveries')).statusCode, 403);
    const res = await c.sysadmin!.get('/api/notify/deliveries?status=queued');
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json<{ total: number; items: { kind: string; status: string }[] }>();
    assert.ok(body.total >= 2);
    assert.ok(body.items.every((d) => d.status === 'queued' && d.kind === 'test'));
    assert.ok(!res.body.includes('测试通知'));
    const retry = await c.sysadmin!.post(`/api/notify/deliveries/${(await deliveries())[0]?.id}/retry`);
    assert.equal(retry.statusCode, 409, 'only a failed delivery can be retried');
  });
});
