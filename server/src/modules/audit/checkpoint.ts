import { serialLock } from '../../platform/db/database.js';
import type { Db } from '../../platform/db/schema.js';
import { nowIso, type Ctx } from '../../platform/context.js';
import type { AppDeps } from '../../platform/deps.js';
import { AppError } from '../../platform/http/errors.js';
import { purgeBoundary } from './boundary.js';
import { checkpointMac } from './hash.js';
import { AUDIT_CHAIN_LOCK } from './record.js';
import {
  countRowsUpTo,
  headRow,
  insertCheckpoint,
  latestCheckpoint,
  type CheckpointRow,
} from './repository.js';
import { verifySince } from './verify.js';

/**
 * Pin the chain's current head with a MAC made with the key kept outside the database: whoever can
 * rewrite the database can recompute the hash chain, but not a checkpoint. Returns null when nothing
 * was appended since the last checkpoint.
 */
export async function writeCheckpoint(db: Db, ctx: Ctx): Promise<CheckpointRow | null> {
  return db.transaction().execute(async (trx) => {
    // Hold the chain still: the head, the count and the checkpoint must describe one moment.
    await serialLock(trx, AUDIT_CHAIN_LOCK);
    const head = await headRow(trx);
    if (!head) return null;
    const last = await latestCheckpoint(trx);
    if (last && last.head_seq === head.seq && last.head_hash === head.hash) return null;
    const { boundary, forged } = await purgeBoundary(trx, ctx.keys, head.seq);
    // The first checkpoint, or one after the last was purged away, has nothing earlier to extend.
    const bad =
      forged ??
      (last && last.head_seq > boundary.upToSeq
        ? await verifySince(trx, ctx.keys, last, boundary, head.seq)
        : null);
    if (bad)
      throw new AppError('INVALID_STATE', `审计日志校验未通过，不写检查点：第 ${bad.seq} 条，${bad.reason}`);
    const rowCount = (await countRowsUpTo(trx, head.seq)) + boundary.purgedTotal;
    const at = nowIso(ctx);
    return insertCheckpoint(trx, {
      at,
      head_seq: head.seq,
      row_count: rowCount,
      head_hash: head.hash,
      mac: checkpointMac(ctx.keys.auditMac, head.seq, rowCount, head.hash, at),
    });
  });
}

/** For the job runner (modules/jobs): a checkpoint every five minutes bounds what can be rewritten unseen. */
export const auditCheckpointJob = {
  name: 'audit.checkpoint',
  intervalSeconds: 300,
  run: async (_payload: unknown, deps: AppDeps): Promise<void> => {
    await writeCheckpoint(deps.db, {
      actor: null,
      clientIp: null,
      clock: deps.clock,
      keys: deps.keys,
      config: deps.config,
    });
  },
};
