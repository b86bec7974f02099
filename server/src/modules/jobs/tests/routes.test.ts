import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../../../test-support/app.js';
import { TestClient } from '../../../test-support/client.js';
import { TEST_DB } from '../../../test-support/database.js';
import { PASSWORD, seedOrg, type TestOrg } from '../../../test-support/org.js';
import { createJobRunner, enqueueJob } from '../index.js';

interface JobView {
  id: number;
  name: string;
  status: string;
  attempts: number;
  lastError: string | null;
}

describe(`background jobs for administrators [${TEST_DB}]`, () => {
  let t: TestApp;
  let org: TestOrg;
  let app: FastifyInstance;
  let failedId: number;

  const as = async (login: string) => {
    const c = new TestClient(app);
    assert.equal((await c.login(login, PASSWORD)).statusCode, 200);
    return c;
  };

  before(async () => {
    t = await startTestApp();
    org = await seedOrg(t);
    app = t.app;

    failedId = await t.deps.db.transaction().execute(async (trx) => {
      await enqueueJob(trx, t.ctx(), { name: 'report.weekly', payload: {} });
      return (await enqueueJob(trx, t.ctx(), { name: 'mail.send', payload: { to: 'x' }, maxAttempts: 1 })).id;
    });
    const runner = createJobRunner({
      deps: t.deps,
      handlers: {
        'report.weekly': async () => undefined,
        'mail.send': async () => Promise.reject(new Error('SMTP 连接被拒绝')),
      },
      workerId: 'test',
      log: () => undefined,
    });
    await runner.runDue();
  });
  after(() => t.close());

  test('the system administrator sees recent jobs, failures with their error', async () => {
    const admin = await as('sysadmin');
    const res = await admin.get('/api/jobs');
    assert.equal(res.statusCode, 200, res.body);
    const { total, items } = res.json<{ total: number; items: JobView[] }>();
    assert.equal(total, 2);
    assert.deepEqual(
      items.map((j) => [j.name, j.status, j.attempts, j.lastError]),
      [
        ['mail.send', 'failed', 1, 'SMTP 连接被拒绝'],
        ['report.weekly', 'done', 1, null],
      ],
    );
    assert.ok(!('payload' in (items[0] ?? {})), 'payloads stay out of the list');
    const failed = (await admin.get('/api/jobs?status=failed')).json<{ items: JobView[] }>();
    assert.deepEqual(
      failed.items.map((j) => j.id),
      [failedId],
    );
  });

  test('everyone else is refused, the other administrators included', async () => {
    for (const login of Object.keys(org.users).filter((l) => l !== 'sysadmin')) {
      const c = await as(login);
      for (const res of [await c.get('/api/jobs'), await c.post(`/api/jobs/${failedId}/retry`)]) {
        assert.equal(res.statusCode, 403, `${login}: ${res.body}`);
        assert.equal(res.json<{ code: string }>().code, 'FORBIDDEN');
      }
    }
    assert.equal((await new TestClient(app).get('/api/jobs')).statusCode, 401);
    const row = await t.deps.db
      .selectFrom('jobs')
      .select('status')
      .where('id', '=', failedId)
      .executeTakeFirst();
    assert.equal(row?.status, 'failed', 'refused retries changed nothing');
  });

  test('retry requeues a failed job with fresh attempts, and is audited', async () => {
    const admin = await as('sysadmin');
    const res = await admin.post(`/api/jobs/${failedId}/retry`);
    assert.equal(res.statusCode, 200, res.body);
    const job = res.json<JobView & { runAt: string }>();
    assert.deepEqual([job.status, job.attempts, job.runAt], ['queued', 0, t.clock.now().toISOString()]);

    const audit = await t.deps.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'job.retry')
      .executeTakeFirstOrThrow();
    assert.deepEqual(
      [audit.actor_id, audit.object_type, audit.object_id],
      [org.users.sysadmin, 'job', String(failedId)],
    );
    assert.deepEqual(JSON.parse(audit.changes), {
      name: 'mail.send',
      status: { before: 'failed', after: 'queued' },
      attempts: { before: 1, after: 0 },
      lastError: 'SMTP 连接被拒绝',
    });

    const again = await admin.post(`/api/jobs/${failedId}/retry`);
    assert.equal(again.statusCode, 409, 'only a failed job can be retried');
    assert.equal(again.json<{ code: string }>().code, 'INVALID_STATE');
    assert.equal((await admin.post('/api/jobs/999999/retry')).statusCode, 404);
  });
});
