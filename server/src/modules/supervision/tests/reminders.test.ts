import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { HOUR } from '../../../platform/clock.js';
import { startTestApp, type TestApp } from '../../../test-support/app.js';
import type { TestClient } from '../../../test-support/client.js';
import { TEST_DB } from '../../../test-support/database.js';
import { openPeerDatabase } from '../../../test-support/jobs.js';
import { PASSWORD, seedOrg, type TestOrg } from '../../../test-support/org.js';
import { loadCalendar } from '../../calendar/index.js';
import { createJobRunner } from '../../jobs/index.js';
import { reminderRules } from '../due-windows.js';
import { supervisionReminderJob, sweepReminders } from '../index.js';
import { assignedItem, assignmentOf, instruction, ok } from './helpers.js';

/** 09:00 in Beijing on `date`. */
const morning = (date: string) => `${date}T01:00:00.000Z`;

function dates(from: string, to: string): string[] {
  const out: string[] = [];
  for (
    let d = from;
    d <= to;
    d = new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
  )
    out.push(d);
  return out;
}

async function login(t: TestApp, who: string): Promise<TestClient> {
  const c = t.client();
  assert.equal((await c.login(who, PASSWORD)).statusCode, 200);
  return c;
}

/** Two items: A with a deadline (one-off report) for the first room, B reporting weekly for the second. */
async function seedItems(t: TestApp, org: TestOrg) {
  const supervisor = await login(t, 'supervisor');
  const leader = await login(t, 'leader');
  const people = { responsibleLeaderId: org.users.leader, watcherIds: [org.users.leader] };
  const a = await assignedItem(supervisor, leader, instruction('关于整治形式主义的批示', people), [
    { departmentId: org.departments.first, role: 'lead', deadline: '2026-03-13', feedbackCycle: 'once' },
  ]);
  const b = await assignedItem(supervisor, leader, instruction('关于开展作风建设年活动的批示', people), [
    { departmentId: org.departments.second, role: 'lead', deadline: '2026-06-30', feedbackCycle: 'weekly' },
  ]);
  const handler1 = await login(t, 'handler1');
  const handler2 = await login(t, 'handler2');
  const first = assignmentOf(a, org.departments.first);
  const second = assignmentOf(b, org.departments.second);
  ok(await handler1.post(`/api/assignments/${first.id}/acknowledge`, { version: first.version }));
  ok(await handler2.post(`/api/assignments/${second.id}/acknowledge`, { version: second.version }));
  return { a, b, second };
}

