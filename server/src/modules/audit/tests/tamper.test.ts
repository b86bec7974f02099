import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TestClock } from '../../../platform/clock.js';
import { loadConfig } from '../../../platform/config.js';
import type { Ctx } from '../../../platform/context.js';
import type { Db } from '../../../platform/db/schema.js';
import { deriveKeys } from '../../../platform/keys.js';
import { trailCopies, type Exec, type TrailCopies } from '../../../test-support/audit.js';
import { TEST_DB } from '../../../test-support/database.js';
import { writeCheckpoint } from '../checkpoint.js';
import { chainHash, contentOf, type AuditContent } from '../hash.js';
import { recordAudit } from '../record.js';
import { verifyAuditTrail } from '../verify.js';

const keys = deriveKeys(Buffer.alloc(32, 7));
const clock = new TestClock();
const ctx: Ctx = { actor: null, clientIp: '10.0.0.1', clock, keys, config: loadConfig({}) };

/** 25 rows, with checkpoints taken after rows 10 and 20; rows 21–25 are not yet checkpointed. */
async function build(db: Db): Promise<void> {
  clock.set('2026-03-02T01:00:00.000Z');
  for (let n = 1; n <= 25; n++) {
    clock.advanceMinutes(1);
    await db
      .transaction()
      .execute((trx) =>
        recordAudit(trx, ctx, { action: 'test.event', objectType: 'test', objectId: n, changes: { n } }),
      );
    if (n === 10 || n === 20) assert.ok(await writeCheckpoint(db, ctx));
  }
}

const statements =
  (...texts: string[]) =>
  async (exec: Exec) => {
    for (const text of texts) await exec(text);
  };

/** Rewrite the hashes from `seq` on, as an intruder who knows the (keyless) chain scheme can. */
async function rehashFrom(exec: Exec, seq: number): Promise<void> {
  type Row = AuditContent & { seq: number; hash: string };
  const rows = (await exec(
    `select * from audit_log where seq >= ${seq - 1} order by seq`,
  )) as unknown as Row[];
  let prev = rows[0]?.hash ?? '';
  for (const row of rows.slice(1)) {
    const hash = chainHash(prev, contentOf(row));
    await exec(`update audit_log set prev_hash = '${prev}', hash = '${hash}' where seq = ${row.seq}`);
    prev = hash;
  }
}

describe(`audit trail tampering is detected [${TEST_DB}]`, () => {
  let trail: TrailCopies;
  const verifyAfter = (tamper: (exec: Exec) => Promise<void>) =>
    trail.withTampered(tamper, (db) => verifyAuditTrail(db, keys));
  const failsAt = async (tamper: (exec: Exec) => Promise<void>, seq: number, reason: RegExp) => {
    const result = await verifyAfter(tamper);
    assert.equal(result.ok, false);
    assert.equal(result.firstBad?.seq, seq, result.firstBad?.reason);
    assert.match(result.firstBad?.reason ?? '', reason);
  };

  before(async () => {
    trail = await trailCopies(TEST_DB, build);
  });
  after(() => trail.dispose());

  test('an untouched copy verifies, and a checkpoint is written only when the head moved', async () => {
    assert.deepEqual(await verifyAfter(statements()), { ok: true, rows: 25, checkpoints: 2, firstBad: null });
    await trail.withTampered(statements(), async (db) => {
      const cp = await writeCheckpoint(db, ctx);
      assert.equal(cp?.head_seq, 25);
      assert.equal(cp?.row_count, 25);
      assert.equal(await writeCheckpoint(db, ctx), null);
      assert.equal((await verifyAuditTrail(db, keys)).checkpoints, 3);
    });
  });

  test('an edited row fails at that row', () =>
    failsAt(statements(`update audit_log set changes = '{"n":700}' where seq = 7`), 7, /内容被篡改/));

  test('a deleted middle row breaks the chain at the row after it', () =>
    failsAt(statements('delete from audit_log where seq = 12'), 13, /第 12 条缺失/));

  test('two swapped rows break the chain at the first of them', () =>
    failsAt(
      statements(
        'update audit_log set seq = -1 where seq = 15',
        'update audit_log set seq = 15 where seq = 16',
        'update audit_log set seq = 16 where seq = -1',
      ),
      15,
      /顺序被调换/,
    ));

  test('truncating the newest rows is caught by the checkpoint that saw them', () =>
    failsAt(statements('delete from audit_log where seq >= 18'), 18, /第 18～20 条缺失.*截断/));

  test('deleting the oldest rows without a purge is caught at the new first row', () =>
    failsAt(statements('delete from audit_log where seq <= 3'), 4, /最早的记录之前有记录被删除/));

  test('a rewritten row with a recomputed chain is caught by the next checkpoint', () =>
    failsAt(
      async (exec) => {
        await exec(`update audit_log set changes = '{"n":300}' where seq = 3`);
        await rehashFrom(exec, 3);
      },
      10,
      /散列与检查点.*不符/,
    ));

  test('a forged checkpoint fails its MAC', async () => {
    await failsAt(
      statements(
        `insert into audit_checkpoints (at, head_seq, row_count, head_hash, mac) values
          ('2026-03-02T01:05:30.000Z', 5, 5, (select hash from audit_log where seq = 5), '${'ab'.repeat(32)}')`,
      ),
      5,
      /MAC 校验失败/,
    );
    // Re-pointing the real checkpoints at a recomputed chain breaks their MAC instead.
    await failsAt(
      async (exec) => {
        await exec(`update audit_log set changes = '{"n":300}' where seq = 3`);
        await rehashFrom(exec, 3);
        await exec(
          'update audit_checkpoints set head_hash = (select hash from audit_log where seq = audit_checkpoints.head_seq)',
        );
      },
      10,
      /MAC 校验失败/,
    );
  });

  test('a purge record without the key vouches for nothing', async () => {
    const forgePurge = async (db: Db, headHash: string) => {
      await db.transaction().execute((trx) =>
        recordAudit(trx, ctx, {
          action: 'audit.purge',
          objectType: 'audit_log',
          changes: {
            before: '2026-01-01T00:00:00.000Z',
            rows: 3,
            upToSeq: 3,
            headHash,
            purgedTotal: 3,
            mac: 'ab'.repeat(32),
          },
        }),
      );
      return verifyAuditTrail(db, keys);
    };
    const alone = await trail.withTampered(statements(), (db) => forgePurge(db, '0'.repeat(64)));
    assert.equal(alone.firstBad?.seq, 26);
    assert.match(alone.firstBad?.reason ?? '', /清理记录的 MAC 校验失败/);
    let cut = '';
    const covering = await trail.withTampered(
      async (exec) => {
        cut = String((await exec('select hash from audit_log where seq = 3'))[0]?.hash);
        await exec('delete from audit_log where seq <= 3');
      },
      (db) => forgePurge(db, cut),
    );
    assert.equal(covering.firstBad?.seq, 4);
    assert.match(covering.firstBad?.reason ?? '', /没有有效的清理记录/);
  });

  test('a checkpoint is refused over a chain cut behind the last one', async () => {
    await trail.withTampered(statements('delete from audit_log where seq >= 18'), async (db) => {
      await db
        .transaction()
        .execute((trx) => recordAudit(trx, ctx, { action: 'test.event', objectType: 'test' }));
      await assert.rejects(writeCheckpoint(db, ctx), /不写检查点：第 18 条/);
    });
  });
});
