import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, afterEach, before, describe, test } from 'node:test';
import { HOUR, MINUTE } from '../../../platform/clock.js';
import type { AppDeps } from '../../../platform/deps.js';
import { startTestApp, type TestApp } from '../../../test-support/app.js';
import { TEST_DB } from '../../../test-support/database.js';
import { openPeerDatabase } from '../../../test-support/jobs.js';
import { claimNextJob, finishJob } from '../repository.js';
import {
  createJobRunner,
  enqueueJob,
  retryDelayMs,
  type JobHandler,
  type JobRunnerOptions,
} from '../index.js';

/** Resolves once `check` holds; the jobs under test run on real timers as well as the test clock. */
async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (check()) return;
    await sleep(10);
  }
  assert.fail(`timed out waiting for ${what}`);
}

/** A handler that blocks until released, to hold a job "running". */
function gate() {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let started = 0;
  const handler: JobHandler = async () => {
    started++;
    await released;
  };
  return { handler, release, started: () => started };
}

describe(`job runner [${TEST_DB}]`, () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  afterEach(async () => {
    await t.deps.db.deleteFrom('jobs').execute();
    await t.deps.db.deleteFrom('job_schedules').execute();
  });
  after(() => t.close());

  const runner = (handlers: Record<string, JobHandler>, options: Partial<JobRunnerOptions> = {}) =>
    createJobRunner({ deps: t.deps, handlers, workerId: 'w1', log: () => undefined, ...options });
  const enqueue = (job: Parameters<typeof enqueueJob>[2]) =>
    t.deps.db.transaction().execute((trx) => enqueueJob(trx, t.ctx(), job));
  const job = (id: number) =>
    t.deps.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const at = (ms: number) => new Date(t.clock.now().getTime() + ms).toISOString();

  test('an enqueued job runs once, with its payload, when it is due', async () => {
    const seen: unknown[] = [];
    const r = runner({ 'mail.send': async (payload) => void seen.push(payload) });
    const now = await enqueue({ name: 'mail.send', payload: { to: 'handler1' } });
    const later = await enqueue({ name: 'mail.send', payload: { to: 'head1' }, runAt: at(MINUTE) });
    assert.equal(await r.runDue(), 1);
    assert.equal(await r.runDue(), 0);
    assert.deepEqual(seen, [{ to: 'handler1' }]);
    const done = await job(now.id);
    assert.equal(done.status, 'done');
    assert.equal(done.attempts, 1);
    assert.equal(done.locked_by, null);
    t.clock.advance(MINUTE);
    assert.equal(await r.runDue(), 1);
    assert.deepEqual(seen, [{ to: 'handler1' }, { to: 'head1' }]);
    assert.equal((await job(later.id)).status, 'done');
  });

  test('a unique key is enqueued once, even after the job ran', async () => {
    let runs = 0;
    const r = runner({ remind: async () => void runs++ });
    const first = await enqueue({ name: 'remind', payload: { task: 42 }, uniqueKey: 'remind:task:42' });
    const second = await enqueue({ name: 'remind', payload: { task: 42 }, uniqueKey: 'remind:task:42' });
    assert.deepEqual(first, { id: first.id, created: true });
    assert.deepEqual(second, { id: first.id, created: false });
    await r.runDue();
    const third = await enqueue({ name: 'remind', payload: { task: 42 }, uniqueKey: 'remind:task:42' });
    assert.equal(third.created, false);
    await r.runDue();
    assert.equal(runs, 1);
    const rows = await t.deps.db.selectFrom('jobs').select('id').where('name', '=', 'remind').execute();
    assert.equal(rows.length, 1);
  });

  test('the retry delay doubles from 30 seconds and stops growing at one hour', () => {
    assert.deepEqual([1, 2, 3, 7, 8, 20].map(retryDelayMs), [30_000, 60_000, 120_000, 1_920_000, HOUR, HOUR]);
  });

  test('a failing job retries with backoff, then fails for good with its last error', async () => {
    let runs = 0;
    const r = runner({
      flaky: async () => {
        runs++;
        throw new Error(`邮件服务不可用（第 ${runs} 次）`);
      },
    });
    const { id } = await enqueue({ name: 'flaky', payload: null, maxAttempts: 3 });
    assert.equal(await r.runDue(), 1);
    let row = await job(id);
    assert.deepEqual([row.status, row.attempts, row.run_at], ['queued', 1, at(30_000)]);
    assert.equal(row.last_error, '邮件服务不可用（第 1 次）');

    t.clock.advance(30_000 - 1);
    assert.equal(await r.runDue(), 0, 'not before 30 s');
    t.clock.advance(1);
    assert.equal(await r.runDue(), 1);
    row = await job(id);
    assert.deepEqual([row.status, row.attempts, row.run_at], ['queued', 2, at(60_000)]);

    t.clock.advance(60_000 - 1);
    assert.equal(await r.runDue(), 0, 'not before another 60 s');
    t.clock.advance(1);
    assert.equal(await r.runDue(), 1);
    row = await job(id);
    assert.deepEqual([row.status, row.attempts, row.last_error], ['failed', 3, '邮件服务不可用（第 3 次）']);
    assert.equal(row.locked_by, null);

    t.clock.advance(HOUR);
    assert.equal(await r.runDue(), 0, 'a failed job stays failed');
    assert.equal(runs, 3);
  });

  test('a job without a handler fails with a message naming it', async () => {
    const { id } = await enqueue({ name: 'nobody.handles', payload: {}, maxAttempts: 1 });
    await runner({}).runDue();
    const row = await job(id);
    assert.equal(row.status, 'failed');
    assert.match(row.last_error ?? '', /nobody\.handles/);
  });

  test('a job whose worker died is run again once its lock expires, counting the lost attempt', async () => {
    let runs = 0;
    const r = runner({ report: async () => void runs++, lost: async () => void runs++ });
    const { id } = await enqueue({ name: 'report', payload: {} });
    const last = await enqueue({ name: 'lost', payload: {}, maxAttempts: 1 });
    // A worker claims both jobs and dies before finishing them.
    for (let i = 0; i < 2; i++)
      await claimNextJob(t.deps.db, { workerId: 'dead', now: at(0), lockedUntil: at(5 * MINUTE) });

    assert.equal(await r.runDue(), 0, 'the lock still holds');
    t.clock.advance(5 * MINUTE + 1);
    assert.equal(await r.runDue(), 1);
    const row = await job(id);
    assert.deepEqual([row.status, row.attempts, row.locked_by], ['done', 2, null]);
    assert.match(row.last_error ?? '', /锁已过期/);
    const gaveUp = await job(last.id);
    assert.deepEqual([gaveUp.status, gaveUp.attempts], ['failed', 1], 'its only attempt was the lost one');
    assert.equal(runs, 1);

    const recovered = await finishJob(t.deps.db, id, 'dead', { status: 'done', now: at(0) });
    assert.equal(recovered, false, 'the dead worker can no longer record a result');
  });

  test('a long job renews its lock, so no other worker takes it over', async () => {
    const g = gate();
    const a = runner({ long: g.handler }, { workerId: 'a', lockMs: 300 });
    const b = runner({ long: g.handler }, { workerId: 'b', lockMs: 300 });
    const { id } = await enqueue({ name: 'long', payload: {} });
    const running = a.runDue();
    await until(() => g.started() === 1, 'the job to start');
    t.clock.advance(10 * MINUTE);
    await sleep(250); // the heartbeat (every lockMs / 3) moves locked_until past the advanced clock
    assert.equal(await b.runDue(), 0);
    g.release();
    assert.equal(await running, 1);
    assert.equal(g.started(), 1);
    assert.deepEqual([(await job(id)).status, (await job(id)).attempts], ['done', 1]);
  });

  test('start() polls and survives a failing job; stop() waits for the job in hand', async () => {
    const g = gate();
    const errors: string[] = [];
    const r = runner(
      { broken: async () => Promise.reject(new Error('坏了')), slow: g.handler },
      { pollMs: 10, log: (message) => errors.push(message) },
    );
    r.start();
    const broken = await enqueue({ name: 'broken', payload: {}, maxAttempts: 1 });
    await until(() => errors.length > 0, 'the failure to be logged');
    const slow = await enqueue({ name: 'slow', payload: {} });
    await until(() => g.started() === 1, 'the next job to start');
    let stopped = false;
    const stopping = r.stop().then(() => (stopped = true));
    await sleep(30);
    assert.equal(stopped, false, 'stop() waits for the running job');
    g.release();
    await stopping;
    assert.equal((await job(broken.id)).status, 'failed');
    assert.equal((await job(slow.id)).status, 'done');
  });

  describe('schedules', () => {
    let peerDeps: AppDeps;
    let closePeer: () => Promise<void>;
    before(async () => {
      const peer = await openPeerDatabase(t.database);
      peerDeps = { ...t.deps, database: peer, db: peer.db };
      closePeer = () => peer.close();
    });
    after(() => closePeer());

    test('two processes ticking at once enqueue and run each slot once', async () => {
      let runs = 0;
      const handlers = { 'digest.daily': async () => void runs++ };
      const schedules = [{ name: 'digest.daily', intervalSeconds: 60 }];
      const a = runner(handlers, { schedules, workerId: 'a' });
      const b = runner(handlers, { schedules, workerId: 'b', deps: peerDeps });
      const start = at(0);
      for (let slot = 0; slot < 5; slot++) {
        await Promise.all([a.runDue(), b.runDue(), a.runDue(), b.runDue()]);
        assert.equal(runs, slot + 1, `slot ${slot}`);
        t.clock.advance(60_000);
      }
      const keys = await t.deps.db.selectFrom('jobs').select('unique_key').orderBy('id').execute();
      assert.deepEqual(
        keys.map((k) => k.unique_key),
        [0, 1, 2, 3, 4].map((i) => `digest.daily@${new Date(Date.parse(start) + i * 60_000).toISOString()}`),
      );

      t.clock.advance(10 * MINUTE + 5_000);
      await Promise.all([a.runDue(), b.runDue()]);
      assert.equal(runs, 6, 'missed slots are not caught up one by one');
      const schedule = await t.deps.db.selectFrom('job_schedules').selectAll().executeTakeFirstOrThrow();
      assert.ok(schedule.next_run_at > at(0), 'the next slot lies ahead');
      assert.equal((Date.parse(schedule.next_run_at) - Date.parse(start)) % 60_000, 0, 'on the grid');
    });

    test('a scheduled job still running is not started again when its next slot comes', async () => {
      const g = gate();
      const schedules = [{ name: 'audit.slow', intervalSeconds: 60 }];
      const a = runner({ 'audit.slow': g.handler }, { schedules, workerId: 'a' });
      const b = runner({ 'audit.slow': g.handler }, { schedules, workerId: 'b', deps: peerDeps });
      const running = a.runDue();
      await until(() => g.started() === 1, 'the first run to start');
      t.clock.advance(61_000);
      assert.equal(await b.runDue(), 0, 'the second slot waits for the first run');
      const count = () =>
        t.deps.db.selectFrom('jobs').select('id').where('name', '=', 'audit.slow').execute();
      assert.equal((await count()).length, 1);
      g.release();
      await running;
      assert.equal(await b.runDue(), 1, 'the waiting slot runs once the first run ended');
      assert.equal((await count()).length, 2);
      assert.equal(g.started(), 2);
    });
  });

  test(
    'two workers on separate connections claim 50 jobs concurrently, each job runs once',
    { skip: TEST_DB !== 'postgres' && 'needs PostgreSQL' },
    async () => {
      const peer = await openPeerDatabase(t.database);
      try {
        const runs = new Map<number, number>();
        const byWorker = { a: 0, b: 0 };
        const handler =
          (worker: 'a' | 'b'): JobHandler =>
          async (payload) => {
            const n = (payload as { n: number }).n;
            runs.set(n, (runs.get(n) ?? 0) + 1);
            byWorker[worker]++;
            await sleep(2);
          };
        for (let n = 0; n < 50; n++) await enqueue({ name: 'bulk', payload: { n } });
        const a = runner({ bulk: handler('a') }, { workerId: 'a' });
        const b = runner(
          { bulk: handler('b') },
          { workerId: 'b', deps: { ...t.deps, database: peer, db: peer.db } },
        );
        const [ranA, ranB] = await Promise.all([a.runDue(), b.runDue()]);
        assert.equal(ranA + ranB, 50);
        assert.equal(runs.size, 50);
        assert.ok(
          [...runs.values()].every((count) => count === 1),
          'no job ran twice',
        );
        assert.ok(byWorker.a > 0 && byWorker.b > 0, `both workers took jobs (${byWorker.a}/${byWorker.b})`);
        const statuses = await t.deps.db
          .selectFrom('jobs')
          .select(['status', 'attempts', 'locked_by'])
          .execute();
        assert.ok(statuses.every((s) => s.status === 'done' && s.attempts === 1 && s.locked_by === null));
      } finally {
        await peer.close();
      }
    },
  );
});
