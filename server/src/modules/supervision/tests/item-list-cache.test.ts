import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../app.js';
import { openDatabase, type Database } from '../../../platform/db/database.js';
import { startTestApp, type TestApp } from '../../../test-support/app.js';
import { TestClient } from '../../../test-support/client.js';
import { TEST_DB } from '../../../test-support/database.js';
import { openPeerDatabase } from '../../../test-support/jobs.js';
import { PASSWORD, seedOrg, type TestOrg } from '../../../test-support/org.js';
import { assignedItem, assignmentOf, instruction, ok } from './helpers.js';

interface Listed {
  total: number;
  items: {
    id: number;
    title: string;
    light: string;
    responsibleLeader: { id: number; name: string } | null;
    departments: { departmentId: number; status: string }[];
  }[];
}

/**
 * The list route sends a page it built before until something the page shows may have moved (0023's
 * versions, the day, the calendar, the warning days, a leader's name): every such change shows at once,
 * on this server and on another one sharing the database.
 */
describe(`item list kept between changes [${TEST_DB}]`, () => {
  let t: TestApp;
  let org: TestOrg;
  let peer: Database;
  let peerApp: FastifyInstance;
  const c: Record<string, TestClient> = {};
  let itemId: number;

  const signIn = async (login: string, app?: FastifyInstance) => {
    const client = app ? new TestClient(app) : t.client();
    assert.equal((await client.login(login, PASSWORD)).statusCode, 200);
    return client;
  };
  const list = async (who: string, query = 'pageSize=20') => {
    const res = await c[who]!.get(`/api/items?${query}`);
    assert.equal(res.statusCode, 200, res.body);
    assert.match(String(res.headers['content-type']), /^application\/json; charset=utf-8/);
    return res.json<Listed>();
  };
  const listed = async (who: string, query?: string) => {
    const found = (await list(who, query)).items.find((i) => i.id === itemId);
    assert.ok(found, `${who} lists item ${itemId}`);
    return found;
  };

  before(async () => {
    t = await startTestApp();
    org = await seedOrg(t);
    // Another server on the same database: its own connection and its own kept pages.
    peer =
      t.database.dialect === 'sqlite' ? openDatabase(t.database.url) : await openPeerDatabase(t.database);
    peerApp = await buildApp({ ...t.deps, database: peer, db: peer.db }, { serveWeb: false });
    await peerApp.ready();
    for (const login of ['supervisor', 'leader', 'handler1', 'handler2', 'sysadmin'])
      c[login] = await signIn(login);
    c.peerHandler2 = await signIn('handler2', peerApp);
    const item = await assignedItem(
      c.supervisor!,
      c.leader!,
      instruction('推进重点项目建设', { responsibleLeaderId: org.users.leader }),
      [
        { departmentId: org.departments.first, role: 'lead', deadline: '2026-03-16' },
        { departmentId: org.departments.second, role: 'assist', deadline: '2026-03-16' },
      ],
    );
    itemId = item.id;
  });
  after(async () => {
    await peerApp.close();
    if (t.database.dialect === 'postgres') await peer.close();
    await t.close();
  });

  test('the same request twice gives the same page; each department keeps its own', async () => {
    const first = await c.handler1!.get('/api/items?pageSize=20');
    const again = await c.handler1!.get('/api/items?pageSize=20');
    assert.equal(again.body, first.body);
    assert.equal((await list('handler2')).total, 1);
    // A handler asking for another department's items gets none, however the pages are kept.
    assert.equal((await list('handler2', `departmentId=${org.departments.first}`)).total, 0);
    assert.equal((await list('handler1', `departmentId=${org.departments.first}`)).total, 1);
  });

  test('a write on another server shows at once in every list that holds the item', async () => {
    for (const who of ['handler1', 'supervisor']) await listed(who);
    await listed('supervisor', `departmentId=${org.departments.first}`);
    const detail = ok(await c.peerHandler2!.get(`/api/items/${itemId}`));
    const own = assignmentOf(detail, org.departments.second);
    ok(await c.peerHandler2!.post(`/api/assignments/${own.id}/acknowledge`, { version: own.version }));
    for (const [who, query] of [
      ['handler1', undefined],
      ['supervisor', undefined],
      ['supervisor', `departmentId=${org.departments.first}`],
    ] as const) {
      const item = await listed(who, query);
      const second = item.departments.find((d) => d.departmentId === org.departments.second);
      assert.equal(second?.status, 'acknowledged', `${who} ${query ?? ''}`);
    }
  });

  test("a leader's new name, the warning days, the calendar and the next days' lights show at once", async () => {
    assert.equal((await listed('handler1')).responsibleLeader?.name, 'leader');
    const user = await c.sysadmin!.get(`/api/users/${org.users.leader}`);
    const edit = await c.sysadmin!.patch(`/api/users/${org.users.leader}`, {
      name: '陈志刚',
      version: user.json<{ version: number }>().version,
    });
    assert.equal(edit.statusCode, 200, edit.body);
    assert.equal((await listed('handler1')).responsibleLeader?.name, '陈志刚');

    assert.equal((await listed('handler1')).light, 'green');
    const settings = (await c.sysadmin!.get('/api/supervision/settings')).json<Record<string, unknown>>();
    const put = await c.sysadmin!.put('/api/supervision/settings', { ...settings, warnDays: 12 });
    assert.equal(put.statusCode, 200, put.body);
    assert.equal((await listed('handler1')).light, 'yellow');
    const back = await c.sysadmin!.put('/api/supervision/settings', {
      ...settings,
      warnDays: 3,
      version: put.json<{ version: number }>().version,
    });
    assert.equal(back.statusCode, 200, back.body);
    assert.equal((await listed('handler1')).light, 'green');

    // The working days before the 16th made holidays: the deadline is one working day away.
    for (const day of ['03', '04', '05', '06', '09', '10', '11', '12', '13']) {
      const set = await c.sysadmin!.put(`/api/calendar/days/2026-03-${day}`, {
        kind: 'holiday',
        name: '临时调整',
      });
      assert.equal(set.statusCode, 204, set.body);
    }
    assert.equal((await listed('handler1')).light, 'yellow');

    t.clock.set('2026-03-17T01:00:00.000Z');
    c.handler1 = await signIn('handler1');
    assert.equal((await listed('handler1')).light, 'red');
    assert.equal((await listed('handler1', 'light=red')).light, 'red');
  });
});
