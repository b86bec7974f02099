import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { openDatabase } from '../../../../platform/db/database.js';
import { startTestApp, type TestApp } from '../../../../test-support/app.js';
import type { TestClient } from '../../../../test-support/client.js';
import { PG_URL, TEST_DB } from '../../../../test-support/database.js';
import { PASSWORD } from '../../../../test-support/org.js';
import { draft, ok, refused, SECRET, seedLibrary, type Editor } from '../../materials/tests/fixture.js';
import { materialInput } from '../../materials/presenter.js';
import { libraryPublishJob } from '../../materials/index.js';
import { createMaterial, publishMaterial, withdrawMaterial } from '../../materials/service.js';
import { processOutbox, PUSH_KIND } from '../index.js';

const BASE = '/api/library/editor/materials';

describe(`library push: subscriptions and publish notices [${TEST_DB}]`, () => {
  let t: TestApp;
  let users: Record<string, number>;
  const c: Record<string, TestClient> = {};

  before(async () => {
    t = await startTestApp();
    users = (await seedLibrary(t)).users;
    for (const login of ['editor', 'member', 'paid', 'sysadmin']) {
      c[login] = t.client();
      assert.equal((await c[login].login(login, PASSWORD)).statusCode, 200);
    }
    const at = t.clock.now().toISOString();
    await t.deps.db
      .insertInto('channel_settings')
      .values({ channel: 'email', department_id: 0, enabled: 1, config: '{}', secret: null, updated_at: at })
      .execute();
    await t.deps.db
      .insertInto('notify_preferences')
      .values({
        user_id: users.paid!,
        email: 'paid@example.gov.cn',
        channels: JSON.stringify(['email']),
        quiet_start: null,
        quiet_end: null,
        updated_at: at,
      })
      .execute();
  });
  after(() => t.close());

  /** The push runs after the publish response: wait until the outbox holds nothing unprocessed. */
  async function pushed(): Promise<void> {
    for (let i = 0; i < 200; i += 1) {
      const row = await t.deps.db
        .selectFrom('library_outbox')
        .select('id')
        .where('processed_at', 'is', null)
        .executeTakeFirst();
      if (!row) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    assert.fail('资料推送未在 5 秒内处理完');
  }

  const editorCtx = () =>
    t.ctx({ id: users.editor!, login: 'editor', name: 'editor', departmentId: null, roles: ['editor'] });

  const notices = (materialId: number) =>
    t.deps.db
      .selectFrom('notifications')
      .selectAll()
      .where('kind', '=', PUSH_KIND)
      .where('link', '=', `/library/materials/${materialId}`)
      .orderBy('user_id')
      .execute();

  async function publishNew(over: Record<string, unknown> = {}): Promise<Editor> {
    const m = ok<Editor>(await c.editor!.post(BASE, draft(over)), 201);
    const published = ok<Editor>(await c.editor!.post(`${BASE}/${m.id}/publish`, { version: m.version }));
    await pushed();
    return published;
  }

  test('subscriptions: read and replaced whole, duplicates collapse, unknown types and admins refused', async () => {
    assert.deepEqual(ok(await c.member!.get('/api/library/subscriptions')), { topics: [], types: [] });
    const body = { topics: ['组织生活会', '组织生活会'], types: ['对照检查材料'] };
    for (const login of ['member', 'paid'])
      assert.deepEqual(ok(await c[login]!.put('/api/library/subscriptions', body)), {
        topics: ['组织生活会'],
        types: ['对照检查材料'],
      });
    assert.deepEqual(ok(await c.paid!.get('/api/library/subscriptions')), {
      topics: ['组织生活会'],
      types: ['对照检查材料'],
    });
    const bad = await c.member!.put('/api/library/subscriptions', { topics: [], types: ['小说'] });
    refused(bad, 400, 'VALIDATION_FAILED');
    assert.match(bad.json<{ message: string }>().message, /资料类型/);
    refused(await c.sysadmin!.get('/api/library/subscriptions'), 403, 'FORBIDDEN');
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'library.subscriptions.update')
      .execute();
    assert.equal(audit.length, 2);
  });

  test('a member-tier material reaches the subscribed member with access, not the subscribed free member; no body text', async () => {
    const m = await publishNew({ topics: ['组织生活会'] });
    const rows = await notices(m.id);
    assert.deepEqual(
      rows.map((r) => r.user_id),
      [users.paid],
    );
    const n = rows[0]!;
    assert.equal(n.title, `资料库新发布：${m.title}`);
    assert.equal(n.link, `/library/materials/${m.id}`);
    assert.ok(!JSON.stringify(n).includes(SECRET), '通知不应包含正文');
    assert.equal(n.dedupe_key, `${PUSH_KIND}:${m.id}:${m.revision}`);
    // The paying member asked for e-mail: one delivery queued, and it carries the notice, not the text.
    const deliveries = await t.deps.db
      .selectFrom('deliveries')
      .select(['channel', 'target'])
      .where('notification_id', '=', n.id)
      .execute();
    assert.deepEqual(deliveries, [{ channel: 'email', target: 'paid@example.gov.cn' }]);
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('changes')
      .where('action', '=', 'library.push.send')
      .where('object_id', '=', String(m.id))
      .execute();
    assert.equal((JSON.parse(audit[0]!.changes) as { notified: number }).notified, 1);
  });

  test('a scheduled material is pushed by the job that publishes it, not at the push job’s next round', async () => {
    const m = ok<Editor>(await c.editor!.post(BASE, draft({ tier: 'free', topics: ['纪律教育'] })), 201);
    const at = new Date(t.clock.now().getTime() + 600_000).toISOString();
    ok(await c.editor!.post(`${BASE}/${m.id}/schedule`, { version: m.version, publishAt: at }));
    t.clock.advance(600_000);
    await libraryPublishJob.run(null, t.deps);
    assert.deepEqual(
      (await notices(m.id)).map((r) => r.user_id).sort((a, b) => a - b),
      [users.member, users.paid].sort((a, b) => a! - b!),
    );
    const waiting = await t.deps.db
      .selectFrom('library_outbox')
      .select('id')
      .where('material_id', '=', m.id)
      .where('processed_at', 'is', null)
      .execute();
    assert.deepEqual(waiting, []);
  });

  test('a free material reaches every follower; people following other topics and types hear nothing', async () => {
    const free = await publishNew({ tier: 'free', topics: ['纪律教育'], type: '对照检查材料' });
    assert.deepEqual(
      (await notices(free.id)).map((r) => r.user_id).sort((a, b) => a - b),
      [users.member, users.paid].sort((a, b) => a! - b!),
    );
    const other = await publishNew({ tier: 'free', topics: ['主题教育'], type: '讲话' });
    assert.deepEqual(await notices(other.id), []);
  });

  test('processing the same publication twice tells nobody twice; a withdrawn material tells nobody', async () => {
    const m = await publishNew({ topics: ['组织生活会'] });
    await t.deps.db
      .updateTable('library_outbox')
      .set({ processed_at: null })
      .where('material_id', '=', m.id)
      .execute();
    const again = await processOutbox(t.deps.db, t.ctx());
    assert.deepEqual(again, { processed: 1, notified: 0 });
    assert.equal((await notices(m.id)).length, 1);

    const w = ok<Editor>(await c.editor!.post(BASE, draft({ topics: ['组织生活会'] })), 201);
    // Published and withdrawn before the push ran (as when the worker is behind): no notice.
    await t.deps.db.transaction().execute(async (trx) => {
      const ctx = editorCtx();
      await publishMaterial(trx, ctx, w.id, w.version);
      await withdrawMaterial(trx, ctx, w.id, w.version + 1);
    });
    await processOutbox(t.deps.db, t.ctx());
    assert.deepEqual(await notices(w.id), []);
  });

  test('a follower with an open stream receives the notice live: title and link, no text', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    const cookie = [...c.paid!.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const abort = new AbortController();
    const res = await fetch(`${base}/api/notify/stream`, { headers: { cookie }, signal: abort.signal });
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let text = '';
    const until = async (pattern: RegExp) => {
      const deadline = Date.now() + 5_000;
      while (!pattern.test(text) && Date.now() < deadline) {
        const { value, done } = await reader.read();
        if (done) break;
        text += decoder.decode(value, { stream: true });
      }
      assert.match(text, pattern);
    };
    try {
      await until(/event: unread/);
      const m = await publishNew({ topics: ['组织生活会'], title: '实时推送的对照检查材料' });
      await until(/event: notification\ndata: .*实时推送的对照检查材料/);
      const data = /event: notification\ndata: (.*)\n/.exec(text)?.[1] ?? '{}';
      const event = JSON.parse(data) as { title: string; link: string; kind: string };
      assert.equal(event.kind, PUSH_KIND);
      assert.equal(event.link, `/library/materials/${m.id}`);
      assert.ok(!text.includes(SECRET), '实时通知不应包含正文');
    } finally {
      abort.abort();
    }
  });

  test('two runners on one database send each notice once', { skip: TEST_DB !== 'postgres' }, async () => {
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(t.deps.db);
    const second = openDatabase(PG_URL, { pgSchema: rows[0]!.schema, poolSize: 5 });
    try {
      const ids: number[] = [];
      const ctx = editorCtx();
      // Written straight through the services, so the web process's own push does not run.
      await t.deps.db.transaction().execute(async (trx) => {
        for (let i = 0; i < 6; i += 1) {
          const id = await createMaterial(trx, ctx, materialInput.parse(draft({ title: `并发推送 ${i}` })));
          await publishMaterial(trx, ctx, id, 1);
          ids.push(id);
        }
      });
      const results = await Promise.all([
        processOutbox(t.deps.db, t.ctx()),
        processOutbox(second.db, t.ctx()),
        processOutbox(t.deps.db, t.ctx()),
      ]);
      assert.equal(
        results.reduce((s, r) => s + r.processed, 0),
        6,
      );
      for (const id of ids)
        assert.deepEqual(
          (await notices(id)).map((r) => r.user_id),
          [users.paid],
        );
    } finally {
      await second.close();
    }
  });
});
