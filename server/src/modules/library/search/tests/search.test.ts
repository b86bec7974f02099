import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { startTestApp, type TestApp } from '../../../../test-support/app.js';
import type { TestClient } from '../../../../test-support/client.js';
import { TEST_DB } from '../../../../test-support/database.js';
import { PASSWORD, seedOrg } from '../../../../test-support/org.js';
import { indexMaterial, indexMaterials, unindexMaterial, type SearchDocument } from '../index.js';

interface Result {
  materialId: number;
  title: string;
  titleMarks: { start: number; length: number }[];
  locked: boolean;
  topics: string[];
  snippet: { text: string; marks: { start: number; length: number }[]; cutBefore: boolean } | null;
}
interface Page {
  total: number;
  approximate: boolean;
  results: Result[];
}

const ok = (res: LightMyRequestResponse): Page => {
  assert.equal(res.statusCode, 200, res.body);
  return res.json<Page>();
};
const marked = (s: { text: string; marks: { start: number; length: number }[] }) =>
  s.marks.map((m) => s.text.slice(m.start, m.start + m.length));

const doc = (materialId: number, fields: Partial<SearchDocument>): SearchDocument => ({
  materialId,
  title: `资料${materialId}`,
  body: '',
  notes: '',
  type: '讲话',
  topics: [],
  tier: 'free',
  publishedAt: '2026-02-01T02:00:00.000Z',
  ...fields,
});

const docs: SearchDocument[] = [
  doc(1, {
    title: '关于推动人工智能产业发展的讲话',
    body: '同志们：\n今年以来，我们大力推动人工智能产业发展，取得了明显成效。\n下一步要继续加强党的建设。',
    topics: ['主题教育'],
    publishedAt: '2026-01-10T02:00:00.000Z',
  }),
  doc(2, {
    title: '基层治理工作总结',
    body: '一是加强人工，智能化改造稳步推进。二是党员干部带头。',
    type: '总结',
    topics: ['纪律教育'],
    publishedAt: '2026-02-10T02:00:00.000Z',
  }),
  doc(3, {
    title: '对照检查材料',
    body: '对照党章党规，查摆问题。GDP增长5%。',
    notes: '导读：智能时代的对照检查',
    type: '对照检查材料',
    tier: 'member',
    topics: ['组织生活会', '主题教育'],
    publishedAt: '2026-02-20T02:00:00.000Z',
  }),
  doc(4, { title: '心得体会', body: '党', type: '心得体会', publishedAt: '2026-02-25T02:00:00.000Z' }),
];

