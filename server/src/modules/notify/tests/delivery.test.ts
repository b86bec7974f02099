import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { HOUR } from '../../../platform/clock.js';
import { startTestApp, type TestApp } from '../../../test-support/app.js';
import type { TestClient } from '../../../test-support/client.js';
import { TEST_DB } from '../../../test-support/database.js';
import { PASSWORD, seedOrg, type TestOrg } from '../../../test-support/org.js';
import { createJobRunner, type JobRunner } from '../../jobs/index.js';
import { notify, notifyJobHandlers } from '../index.js';
import { decodeMail, startRobotPeer, startSmtpPeer } from './peers.js';

const hmac = (key: string, data: string) => createHmac('sha256', key).update(data).digest('base64');

describe(`notify deliveries over SMTP and robot webhooks [${TEST_DB}]`, () => {
  let t: TestApp;
  let org: TestOrg;
  let admin: TestClient;
  let runner: JobRunner;
  let smtp: Awaited<ReturnType<typeof startSmtpPeer>>;
  let robots: Awaited<ReturnType<typeof startRobotPeer>>;
  const message = {
    title: '督办提醒：督〔2026〕1号',
    body: '距办理时限还有 3 个工作日。',
    link: '/supervision/items/1',
  };

  const put = async (setting: Record<string, unknown>) => {
    const res = await admin.put('/api/notify/channels', { version: 0, enabled: true, ...setting });
    assert.equal(res.statusCode, 200, res.body);
  };
  const send = (dedupeKey: string, userIds: number[]) =>
    t.deps.db
      .transaction()
      .execute((trx) => notify(trx, t.ctx(), { ...message, kind: 'reminder', userIds, dedupeKey }));
  const deliveries = (key: string) =>
    t.deps.db.selectFrom('deliveries').selectAll().where('dedupe_key', '=', key).orderBy('id').execute();

  before(async () => {
    t = await startTestApp();
    org = await seedOrg(t);
    smtp = await startSmtpPeer({ user: 'duban', pass: 'smtp-pass' });
    robots = await startRobotPeer();
    robots.answers.set('/feishu/hook', { status: 200, body: { code: 0, msg: 'success' } });
    runner = createJobRunner({
      deps: t.deps,
      handlers: notifyJobHandlers,
      workerId: 'test',
      log: () => undefined,
    });
    admin = t.client();
    await admin.login('sysadmin', PASSWORD);
    const { first, second } = org.departments;
    await put({
      channel: 'email',
      host: '127.0.0.1',
      port: smtp.port,
      secure: false,
      user: 'duban',
      password: 'smtp-pass',
      from: '落实督办 <duban@example.gov.cn>',
    });
    await put({ channel: 'wecom', departmentId: null, webhookUrl: `${robots.base}/wecom?key=k1` });
    await put({
      channel: 'dingtalk',
      departmentId: first,
      webhookUrl: `${robots.base}/dingtalk?access_token=t1`,
      signingSecret: 'SEC-ding-secret',
    });
    await put({
      channel: 'feishu',
      departmentId: second,
      webhookUrl: `${robots.base}/feishu/hook`,
      signingSecret: 'feishu-secret',
    });
    const handler1 = t.client();
    await handler1.login('handler1', PASSWORD);
    const prefs = await handler1.put('/api/notify/preferences', {
      email: 'handler1@example.gov.cn',
      channels: ['email', 'wecom', 'dingtalk', 'feishu'],
      quietStart: null,
      quietEnd: null,
      version: 0,
    });
    assert.equal(prefs.statusCode, 200, prefs.body);
  });
  after(async () => {
    await t.close();
    await smtp.close();
    await robots.close();
  });

  test('each channel receives its documented format, signed where a secret is set', async () => {
    const { handler1, head1, handler2 } = org.users;
    await send('deliver:1', [handler1!, head1!, handler2!]);
    assert.equal(await runner.runDue(), 4);
    const rows = await deliveries('deliver:1');
    assert.deepEqual(
      rows.map((d) => [d.channel, d.target, d.status, d.attempts]),
      [
        ['email', 'handler1@example.gov.cn', 'sent', 1],
        ['wecom', 'global', 'sent', 1],
        ['dingtalk', `department:${org.departments.first}`, 'sent', 1],
        ['feishu', `department:${org.departments.second}`, 'sent', 1],
      ],
    );
    assert.ok(rows.every((d) => d.sent_at === t.clock.now().toISOString()));

    assert.equal(smtp.received.length, 1);
    const mail = smtp.received[0]!;
    assert.equal(mail.from, 'duban@example.gov.cn');
    assert.deepEqual(mail.to, ['handler1@example.gov.cn']);
    assert.deepEqual(decodeMail(mail.raw), {
      subject: message.title,
      text: `${message.body}\n\n查看：${message.link}`,
    });

    const byPath = (path: string) => robots.received.filter((r) => r.path === path);
    assert.equal(robots.received.length, 3, 'one post per robot, not per person');
    const wecom = byPath('/wecom')[0]!;
    assert.equal(wecom.query.get('key'), 'k1');
    assert.deepEqual(wecom.body, {
      msgtype: 'markdown',
      markdown: { content: `**${message.title}**\n${message.body}\n\n查看：${message.link}` },
    });

    const ding = byPath('/dingtalk')[0]!;
    assert.equal(ding.query.get('access_token'), 't1');
    const timestamp = ding.query.get('timestamp')!;
    assert.equal(timestamp, String(t.clock.now().getTime()), 'milliseconds');
    assert.equal(ding.query.get('sign'), hmac('SEC-ding-secret', `${timestamp}\nSEC-ding-secret`));
    assert.deepEqual(ding.body, {
      msgtype: 'markdown',
      markdown: {
        title: message.title,
        text: `### ${message.title}\n\n${message.body}\n\n查看：${message.link}`,
      },
    });

    const feishu = byPath('/feishu/hook')[0]!;
    const seconds = String(Math.floor(t.clock.now().getTime() / 1000));
    assert.deepEqual(feishu.body, {
      timestamp: seconds,
      sign: hmac(`${seconds}\nfeishu-secret`, ''),
      msg_type: 'text',
      content: { text: `${message.title}\n${message.body}\n\n查看：${message.link}` },
    });

    assert.equal(await runner.runDue(), 0, 'nothing is sent twice');
  });

  test('a refused send is retried with backoff, then failed for the administrator, who may retry it', async () => {
    robots.answers.set('/wecom', { status: 200, body: { errcode: 93000, errmsg: 'invalid webhook url' } });
    const before = robots.received.length;
    await t.deps.db
      .insertInto('notify_preferences')
      .values({
        user_id: org.users.head2!,
        email: null,
        channels: '["wecom"]',
        quiet_start: null,
        quiet_end: null,
        updated_at: t.clock.now().toISOString(),
      })
      .execute();
    await send('deliver:2', [org.users.head2!]);
    for (let attempt = 1; attempt <= 5; attempt++) {
      assert.equal(await runner.runDue(), 1, `attempt ${attempt}`);
      const [d] = await deliveries('deliver:2');
      assert.equal(d?.attempts, attempt);
      assert.equal(d?.status, attempt < 5 ? 'queued' : 'failed');
      assert.match(d?.last_error ?? '', /93000 invalid webhook url/);
      assert.equal(await runner.runDue(), 0, 'the retry waits for its backoff');
      t.clock.advance(HOUR);
    }
    assert.equal(robots.received.length - before, 5);
    const job = await t.deps.db
      .selectFrom('jobs')
      .select(['status', 'attempts'])
      .where('name', '=', 'notify.deliver')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    assert.deepEqual(job, { status: 'failed', attempts: 5 });

    admin = t.client(); // the hours waited ended the old session
    await admin.login('sysadmin', PASSWORD);

    const failed = await admin.get('/api/notify/deliveries?status=failed');
    assert.equal(failed.statusCode, 200, failed.body);
    const [shown] = failed.json<{
      items: { id: number; channel: string; lastError: string; attempts: number }[];
    }>().items;
    assert.equal(shown?.channel, 'wecom');
    assert.equal(shown?.attempts, 5);

    robots.answers.delete('/wecom');
    const retry = await admin.post(`/api/notify/deliveries/${shown?.id}/retry`);
    assert.deepEqual(retry.json(), { id: shown?.id, status: 'queued' });
    assert.equal((await admin.post(`/api/notify/deliveries/${shown?.id}/retry`)).statusCode, 409);
    assert.equal(await runner.runDue(), 1);
    const [d] = await deliveries('deliver:2');
    assert.equal(d?.status, 'sent');
    assert.equal(d?.last_error, null);
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('object_id')
      .where('action', '=', 'notify.delivery.retry')
      .execute();
    assert.deepEqual(audit, [{ object_id: String(shown?.id) }]);
  });
});
