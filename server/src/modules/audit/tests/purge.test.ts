import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../../../test-support/app.js';
import { allowTampering } from '../../../test-support/audit.js';
import { TEST_DB } from '../../../test-support/database.js';
import { writeCheckpoint } from '../checkpoint.js';
import { purgeAudit } from '../purge.js';
import { recordAudit } from '../record.js';
import { verifyAuditTrail } from '../verify.js';

describe(`audit purge [${TEST_DB}]`, () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  const write = async (at: string, count: number) => {
    t.clock.set(at);
    for (let i = 0; i < count; i++) {
      t.clock.advanceMinutes(1);
      await t.deps.db
        .transaction()
        .execute((trx) =>
          recordAudit(trx, t.ctx(), { action: 'test.event', objectType: 'test', objectId: i }),
        );
    }
  };
  const seqs = async () =>
    (await t.deps.db.selectFrom('audit_log').select('seq').orderBy('seq').execute()).map((r) => r.seq);
  const verify = () => verifyAuditTrail(t.deps.db, t.deps.keys);

  test('rows younger than 183 days are refused; older ones go, and the trail still verifies', async () => {
    // Rows dated long before the database's own clock, so the PostgreSQL trigger's age check agrees.
    await write('2024-01-10T00:00:00.000Z', 5);
    assert.ok(await writeCheckpoint(t.deps.db, t.ctx()));
    await write('2024-04-10T00:00:00.000Z', 3);
    assert.ok(await writeCheckpoint(t.deps.db, t.ctx()));

    t.clock.set('2024-09-01T00:00:00.000Z');
    await assert.rejects(purgeAudit(t.deps.db, t.ctx(), '2024-04-01'), (e: Error & { code?: string }) => {
      assert.equal(e.code, 'VALIDATION_FAILED');
      assert.match(e.message, /至少保留 183 天，截止日期不能晚于 2024-03-02/);
      return true;
    });
    await assert.rejects(purgeAudit(t.deps.db, t.ctx(), '1 March'), /YYYY-MM-DD/);
    assert.deepEqual(await seqs(), [1, 2, 3, 4, 5, 6, 7, 8]);

    const lastPurged = await t.deps.db
      .selectFrom('audit_log')
      .select('hash')
      .where('seq', '=', 5)
      .executeTakeFirstOrThrow();
    const first = await purgeAudit(t.deps.db, t.ctx(), '2024-02-01');
    assert.deepEqual(first, { rows: 5, upToSeq: 5, before: '2024-02-01T00:00:00.000Z' });
    assert.deepEqual(await seqs(), [6, 7, 8, 9]);
    const record = await t.deps.db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '=', 9)
      .executeTakeFirstOrThrow();
    assert.equal(record.action, 'audit.purge');
    const { mac, ...facts } = JSON.parse(record.changes) as { mac: string };
    assert.deepEqual(facts, {
      before: '2024-02-01T00:00:00.000Z',
      rows: 5,
      upToSeq: 5,
      headHash: lastPurged.hash,
      purgedTotal: 5,
    });
    assert.match(mac, /^[0-9a-f]{64}$/);
    // The checkpoint over rows 1–5 keeps only its MAC to check; the one at row 8 still counts all 8.
    assert.deepEqual(await verify(), { ok: true, rows: 4, checkpoints: 2, firstBad: null });

    // A second purge moves the boundary past the first; the newest row always stays.
    t.clock.set('2025-01-01T00:00:00.000Z');
    assert.equal((await purgeAudit(t.deps.db, t.ctx(), '2024-06-01')).rows, 3);
    assert.equal((await purgeAudit(t.deps.db, t.ctx(), '2024-06-01')).rows, 0);
    assert.deepEqual(await seqs(), [9, 10, 11]);
    const cp = await writeCheckpoint(t.deps.db, t.ctx());
    assert.deepEqual([cp?.head_seq, cp?.row_count], [11, 11], 'rows ever written, purged ones included');
    assert.deepEqual(await verify(), { ok: true, rows: 3, checkpoints: 3, firstBad: null });

    // Deleting beyond what the last purge vouches for is still caught.
    await allowTampering(t.deps.db);
    await t.deps.db.deleteFrom('audit_log').where('seq', '=', 9).execute();
    const result = await verify();
    assert.equal(result.firstBad?.seq, 10);
    assert.match(result.firstBad?.reason ?? '', /与最近一次清理（清理至第 8 条）不衔接/);
    await assert.rejects(purgeAudit(t.deps.db, t.ctx(), '2024-06-01'), /校验未通过.*不能清理/);
  });
});
