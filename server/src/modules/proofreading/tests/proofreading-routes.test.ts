import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../../../test-support/app.js';
import { TEST_DB } from '../../../test-support/database.js';
import { PASSWORD, seedOrg } from '../../../test-support/org.js';

describe(`proofreading over HTTP [${TEST_DB}]`, () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
    await seedOrg(t);
  });
  after(() => t.close());

  test('findings with ranges and Chinese messages; fix applies only certain corrections', async () => {
    const c = t.client();
    await c.login('handler1', PASSWORD);
    const text = '要有针对性的加以改正,认真抓好落实。';
    const res = await c.post('/api/proofread', { text });
    assert.equal(res.statusCode, 200);
    const { findings } = res.json<{
      findings: { ruleId: string; start: number; end: number; message: string; replacement?: string }[];
    }>();
    const comma = findings.find((f) => f.ruleId === 'punct.halfwidth');
    assert.ok(comma, JSON.stringify(findings));
    assert.equal(text.slice(comma.start, comma.end), ',');
    assert.match(comma.message, /GB\/T 15834/);
    assert.ok(
      findings.some((f) => f.ruleId === 'typo.de-di-de' && f.replacement === undefined),
      '的/地 is for a person to confirm',
    );
    const fixed = (await c.post('/api/proofread/fix', { text })).json<{ text: string }>();
    assert.equal(fixed.text, '要有针对性的加以改正，认真抓好落实。');
  });

  test('administrators are refused; anonymous callers must sign in; bad options name the field', async () => {
    const admin = t.client();
    await admin.login('auditadmin', PASSWORD);
    assert.equal((await admin.post('/api/proofread', { text: '测试。' })).statusCode, 403);
    assert.equal(
      (await t.client().post('/api/proofread', { text: '测试。' })).statusCode,
      403,
      'no CSRF cookie yet',
    );
    const anon = t.client();
    await anon.get('/api/session');
    assert.equal((await anon.post('/api/proofread', { text: '测试。' })).statusCode, 401);
    const c = t.client();
    await c.login('handler1', PASSWORD);
    const bad = await c.post('/api/proofread', { text: '测试。', options: { date: '2026/3/1' } });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json<{ message: string }>().message, /date：应为 YYYY-MM-DD/);
  });
});