describe(`supervision reminders over three weeks [${TEST_DB}]`, () => {
  let t: TestApp;
  let org: TestOrg;
  const log: string[] = [];

  before(async () => {
    t = await startTestApp();
    org = await seedOrg(t);
  });
  after(() => t.close());

  const who = (id: number) => Object.entries(org.users).find(([, v]) => v === id)?.[0] ?? String(id);

  test('each reminder once, in the order before → due day → overdue → department head → leader; digests weekly', async () => {
    const { a, b, second } = await seedItems(t, org);
    const runner = createJobRunner({
      deps: t.deps,
      handlers: { [supervisionReminderJob.name]: supervisionReminderJob.run },
      schedules: [supervisionReminderJob],
      workerId: 'test',
      log: () => undefined,
    });
    let seen = 0;
    for (const day of dates('2026-03-02', '2026-03-20')) {
      t.clock.set(morning(day));
      if (day === '2026-03-04') {
        // B reports for week 10 on Wednesday: its due-day and overdue reminders for that week never come.
        const handler2 = await login(t, 'handler2');
        ok(
          await handler2.post(`/api/assignments/${second.id}/feedbacks`, { content: '已制定活动方案。' }),
          201,
        );
      }
      await runner.runDue();
      t.clock.advance(5 * HOUR); // a later run the same day sends nothing new
      await runner.runDue();
      const fresh = await t.deps.db
        .selectFrom('notifications')
        .selectAll()
        .where('id', '>', seen)
        .orderBy('id')
        .execute();
      for (const n of fresh) {
        const item =
          n.link === `/supervision/items/${a.id}` ? 'A' : n.link === `/supervision/items/${b.id}` ? 'B' : '-';
        log.push(
          `${day} ${item} ${n.kind.replace('supervision.', '')} ${who(n.user_id)}: ${n.title.split('：')[0]}`,
        );
        seen = n.id;
      }
    }
    assert.deepEqual(log, [
      '2026-03-02 - digest leader: 督办周报（2026-W10）',
      '2026-03-03 B reminder handler2: 反馈提醒',
      '2026-03-09 - digest leader: 督办周报（2026-W11）',
      '2026-03-10 A reminder handler1: 督办提醒',
      '2026-03-10 B reminder handler2: 反馈提醒',
      '2026-03-13 A reminder handler1: 督办提醒',
      '2026-03-13 B reminder handler2: 反馈提醒',
      '2026-03-16 A reminder handler1: 逾期督办',
      '2026-03-16 B reminder handler2: 逾期督办',
      '2026-03-16 A reminder head1: 逾期督办',
      '2026-03-16 B reminder head2: 逾期督办',
      '2026-03-16 - digest leader: 督办周报（2026-W12）',
      '2026-03-17 B reminder handler2: 反馈提醒',
      // Two escalations reach the leader the same day: one digest, not one notice per item.
      '2026-03-19 - reminder leader: 督办提醒汇总',
      '2026-03-20 B reminder handler2: 反馈提醒',
    ]);

    const reminders = await t.deps.db
      .selectFrom('reminders')
      .select(['kind', 'due_date', 'level', 'period'])
      .orderBy('id')
      .execute();
    assert.deepEqual(
      reminders.map((r) => `${r.kind} ${r.due_date} L${r.level}${r.period ? ` ${r.period}` : ''}`),
      [
        'feedback_before 2026-03-06 L0 2026-W10',
        'deadline_before 2026-03-13 L0',
        'feedback_before 2026-03-13 L0 2026-W11',
        'deadline_due 2026-03-13 L0',
        'feedback_due 2026-03-13 L0 2026-W11',
        'deadline_overdue 2026-03-13 L0',
        'feedback_overdue 2026-03-13 L0 2026-W11',
        'deadline_overdue 2026-03-13 L1',
        'feedback_overdue 2026-03-13 L1 2026-W11',
        'feedback_before 2026-03-20 L0 2026-W12',
        'deadline_overdue 2026-03-13 L2',
        'feedback_overdue 2026-03-13 L2 2026-W11',
        'feedback_due 2026-03-20 L0 2026-W12',
      ],
    );
    const bodies = await t.deps.db
      .selectFrom('notifications')
      .select(['title', 'body'])
      .where('kind', '=', 'supervision.digest')
      .orderBy('id')
      .execute();
    assert.deepEqual(
      bodies.map((d) => d.body),
      [
        '您分管或关注的督办事项 2 项正在办理，均为绿灯。',
        '您分管或关注的督办事项 2 项正在办理，均为绿灯。',
        '您分管或关注的督办事项 2 项正在办理：红灯 1 项，黄灯 1 项。',
      ],
    );
    const before = await t.deps.db
      .selectFrom('notifications')
      .select('body')
      .where('title', '=', `督办提醒：${a.number}`)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    assert.equal(
      before.body,
      '「关于整治形式主义的批示」距办理时限（2026-03-13）还有 3 个工作日，请抓紧办理并按时报告。',
    );
    const leaderDigest = await t.deps.db
      .selectFrom('notifications')
      .select(['title', 'body', 'link', 'dedupe_key'])
      .where('kind', '=', 'supervision.reminder')
      .where('user_id', '=', org.users.leader!)
      .executeTakeFirstOrThrow();
    assert.deepEqual(leaderDigest, {
      title: '督办提醒汇总：2 项',
      body: '您今天有 2 项督办提醒：逾期 2 项。请查看红灯事项。',
      link: '/supervision/items?light=red',
      dedupe_key: `reminder:2026-03-19:${org.users.leader}`,
    });
    const sweeps = await t.deps.db
      .selectFrom('audit_log')
      .select('changes')
      .where('action', '=', 'supervision.reminders.sweep')
      .execute();
    assert.equal(sweeps.length, 15, 'one sweep per working day, none at weekends or twice a day');
  });

  test('windows follow the working calendar: a deadline after 劳动节 is announced three working days ahead', async () => {
    const calendar = await loadCalendar(t.deps.db);
    // 2026-05-01…05 is the holiday, Saturday 05-09 a make-up working day.
    const [beforeRule] = reminderRules(calendar, '2026-04-30', '2026-04-29', 3);
    assert.deepEqual(
      [beforeRule?.when, beforeRule?.from, beforeRule?.to],
      ['before', '2026-05-01', '2026-05-08'],
    );
    const overdue = reminderRules(calendar, '2026-05-06', '2026-04-30', 3).filter(
      (r) => r.when === 'overdue',
    );
    assert.deepEqual(
      overdue.map((r) => [r.level, r.from, r.to]),
      [
        [0, '2026-04-30', '2026-05-05'],
        [1, '2026-04-30', '2026-05-05'],
        [2, '2026-04-27', '2026-04-27'],
      ],
    );
  });
});

describe(`two workers sweeping at once send each reminder once [${TEST_DB}]`, () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  test('concurrent sweeps from two connection pools', async () => {
    const org = await seedOrg(t);
    await seedItems(t, org);
    t.clock.set(morning('2026-03-16'));
    const peer = await openPeerDatabase(t.database);
    try {
      const ctx = t.ctx();
      const results = await Promise.all([
        sweepReminders(t.deps.db, ctx),
        sweepReminders(peer.db, ctx),
        sweepReminders(t.deps.db, ctx),
        sweepReminders(peer.db, ctx),
      ]);
      assert.equal(
        results.filter((r) => r.swept).length,
        1,
        'one sweep does the day, the others find it done',
      );
      const reminders = await t.deps.db.selectFrom('reminders').select('id').execute();
      assert.equal(
        reminders.length,
        results.reduce((n, r) => n + r.reminders, 0),
      );
      const notes = await t.deps.db.selectFrom('notifications').select(['user_id', 'dedupe_key']).execute();
      assert.ok(notes.length >= reminders.length);
      assert.equal(new Set(notes.map((n) => `${n.user_id} ${n.dedupe_key}`)).size, notes.length);
      // The first sweep of all covers the working day before: A's deadline and B's week 11, both 03-13.
      const kinds = await t.deps.db.selectFrom('reminders').select(['kind', 'level']).orderBy('id').execute();
      assert.deepEqual(
        kinds.map((k) => `${k.kind} L${k.level}`),
        ['deadline_overdue L0', 'feedback_overdue L0', 'deadline_overdue L1', 'feedback_overdue L1'],
      );
      assert.deepEqual(
        notes.map((n) => n.dedupe_key.split(':')[0]).sort(),
        ['digest', 'reminder', 'reminder', 'reminder', 'reminder'],
        'handler1, handler2, head1, head2 once each, and the leader’s weekly digest',
      );
    } finally {
      await peer.close();
    }
  });
});
