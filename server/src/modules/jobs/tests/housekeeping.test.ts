import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createWorkerRunner, scheduledJobs } from '../../../cli/workers.js';
import { DAY, HOUR } from '../../../platform/clock.js';
import { startTestApp, type TestApp } from '../../../test-support/app.js';
import { TEST_DB } from '../../../test-support/database.js';

describe(`worker housekeeping schedules [${TEST_DB}]`, () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  const ago = (ms: number) => new Date(t.clock.now().getTime() - ms).toISOString();

  test('expired sessions (after a day) and idempotency keys (after 7 days) are purged daily', async () => {
    const { db } = t.deps;
    const user = await db
      .insertInto('users')
      .values({
        login: 'someone',
        name: '某人',
        department_id: null,
        status: 'active',
        password_hash: 'x',
        password_changed_at: ago(0),
        must_change_password: 0,
        failed_logins: 0,
        locked_until: null,
        totp_secret: null,
        totp_enabled: 0,
        is_demo: 0,
        created_at: ago(0),
        updated_at: ago(0),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const session = (id: string, expiredAgo: number) => ({
      id,
      user_id: user.id,
      csrf_token: id,
      stage: 'full' as const,
      created_at: ago(3 * DAY),
      last_seen_at: ago(3 * DAY),
      expires_at: ago(expiredAgo),
      revoked_at: null,
      client_ip: '127.0.0.1',
      user_agent: 'test',
    });
    await db
      .insertInto('sessions')
      .values([session('old', 2 * DAY), session('recent', HOUR), session('live', -HOUR)])
      .execute();
    const key = (name: string, age: number) => ({
      scope: 'user:1',
      key: name,
      request_hash: 'h',
      status_code: 201,
      response_body: '{}',
      created_at: ago(age),
    });
    await db
      .insertInto('idempotency_keys')
      .values([key('stale', 8 * DAY), key('fresh', 6 * DAY)])
      .execute();

    const runner = createWorkerRunner(t.deps, { workerId: 'test', log: () => undefined });
    assert.equal(await runner.runDue(), scheduledJobs.length, 'every schedule runs at first start');
    const sessions = await db.selectFrom('sessions').select('id').orderBy('id').execute();
    assert.deepEqual(
      sessions.map((s) => s.id),
      ['live', 'recent'],
    );
    const keys = await db.selectFrom('idempotency_keys').select('key').execute();
    assert.deepEqual(
      keys.map((k) => k.key),
      ['fresh'],
    );

    assert.equal(await runner.runDue(), 0);
    t.clock.advance(2 * DAY);
    assert.equal(
      await runner.runDue(),
      scheduledJobs.length,
      'two days later each runs once, not once per missed day',
    );
    assert.deepEqual(await db.selectFrom('sessions').select('id').execute(), []);
    assert.deepEqual(await db.selectFrom('idempotency_keys').select('key').execute(), []);
  });
});
