import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../../../test-support/app.js';
import { TEST_DB } from '../../../test-support/database.js';
import { openPeerDatabase } from '../../../test-support/jobs.js';
import { PASSWORD, seedOrg, type TestOrg } from '../../../test-support/org.js';
import type { Db } from '../../../platform/db/schema.js';
import { notify } from '../index.js';

interface SseEvent {
  event: string;
  id: string | null;
  data: unknown;
}

/** Reads a text/event-stream over a real socket, one event at a time (comments are kept apart). */
async function openStream(url: string, headers: Record<string, string>) {
  const abort = new AbortController();
  const res = await fetch(url, { headers, signal: abort.signal });
  const events: SseEvent[] = [];
  const comments: string[] = [];
  let buffer = '';
  const pump = (async () => {
    const decoder = new TextDecoder();
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const lines = block.split('\n');
          comments.push(...lines.filter((l) => l.startsWith(':')));
          const field = (name: string) =>
            lines.find((l) => l.startsWith(`${name}: `))?.slice(name.length + 2) ?? null;
          const data = field('data');
          if (data !== null)
            events.push({ event: field('event') ?? 'message', id: field('id'), data: JSON.parse(data) });
        }
      }
    } catch {
      // aborted by the test
    }
  })();
  return {
    res,
    events,
    /** The next event after those already taken, waiting up to five seconds. */
    async next(): Promise<SseEvent> {
      const deadline = Date.now() + 5_000;
      while (events.length === 0) {
        if (Date.now() > deadline) assert.fail('no event within 5 s');
        await sleep(20);
      }
      return events.shift()!;
    },
    pump,
    close: () => abort.abort(),
  };
}

describe(`notify stream: Server-Sent Events over a real socket [${TEST_DB}]`, () => {
  let t: TestApp;
  let org: TestOrg;
  let base: string;
  let cookie: string;

  const send = (db: Db, userId: number, key: string, title: string) =>
    db.transaction().execute((trx) =>
      notify(trx, t.ctx(), {
        userIds: [userId],
        kind: 'test',
        title,
        body: '正文',
        link: '/x',
        dedupeKey: key,
      }),
    );

  before(async () => {
    t = await startTestApp();
    org = await seedOrg(t);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    const client = t.client();
    assert.equal((await client.login('handler1', PASSWORD)).statusCode, 200);
    cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  });
  after(() => t.close());

  test('requires a session', async () => {
    const res = await fetch(`${base}/api/notify/stream`);
    assert.equal(res.status, 401);
  });

  test('sends the unread count, then each new notification, from this pool and from another', async () => {
    const { handler1, handler2 } = org.users;
    await send(t.deps.db, handler1!, 'stream:before', '连接前的通知');
    const stream = await openStream(`${base}/api/notify/stream`, { cookie });
    try {
      assert.equal(stream.res.status, 200);
      assert.match(stream.res.headers.get('content-type') ?? '', /^text\/event-stream/);
      // Frames are written to the socket as they are: the body must not be chunked.
      assert.equal(stream.res.headers.get('transfer-encoding'), null);
      assert.equal(stream.res.headers.get('connection'), 'close');
      assert.deepEqual(await stream.next(), { event: 'unread', id: null, data: { count: 1 } });

      await send(t.deps.db, handler2!, 'stream:other', '别人的通知');
      const [id] = await send(t.deps.db, handler1!, 'stream:1', '新的督办提醒');
      const event = await stream.next();
      assert.deepEqual(event, {
        event: 'notification',
        id: String(id),
        data: { id, title: '新的督办提醒', link: '/x', kind: 'test', createdAt: t.clock.now().toISOString() },
      });

      // Another process's pool: on PostgreSQL this arrives through LISTEN/NOTIFY, on SQLite by polling.
      const peer = await openPeerDatabase(t.database);
      try {
        const [peerId] = await send(peer.db, handler1!, 'stream:peer', '另一进程写入的通知');
        const fromPeer = await stream.next();
        assert.equal(fromPeer.id, String(peerId));
        assert.equal((fromPeer.data as { title: string }).title, '另一进程写入的通知');
      } finally {
        await peer.close();
      }
      assert.deepEqual(stream.events, [], 'nothing else: not the other person’s notification');
    } finally {
      stream.close();
      await stream.pump;
    }
  });

  test('a reconnect with Last-Event-ID replays what was missed', async () => {
    const { handler1 } = org.users;
    const [seen] = await send(t.deps.db, handler1!, 'stream:seen', '已收到');
    const [missed] = await send(t.deps.db, handler1!, 'stream:missed', '断线期间的通知');
    const stream = await openStream(`${base}/api/notify/stream`, { cookie, 'last-event-id': String(seen) });
    try {
      assert.equal((await stream.next()).event, 'unread');
      const replayed = await stream.next();
      assert.equal(replayed.id, String(missed));
    } finally {
      stream.close();
      await stream.pump;
    }
  });

  test('closing the app ends open streams instead of waiting for them', async () => {
    const stream = await openStream(`${base}/api/notify/stream`, { cookie });
    assert.equal((await stream.next()).event, 'unread');
    await t.app.close();
    await stream.pump;
  });
});