describe(`library search: exact Chinese substring search, snippets, locked teasers, filters [${TEST_DB}]`, () => {
  let t: TestApp;
  const c: Record<string, TestClient> = {};
  const search = async (login: string, query: string) =>
    ok(await c[login]!.get(`/api/library/search?${query}`));
  const ids = (page: Page) => page.results.map((r) => r.materialId).sort();

  before(async () => {
    t = await startTestApp();
    await seedOrg(t);
    await t.deps.db.transaction().execute(async (trx) => {
      for (const d of docs) await indexMaterial(trx, d);
    });
    for (const login of ['member', 'handler1', 'sysadmin']) {
      c[login] = t.client();
      assert.equal((await c[login].login(login, PASSWORD)).statusCode, 200);
    }
  });
  after(() => t.close());

  test('a two-character word inside a longer word is found (智能 in 人工智能)', async () => {
    const page = await search('handler1', `q=${encodeURIComponent('智能')}`);
    assert.deepEqual(ids(page), [1, 2, 3]);
    assert.equal(page.total, 3);
  });

  test('a query never matches across punctuation', async () => {
    // Material 2 reads 人工，智能: neither 工智 nor 人工智能 stands in it.
    assert.deepEqual(ids(await search('handler1', `q=${encodeURIComponent('人工智能')}`)), [1]);
    assert.deepEqual(ids(await search('handler1', `q=${encodeURIComponent('工智')}`)), [1]);
    assert.deepEqual(ids(await search('handler1', `q=${encodeURIComponent('建设下一')}`)), []);
  });

  test('one-character queries work, including a character standing alone', async () => {
    assert.deepEqual(ids(await search('handler1', `q=${encodeURIComponent('党')}`)), [1, 2, 3, 4]);
  });

  test('several terms must all be there; Latin words ignore case', async () => {
    assert.deepEqual(ids(await search('handler1', `q=${encodeURIComponent('党 人工智能')}`)), [1]);
    assert.deepEqual(ids(await search('handler1', `q=gdp`)), [3]);
  });

  test('snippets show the original text with the match marked', async () => {
    const [hit] = (await search('handler1', `q=${encodeURIComponent('人工智能')}`)).results;
    assert.ok(hit?.snippet);
    assert.equal(hit.snippet.text, '今年以来，我们大力推动人工智能产业发展，取得了明显成效。');
    assert.deepEqual(marked(hit.snippet), ['人工智能']);
    assert.equal(hit.snippet.cutBefore, true);
    assert.deepEqual(
      hit.titleMarks.map((m) => hit.title.slice(m.start, m.start + m.length)),
      ['人工智能'],
    );
  });

  test('the title hit ranks first', async () => {
    const both = await search('handler1', `q=${encodeURIComponent('智能')}`);
    assert.equal(both.results[0]?.materialId, 1);
  });

  test('results the reader may not open are locked teasers without any text', async () => {
    const res = await c.member!.get(`/api/library/search?q=${encodeURIComponent('查摆问题')}`);
    const [hit] = ok(res).results;
    assert.equal(hit?.materialId, 3);
    assert.equal(hit.locked, true);
    assert.equal(hit.snippet, null);
    assert.ok(!res.body.includes('党章党规'), 'no body text in a locked result');
    assert.ok(!res.body.includes('智能时代'), 'no notes text in a locked result');
    const open = (await search('member', `q=${encodeURIComponent('人工智能')}`)).results[0];
    assert.equal(open?.locked, false);
    assert.ok(open.snippet);
  });

  test('filters: type, topic, tier and publish dates (Beijing days)', async () => {
    const q = `q=${encodeURIComponent('党')}`;
    assert.deepEqual(ids(await search('handler1', `${q}&type=${encodeURIComponent('总结')}`)), [2]);
    assert.deepEqual(ids(await search('handler1', `${q}&topic=${encodeURIComponent('主题教育')}`)), [1, 3]);
    assert.deepEqual(ids(await search('handler1', `${q}&tier=member`)), [3]);
    assert.deepEqual(ids(await search('handler1', `${q}&from=2026-02-10&to=2026-02-20`)), [2, 3]);
    assert.deepEqual(ids(await search('handler1', `${q}&to=2026-01-31`)), [1]);
  });

  test('a new version replaces the old text; a withdrawn material is gone', async () => {
    await t.deps.db.transaction().execute(async (trx) => {
      await indexMaterial(trx, doc(5, { title: '旧标题', body: '第一版正文说乡村振兴' }));
      await indexMaterial(trx, doc(5, { title: '新标题', body: '第二版正文说共同富裕' }));
    });
    assert.deepEqual(ids(await search('handler1', `q=${encodeURIComponent('乡村振兴')}`)), []);
    assert.deepEqual(ids(await search('handler1', `q=${encodeURIComponent('共同富裕')}`)), [5]);
    await t.deps.db.transaction().execute((trx) => unindexMaterial(trx, 5));
    assert.deepEqual(ids(await search('handler1', `q=${encodeURIComponent('共同富裕')}`)), []);
  });

  test('the bulk form indexes many at once; the last version of a material given wins', async () => {
    await t.deps.db
      .transaction()
      .execute((trx) =>
        indexMaterials(trx, [
          doc(8, { body: '批量一：营商环境' }),
          doc(9, { body: '批量二：营商环境' }),
          doc(8, { body: '批量三：生态环境' }),
        ]),
      );
    assert.deepEqual(ids(await search('handler1', `q=${encodeURIComponent('营商环境')}`)), [9]);
    assert.deepEqual(ids(await search('handler1', `q=${encodeURIComponent('生态环境')}`)), [8]);
  });

  test('similar materials share keywords; closed ones come locked; unknown ones are 404', async () => {
    await t.deps.db.transaction().execute(async (trx) => {
      const text = '乡村振兴战略 农业农村现代化 乡村振兴 高标准农田 粮食安全';
      await indexMaterial(trx, doc(6, { title: '乡村振兴讲话', body: text }));
      await indexMaterial(trx, doc(7, { title: '乡村振兴方案', body: text, tier: 'member' }));
    });
    const res = await c.member!.get('/api/library/materials/6/similar');
    assert.equal(res.statusCode, 200, res.body);
    const items = res.json<{ items: { materialId: number; locked: boolean }[] }>().items;
    assert.deepEqual(items[0], { ...items[0], materialId: 7, locked: true });
    assert.equal((await c.member!.get('/api/library/materials/999/similar')).statusCode, 404);
  });

  test('at most five similar materials, the locked ones with title, type and date only', async () => {
    const text = '党风廉政建设 全面从严治党 廉洁自律 监督执纪 作风建设';
    await t.deps.db.transaction().execute(async (trx) => {
      for (let id = 20; id < 28; id++)
        await indexMaterial(
          trx,
          doc(id, { title: `廉政建设材料${id}`, body: text, tier: id % 2 === 0 ? 'member' : 'free' }),
        );
    });
    const res = await c.member!.get('/api/library/materials/20/similar');
    assert.equal(res.statusCode, 200, res.body);
    const items = res.json<{ items: Record<string, unknown>[] }>().items;
    assert.equal(items.length, 5);
    assert.ok(!items.some((s) => s.materialId === 20), 'never the material itself');
    const locked = items.filter((s) => s.locked);
    assert.ok(locked.length > 0);
    for (const s of locked)
      assert.deepEqual(Object.keys(s).sort(), [
        'locked',
        'materialId',
        'publishedAt',
        'tier',
        'title',
        'type',
      ]);
    assert.doesNotMatch(res.body, /全面从严治党/);
  });

  test('an empty query is refused with a Chinese message; administrators take no part', async () => {
    const res = await c.handler1!.get(`/api/library/search?q=${encodeURIComponent('，。')}`);
    assert.equal(res.statusCode, 400);
    assert.match(res.json<{ message: string }>().message, /检索词/);
    assert.equal((await c.sysadmin!.get('/api/library/search?q=abc')).statusCode, 403);
    assert.equal((await t.client().get('/api/library/search?q=abc')).statusCode, 401);
  });
});

