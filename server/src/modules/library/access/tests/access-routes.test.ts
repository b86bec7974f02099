import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import type { TestClient } from '../../../../test-support/client.js';
import { TEST_DB } from '../../../../test-support/database.js';
import { postFile, startFilesTestApp, type FilesTestApp } from '../../../../test-support/files.js';
import { PASSWORD, seedOrg } from '../../../../test-support/org.js';
import { createUser } from '../../../identity/index.js';
import { draft } from '../../materials/tests/fixture.js';
import { ok, refused, type Grant } from './fixture.js';

/** A published member material; only its body, key points and attachment carry `phrase`. */
interface Seeded {
  id: number;
  phrase: string;
  attachmentId: number;
  bytes: Buffer;
}

interface Window {
  tier: string;
  runStart: string | null;
  runEnd: string | null;
  earliestContentOn: string | null;
}

interface Hit {
  materialId: number;
  locked: boolean;
  snippet: { text: string } | null;
}

const MAX = 64 * 1024;

describe(`library access through the reader, search and download routes at the edges [${TEST_DB}]`, () => {
  let t: FilesTestApp;
  let memberId: number;
  let yearly: number;
  let m: Record<'dayOver' | 'exact' | 'renewDayOver' | 'renewEdge', Seeded>;

  const as = async (login: string): Promise<TestClient> => {
    // The clock moves by years: passwords (90 days) and sessions would otherwise have expired.
    await t.deps.db.updateTable('users').set({ password_changed_at: t.clock.now().toISOString() }).execute();
    const c = t.client();
    assert.equal((await c.login(login, PASSWORD)).statusCode, 200);
    return c;
  };

  /** The editor writes, attaches and publishes a member material with the clock at `at`. */
  const publishAt = async (at: string, title: string, phrase: string): Promise<Seeded> => {
    t.clock.set(at);
    const editor = await as('editor');
    const body = `一、总体情况\n${phrase}，这是本篇独有的表述。\n二、下一步打算\n继续抓好落实。`;
    const created = ok<{ id: number; version: number }>(
      await editor.post(
        '/api/library/editor/materials',
        draft({ title, body, headings: [0, 2], keyPoints: [`要点：${phrase}`] }),
      ),
      201,
    );
    const bytes = Buffer.from(`附件正文：${phrase}。\n`, 'utf8');
    const attachment = ok<{ id: number }>(
      await postFile(editor, `/api/library/editor/materials/${created.id}/attachments`, '全文.txt', bytes),
      201,
    );
    ok(
      await editor.post(`/api/library/editor/materials/${created.id}/publish`, { version: created.version }),
    );
    return { id: created.id, phrase, attachmentId: attachment.id, bytes };
  };

  /** The member orders the yearly plan and the administrator confirms the payment, at `at`. */
  const buyYearly = async (at: string): Promise<Grant> => {
    t.clock.set(at);
    const member = await as('member');
    const order = ok<{ id: number; version: number; amountCents: number }>(
      await member.post('/api/library/orders', { planId: yearly }),
      201,
    );
    const admin = await as('sysadmin');
    ok(
      await admin.post(`/api/library/orders/${order.id}/confirm`, {
        version: order.version,
        paidCents: order.amountCents,
        reference: `WX${order.id}`,
      }),
    );
    const { grants } = ok<{ grants: Grant[] }>(await member.get('/api/library/membership'));
    const grant = grants.find((g) => g.source === 'paid' && g.startsAt >= at);
    assert.ok(grant);
    return grant;
  };

  const windowAt = async (at: string): Promise<Window> => {
    t.clock.set(at);
    return ok<{ window: Window }>(await (await as('member')).get('/api/library/membership')).window;
  };

  /**
   * What the member gets of `s` at `at` from every route that could show its text: the reader, the
   * latest list, search by its own phrase, the attachment list and the download. All must agree; when
   * closed, no response carries the phrase.
   */
  const expectAccess = async (s: Seeded, at: string, open: boolean, why: string) => {
    t.clock.set(at);
    const member = await as('member');
    const reader = await member.get(`/api/library/materials/${s.id}`);
    const list = await member.get('/api/library/materials?pageSize=100');
    const search = await member.get(`/api/library/search?q=${encodeURIComponent(s.phrase)}`);
    const files = await member.get(`/api/library/materials/${s.id}/attachments`);
    const download = await member.get(`/api/library/attachments/${s.attachmentId}/download`);

    const read = ok<{ locked: boolean; paragraphs?: string[]; keyPoints?: string[] }>(reader);
    assert.equal(read.locked, !open, `reader: ${why}`);
    const listed = ok<{ items: { id: number; locked: boolean }[] }>(list).items.find((i) => i.id === s.id);
    assert.equal(listed?.locked, !open, `list: ${why}`);
    const hits = ok<{ results: Hit[] }>(search).results.filter((h) => h.materialId === s.id);
    assert.equal(hits.length, 1, `search finds it, open or not: ${why}`);
    assert.equal(hits[0]?.locked, !open, `search: ${why}`);
    const attachments = ok<{ attachments: { id: number; locked: boolean }[] }>(files).attachments;
    assert.deepEqual(
      attachments.map((a) => [a.id, a.locked]),
      [[s.attachmentId, !open]],
      `attachments: ${why}`,
    );

    if (open) {
      assert.ok(
        read.paragraphs?.some((p) => p.includes(s.phrase)),
        `full text: ${why}`,
      );
      assert.deepEqual(read.keyPoints, [`要点：${s.phrase}`]);
      assert.ok(hits[0]?.snippet?.text.includes(s.phrase), `snippet: ${why}`);
      assert.equal(download.statusCode, 200, download.body);
      assert.deepEqual(download.rawPayload, s.bytes);
      return;
    }
    assert.equal(read.paragraphs, undefined, `teaser only: ${why}`);
    assert.equal(read.keyPoints, undefined);
    assert.equal(hits[0]?.snippet, null, `no snippet: ${why}`);
    refused(download, 403, 'MEMBERSHIP_REQUIRED');
    const leaks = (res: LightMyRequestResponse) => res.rawPayload.toString('utf8').includes(s.phrase);
    for (const [route, res] of Object.entries({ reader, list, search, files, download }))
      assert.ok(!leaks(res), `${route} reveals the body of a closed material: ${why}`);
  };

  before(async () => {
    t = await startFilesTestApp(MAX);
    const org = await seedOrg(t);
    memberId = org.users.member ?? 0;
    await t.deps.db.transaction().execute((trx) =>
      createUser(trx, t.ctx(), {
        login: 'editor',
        name: '资料编辑',
        departmentId: null,
        roles: ['editor'],
        password: PASSWORD,
      }),
    );
    m = {
      // Published at 09:00 Beijing time, the hour the member's first run starts.
      dayOver: await publishAt('2023-03-01T01:00:00.000Z', '三年零一天前的讲话', '铁面无私秉公执纪'),
      exact: await publishAt('2023-03-02T01:00:00.000Z', '整三年前的讲话', '春风化雨润物无声'),
      // Published at 10:00 Beijing time, the hour the renewed run starts.
      renewDayOver: await publishAt('2024-05-31T02:00:00.000Z', '续期窗口前一天的总结', '踏石留印抓铁有痕'),
      renewEdge: await publishAt('2024-06-01T02:00:00.000Z', '续期窗口首日的总结', '一张蓝图绘到底'),
    };
    t.clock.set('2026-03-01T00:00:00.000Z');
    const admin = await as('sysadmin');
    yearly = ok<{ id: number }>(
      await admin.post('/api/library/plans', {
        name: '年度会员',
        tier: 'member',
        periodUnit: 'month',
        periodCount: 12,
        backYears: 3,
        priceCents: 36_000,
        active: true,
      }),
      201,
    ).id;
  });
  after(() => t.close());

  test('without a grant every member material is a locked teaser on every route', async () => {
    for (const s of Object.values(m)) await expectAccess(s, '2026-03-01T12:00:00.000Z', false, 'no grant');
  });

  test('a member reads, finds and downloads a material published exactly 3 years before the run began', async () => {
    const grant = await buyYearly('2026-03-02T01:00:00.000Z');
    assert.deepEqual(
      [grant.startsAt, grant.endsAt],
      ['2026-03-02T01:00:00.000Z', '2027-03-02T01:00:00.000Z'],
    );
    assert.equal((await windowAt('2026-05-01T00:00:00.000Z')).earliestContentOn, '2023-03-02');
    await expectAccess(m.exact, '2026-05-01T00:00:00.000Z', true, 'exactly 3 years back');
    await expectAccess(m.renewEdge, '2026-05-01T00:00:00.000Z', true, 'within the back catalogue');
  });

  test('3 years and 1 day before the run began: teaser only, locked hit without snippet, download refused', async () => {
    await expectAccess(m.dayOver, '2026-05-01T00:00:00.000Z', false, '3 years and 1 day back');
  });

  test('the grant’s last instant still opens the text; its end closes every route', async () => {
    await expectAccess(m.exact, '2027-03-02T00:59:59.999Z', true, 'last instant of the grant');
    await expectAccess(m.exact, '2027-03-02T01:00:00.000Z', false, 'the grant’s end');
    await expectAccess(m.renewEdge, '2027-03-02T01:00:00.000Z', false, 'the grant’s end');
    assert.equal((await windowAt('2027-03-02T01:00:00.000Z')).tier, 'free');
  });

  test('renewed after a lapse: the run restarts, so the window moves to 3 years before the renewal', async () => {
    await expectAccess(m.renewEdge, '2027-05-31T00:00:00.000Z', false, 'lapsed');
    const grant = await buyYearly('2027-06-01T02:00:00.000Z');
    assert.equal(grant.startsAt, '2027-06-01T02:00:00.000Z', 'a lapsed member’s grant starts on payment');
    const window = await windowAt('2027-07-01T00:00:00.000Z');
    assert.equal(window.runStart, '2027-06-01T02:00:00.000Z');
    assert.equal(window.earliestContentOn, '2024-06-01');
    await expectAccess(m.renewEdge, '2027-07-01T00:00:00.000Z', true, 'exactly 3 years before the renewal');
    await expectAccess(m.renewDayOver, '2027-07-01T00:00:00.000Z', false, 'a day before the new window');
    await expectAccess(m.exact, '2027-07-01T00:00:00.000Z', false, 'reachable in the earlier run only');
  });

  test('a grant bought during the run stacks after it: no gap at the seam and the window stays put', async () => {
    const stacked = await buyYearly('2027-12-01T02:00:00.000Z');
    assert.deepEqual(
      [stacked.startsAt, stacked.endsAt],
      ['2028-06-01T02:00:00.000Z', '2029-06-01T02:00:00.000Z'],
    );
    await expectAccess(m.renewEdge, '2028-06-01T01:59:59.999Z', true, 'last instant of the first grant');
    await expectAccess(m.renewEdge, '2028-06-01T02:00:00.000Z', true, 'first instant of the stacked grant');
    const window = await windowAt('2028-06-01T02:00:00.000Z');
    assert.deepEqual(window, {
      tier: 'member',
      runStart: '2027-06-01T02:00:00.000Z',
      runEnd: '2029-06-01T02:00:00.000Z',
      earliestContentOn: '2024-06-01',
    });
    await expectAccess(
      m.renewDayOver,
      '2028-06-01T02:00:00.000Z',
      false,
      'the stacked year reaches no further back',
    );
  });

  test('a revoked grant closes every route from the revocation on', async () => {
    await expectAccess(m.renewEdge, '2028-09-01T01:59:59.999Z', true, 'before the revocation');
    t.clock.set('2028-09-01T02:00:00.000Z');
    const admin = await as('sysadmin');
    const { items } = ok<{ items: { id: number }[] }>(
      await admin.get(`/api/library/grants?memberId=${memberId}&active=1`),
    );
    assert.equal(items.length, 1, 'only the stacked grant is in force');
    ok(await admin.post(`/api/library/grants/${items[0]?.id}/revoke`, { reason: '账号外借他人使用' }));
    await expectAccess(m.renewEdge, '2028-09-01T02:00:00.000Z', false, 'revoked');
    await expectAccess(m.renewEdge, '2029-01-01T00:00:00.000Z', false, 'revoked, before the grant’s own end');
    assert.equal((await windowAt('2028-09-01T02:00:00.000Z')).tier, 'free');
  });
});
