import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../../../test-support/app.js';
import { TEST_DB } from '../../../test-support/database.js';
import { seedOrg, type TestOrg } from '../../../test-support/org.js';
import type { Executor } from '../../../platform/db/schema.js';
import { openPeerDatabase } from '../../../test-support/jobs.js';
import {
  announceNotices,
  notify,
  notifyAll,
  notifyFromQuery,
  notifyMany,
  type NoticeRow,
  type NotifyRequest,
} from '../index.js';
import { writeBulk } from '../bulk.js';
import { sameNoticeRows } from '../bulk-repository.js';
import { NotifyHub, type StreamEvent } from '../stream.js';

/**
 * notifyFromQuery (the reminder sweep's path) and notifyAll (one event to many: the library push) must
 * write what notifyMany writes for the same events.
 */
describe(`notify in bulk, inside the database [${TEST_DB}]`, () => {
  let t: TestApp;
  let org: TestOrg;

  before(async () => {
    t = await startTestApp();
    org = await seedOrg(t);
    const { first, second } = org.departments;
    const at = t.clock.now().toISOString();
    const channel = (c: 'email' | 'wecom' | 'dingtalk' | 'feishu', departmentId: number, enabled = 1) => ({
      channel: c,
      department_id: departmentId,
      enabled,
      config: '{}',
      secret: null,
      updated_at: at,
    });
    await t.deps.db
      .insertInto('channel_settings')
      .values([
        channel('email', 0),
        channel('wecom', 0),
        channel('wecom', first),
        channel('dingtalk', second),
        channel('feishu', 0, 0),
      ])
      .execute();
    const u = org.users;
    const prefs = (
      user: number,
      email: string | null,
      channels: string[],
      quiet: [string, string] | null,
    ) => ({
      user_id: user,
      email,
      channels: JSON.stringify(channels),
      quiet_start: quiet?.[0] ?? null,
      quiet_end: quiet?.[1] ?? null,
      updated_at: at,
    });
    await t.deps.db
      .insertInto('notify_preferences')
      .values([
        prefs(u.handler1!, 'handler1@example.gov.cn', ['email', 'wecom', 'dingtalk'], null),
        prefs(u.head1!, 'head1@example.gov.cn', ['email'], ['22:00', '07:30']),
        prefs(u.handler2!, null, ['wecom', 'dingtalk', 'feishu'], ['12:00', '13:30']),
      ])
      .execute();
    await t.deps.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', u.head2!).execute();
  });
  after(() => t.close());

  /** The same events under either path's key prefix; recipients ascending, as the bulk orders them. */
  function events(prefix: string): NotifyRequest[] {
    const u = org.users;
    const ids = (...logins: string[]) => logins.map((l) => u[l]!).sort((x, y) => x - y);
    return [
      ids('handler1', 'head1', 'handler2'),
      ids('head2', 'supervisor', 'leader', 'member'),
      ids('handler1'),
      [],
      ids('head1', 'handler2'),
    ].map((userIds, i) => ({
      userIds,
      kind: 'test.bulk',
      title: `提醒 ${i}`,
      body: `第 ${i} 件`,
      link: i === 2 ? null : `/home/${i}`,
      dedupeKey: `${prefix}:${i}`,
    }));
  }

  const source = (requests: NotifyRequest[]) =>
    sql<NoticeRow>`${sql.join(
      requests.flatMap((r, seq) =>
        r.userIds.map(
          (user) =>
            sql`select ${seq} as seq, cast(${user} as integer) as user_id, cast(${r.title} as text) as title,
              cast(${r.body} as text) as body, cast(${r.link} as text) as link,
              cast(${r.dedupeKey} as text) as dedupe_key`,
        ),
      ),
      sql` union all `,
    )}`;

  /** Everything written under a prefix, ids replaced by what they point at. */
  async function written(db: Executor, prefix: string) {
    const notes = await db
      .selectFrom('notifications')
      .selectAll()
      .where('dedupe_key', 'like', `${prefix}:%`)
      .orderBy('id')
      .execute();
    const noteOf = new Map(notes.map((n) => [n.id, `${n.user_id}/${n.dedupe_key.slice(prefix.length)}`]));
    const deliveries = await db
      .selectFrom('deliveries')
      .selectAll()
      .where('dedupe_key', 'like', `${prefix}:%`)
      .orderBy('id')
      .execute();
    const deliveryOf = new Map(deliveries.map((d) => [d.id, `${d.channel}/${d.target}`]));
    const jobs = await db
      .selectFrom('jobs')
      .selectAll()
      .where('name', '=', 'notify.deliver')
      .orderBy('id')
      .execute();
    return {
      notifications: notes.map((n) => [
        noteOf.get(n.id),
        n.kind,
        n.title,
        n.body,
        n.link,
        n.urgent,
        n.created_at,
      ]),
      deliveries: deliveries.map((d) => [
        noteOf.get(d.notification_id),
        d.channel,
        d.target,
        d.status,
        d.attempts,
        d.max_attempts,
        d.run_at,
        d.created_at,
      ]),
      jobs: jobs
        .map((j) => ({
          ...j,
          delivery: deliveryOf.get((JSON.parse(j.payload) as { deliveryId: number }).deliveryId),
        }))
        .filter((j) => j.delivery !== undefined)
        .map((j) => [j.delivery, j.status, j.run_at, j.max_attempts, j.unique_key]),
    };
  }

  test('same notifications, deliveries and delivery jobs as notifyMany, at night and by day', async () => {
    for (const [moment, label] of [
      ['2026-03-02T15:00:00.000Z', 'night'], // 23:00 in Beijing: quiet hours hold most sends
      ['2026-03-03T04:30:00.000Z', 'noon'], // 12:30: only the 12:00–13:30 window holds
    ] as const) {
      t.clock.set(moment);
      const ctx = t.ctx();
      const counts = await t.deps.db.transaction().execute(async (trx) => {
        const many = await notifyMany(trx, ctx, events(`many-${label}`));
        const bulk = await notifyFromQuery(trx, ctx, 'test.bulk', source(events(`bulk-${label}`)));
        // Again: every key exists, nothing more is written.
        const again = await notifyFromQuery(trx, ctx, 'test.bulk', source(events(`bulk-${label}`)));
        let all = 0;
        for (const event of [...events(`all-${label}`), ...events(`all-${label}`)])
          all += (await notifyAll(trx, ctx, event)).written;
        return { many: many.length, bulk, again, all };
      });
      assert.deepEqual(
        counts,
        { many: 9, bulk: 9, again: 0, all: 9 },
        'head2 is disabled; the empty event has no one; the second notifyAll of each event writes nothing',
      );
      const many = await written(t.deps.db, `many-${label}`);
      assert.deepEqual(await written(t.deps.db, `bulk-${label}`), many);
      assert.deepEqual(await written(t.deps.db, `all-${label}`), many);
      assert.ok(many.deliveries.length >= 5 && many.jobs.length === many.deliveries.length, label);
    }
  });

  test('live push: open streams receive every notification of a bulk, past NOTIFY’s 500-id chunks', async () => {
    const hub = new NotifyHub(t.deps, (message, error) => assert.fail(`${message}: ${String(error)}`));
    const received: StreamEvent[] = [];
    const stop = await hub.subscribe(org.users.member!, (event) => received.push(event));
    try {
      // 600 rows from a counter: a compound SELECT of that many terms is beyond SQLite's limit.
      const counter = sql<NoticeRow>`
        with recursive n(i) as (select 0 union all select i + 1 from n where i < 599)
        select i as seq, cast(${org.users.member!} as integer) as user_id, '推送 ' || cast(i as text) as title,
          '请查看。' as body, cast(null as text) as link, 'push:' || cast(i as text) as dedupe_key
        from n`;
      const written = await t.deps.db
        .transaction()
        .execute((trx) => notifyFromQuery(trx, t.ctx(), 'test.push', counter));
      assert.equal(written, 600);
      for (let waited = 0; received.length < 600 && waited < 10_000; waited += 50) await sleep(50);
      // Chunks are read concurrently on PostgreSQL, so arrival order may differ; ids follow seq.
      assert.deepEqual(
        received.sort((x, y) => x.id - y.id).map((e) => e.title),
        Array.from({ length: 600 }, (_, i) => `推送 ${i}`),
      );
    } finally {
      stop();
      await hub.close();
    }
  });

  test('live push: notices handed over after commit reach open streams once, in id order, with rows written meanwhile by others', async () => {
    const { handler1, head1 } = org.users;
    const hub = new NotifyHub(t.deps, (message, error) => assert.fail(`${message}: ${String(error)}`));
    const received: StreamEvent[] = [];
    const stop = await hub.subscribe(handler1!, (event) => received.push(event));
    const peer = await openPeerDatabase(t.database);
    try {
      // Another process writes first; this one's handed rows must not jump ahead of it or hide it.
      const [before] = await peer.db.transaction().execute((trx) =>
        notify(trx, t.ctx(), {
          userIds: [handler1!],
          kind: 'test',
          title: '别处写入',
          body: '',
          link: null,
          dedupeKey: 'live:peer',
        }),
      );
      const sent = await t.deps.db.transaction().execute((trx) =>
        notifyAll(trx, t.ctx(), {
          userIds: [head1!, handler1!],
          kind: 'test.live',
          title: '新资料',
          body: '正文不随通知发送',
          link: '/library/materials/1',
          dedupeKey: 'live:all',
        }),
      );
      assert.equal(sent.written, 2);
      // The rows go to this process's streams from the writer, not read back.
      assert.deepEqual(
        sent.live?.recipients.map((r) => r.user_id),
        [head1, handler1].sort((x, y) => x! - y!),
      );
      if (t.database.dialect === 'postgres') {
        // Their NOTIFY names this process, whose listener passes over it: only the hand-over shows them.
        for (let waited = 0; received.length < 1 && waited < 5_000; waited += 20) await sleep(20);
        await sleep(300);
        assert.deepEqual(
          received.map((e) => e.id),
          [before],
        );
      }
      announceNotices(sent.live);
      for (let waited = 0; received.length < 2 && waited < 5_000; waited += 20) await sleep(20);
      // Past the next poll: nothing comes twice.
      await sleep(1_200);
      const mine = await t.deps.db
        .selectFrom('notifications')
        .select(['id', 'created_at'])
        .where('dedupe_key', '=', 'live:all')
        .where('user_id', '=', handler1!)
        .executeTakeFirstOrThrow();
      // SQLite dispatches in id order; PostgreSQL reads each NOTIFY's rows on their own, so it may not.
      if (t.database.dialect === 'postgres') received.sort((x, y) => x.id - y.id);
      assert.deepEqual(received, [
        { id: before, title: '别处写入', link: null, kind: 'test', createdAt: mine.created_at },
        {
          id: mine.id,
          title: '新资料',
          link: '/library/materials/1',
          kind: 'test.live',
          createdAt: mine.created_at,
        },
      ]);

      // Another process's notifyAll: its NOTIFY names that process, so this one reads the rows.
      if (t.database.dialect === 'postgres') {
        await t.deps.db.transaction().execute((trx) =>
          writeBulk(
            trx,
            t.ctx(),
            'test.live',
            sameNoticeRows(trx, [handler1!], {
              title: '别的进程发布',
              body: '',
              link: null,
              dedupeKey: 'live:elsewhere',
            }),
            'another-process',
          ),
        );
        for (let waited = 0; received.length < 3 && waited < 5_000; waited += 20) await sleep(20);
        assert.equal(received[2]?.title, '别的进程发布');
      }
    } finally {
      await peer.close();
      stop();
      await hub.close();
    }
  });
});
