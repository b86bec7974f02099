import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../../../test-support/app.js';
import type { TestClient } from '../../../test-support/client.js';
import { TEST_DB } from '../../../test-support/database.js';
import { PASSWORD, seedOrg, type TestOrg } from '../../../test-support/org.js';
import { NotifyHub, type StreamEvent } from '../../notify/stream.js';
import { sweepReminders } from '../index.js';
import { assignedItem, assignmentOf, instruction, ok } from './helpers.js';

/** 09:00 in Beijing on `date`. */
const morning = (date: string) => `${date}T01:00:00.000Z`;

async function login(t: TestApp, who: string): Promise<TestClient> {
  const c = t.client();
  assert.equal((await c.login(who, PASSWORD)).statusCode, 200);
  return c;
}

/**
 * One notice per person per sweep: several reminders for one person become one digest (in-app, live,
 * and once per outside channel); a single reminder keeps its own notice with the item.
 */
describe(`reminder digests: one notice per person per sweep [${TEST_DB}]`, () => {
  let t: TestApp;
  let org: TestOrg;

  before(async () => {
    t = await startTestApp();
    org = await seedOrg(t);
    const at = t.clock.now().toISOString();
    const channel = (c: 'email' | 'wecom', departmentId: number) => ({
      channel: c,
      department_id: departmentId,
      enabled: 1,
      config: '{}',
      secret: null,
      updated_at: at,
    });
    await t.deps.db
      .insertInto('channel_settings')
      .values([channel('email', 0), channel('wecom', org.departments.first)])
      .execute();
    await t.deps.db
      .insertInto('notify_preferences')
      .values({
        user_id: org.users.handler1!,
        email: 'handler1@example.gov.cn',
        channels: JSON.stringify(['email', 'wecom']),
        quiet_start: null,
        quiet_end: null,
        updated_at: at,
      })
      .execute();
  });
  after(() => t.close());

  /** Notices of the sweep `day` as `login: title | body | link`, in id order. */
  async function notices(day: string) {
    const rows = await t.deps.db
      .selectFrom('notifications')
      .innerJoin('users', 'users.id', 'notifications.user_id')
      .select(['notifications.id', 'users.login', 'title', 'body', 'link'])
      .where('kind', '=', 'supervision.reminder')
      .where('notifications.created_at', '>=', `${day}T00:00:00.000Z`)
      .orderBy('notifications.id')
      .execute();
    return rows.map((n) => ({ id: n.id, text: `${n.login}: ${n.title} | ${n.body} | ${n.link ?? ''}` }));
  }

  test('three reminders for handler1 make one digest, in-app, live and once per channel; the next day again', async () => {
    const supervisor = await login(t, 'supervisor');
    const leader = await login(t, 'leader');
    const handler1 = await login(t, 'handler1');
    const handler2 = await login(t, 'handler2');
    const assign = async (title: string, departmentId: number, deadline: string, signer: TestClient) => {
      const item = await assignedItem(supervisor, leader, instruction(title, { feedbackCycle: 'once' }), [
        { departmentId, role: 'lead', deadline, feedbackCycle: 'once' },
      ]);
      const a = assignmentOf(item, departmentId);
      ok(await signer.post(`/api/assignments/${a.id}/acknowledge`, { version: a.version }));
      return item;
    };
    const { first, second } = org.departments;
    await assign('关于背街小巷改造的批示', first, '2026-03-10', handler1);
    await assign('关于老旧小区加装电梯的批示', first, '2026-03-11', handler1);
    await assign('关于社区食堂建设的批示', first, '2026-03-13', handler1);
    const alone = await assign('关于公交线路优化的批示', second, '2026-03-12', handler2);

    const hub = new NotifyHub(t.deps, (message, error) => assert.fail(`${message}: ${String(error)}`));
    const live: StreamEvent[] = [];
    const stop = await hub.subscribe(org.users.handler1!, (event) => live.push(event));
    try {
      t.clock.set(morning('2026-03-10'));
      const swept = await sweepReminders(t.deps.db, t.ctx());
      assert.deepEqual([swept.swept, swept.reminders], [true, 4], 'reminder rows stay one per assignment');
      assert.equal((await sweepReminders(t.deps.db, t.ctx())).swept, false, 'the day is done');
      const day1 = await notices('2026-03-10');
      assert.deepEqual(
        day1.map((n) => n.text),
        [
          'handler1: 督办提醒汇总：3 项 | 您今天有 3 项督办提醒：今日到期 1 项，即将到期 2 项。请在我的待办中逐项办理。 | /',
          `handler2: 督办提醒：${alone.number} | 「关于公交线路优化的批示」距办理时限（2026-03-12）还有 2 个工作日，请抓紧办理并按时报告。 | /supervision/items/${alone.id}`,
        ],
      );

      for (let waited = 0; live.length === 0 && waited < 10_000; waited += 50) await sleep(50);
      assert.deepEqual(
        live.map((e) => [e.id, e.title]),
        [[day1[0]!.id, '督办提醒汇总：3 项']],
        'the open stream receives the digest',
      );

      const deliveries = await t.deps.db
        .selectFrom('deliveries')
        .select(['notification_id', 'channel', 'target'])
        .orderBy('id')
        .execute();
      assert.deepEqual(
        deliveries.map((d) => [d.notification_id, d.channel, d.target]),
        [
          [day1[0]!.id, 'email', 'handler1@example.gov.cn'],
          [day1[0]!.id, 'wecom', `department:${first}`],
        ],
        'one e-mail and one robot post for the digest; handler2 has no channel here',
      );
      const jobs = await t.deps.db
        .selectFrom('jobs')
        .select('id')
        .where('name', '=', 'notify.deliver')
        .execute();
      assert.equal(jobs.length, 2);

      // The next day: 03-11 falls due and 03-10 is overdue (handler1, and its head); 03-13 was announced.
      t.clock.set(morning('2026-03-11'));
      assert.equal((await sweepReminders(t.deps.db, t.ctx())).reminders, 3);
      const day2 = (await notices('2026-03-11')).map((n) => n.text.split(' | ').slice(0, 2).join(' | '));
      assert.deepEqual(day2, [
        'handler1: 督办提醒汇总：2 项 | 您今天有 2 项督办提醒：逾期 1 项，今日到期 1 项。请在我的待办中逐项办理。',
        `head1: 逾期督办：${(await t.deps.db.selectFrom('items').select('number').where('title', '=', '关于背街小巷改造的批示').executeTakeFirstOrThrow()).number} | 「关于背街小巷改造的批示」已超过办理时限（2026-03-10），本部门承办，请督促办理。`,
      ]);
    } finally {
      stop();
      await hub.close();
    }
  });
});