describe(`library search: near misses of the index never hide older exact hits [${TEST_DB}]`, () => {
  let t: TestApp;
  let reader: TestClient;

  before(async () => {
    t = await startTestApp();
    await seedOrg(t);
    // 130 newer materials hold every bigram of 数字乡村 (文字乡土 gives 字乡) but never the phrase: on
    // PostgreSQL the index returns them all, more than the newest-hits window of 120.
    const nearMisses = Array.from({ length: 130 }, (_, i) =>
      doc(1_000 + i, { body: '数字化建设稳步推进，文字乡土气息浓厚，乡村振兴成效明显。' }),
    );
    await t.deps.db.transaction().execute(async (trx) => {
      await indexMaterial(trx, doc(999, { body: '今年以来，我们扎实推进数字乡村建设。' }));
      await indexMaterials(trx, nearMisses);
    });
    reader = t.client();
    assert.equal((await reader.login('handler1', PASSWORD)).statusCode, 200);
  });
  after(() => t.close());

  test('the exact hit behind a window of near misses is found and counted', async () => {
    const page = ok(await reader.get(`/api/library/search?q=${encodeURIComponent('数字乡村')}`));
    assert.deepEqual(
      page.results.map((r) => r.materialId),
      [999],
    );
    assert.equal(page.total, 1);
    assert.equal(page.approximate, false);
  });
});
