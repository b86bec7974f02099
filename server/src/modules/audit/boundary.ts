import { z } from 'zod';
import type { Executor } from '../../platform/db/schema.js';
import type { Keys } from '../../platform/keys.js';
import { GENESIS_HASH, macMatches, purgeMac } from './hash.js';
import { latestRowWithAction } from './repository.js';

export const PURGE_ACTION = 'audit.purge';

/**
 * Where the chain legitimately starts. A purge deletes every row up to upToSeq and appends a record
 * holding the deleted head's hash and the running total of rows ever purged, MAC'd with the audit key:
 * without the key, deleting the oldest rows cannot be passed off as a purge.
 */
export interface PurgeBoundary {
  upToSeq: number;
  headHash: string;
  /** Rows ever purged: checkpoints count every row ever written up to their head. */
  purgedTotal: number;
}

export const NO_PURGE: PurgeBoundary = { upToSeq: 0, headHash: GENESIS_HASH, purgedTotal: 0 };

const purgeRecord = z.object({
  before: z.string(),
  rows: z.number().int(),
  upToSeq: z.number().int(),
  headHash: z.string(),
  purgedTotal: z.number().int(),
  mac: z.string(),
});

function parseRecord(changes: string) {
  try {
    const parsed = purgeRecord.safeParse(JSON.parse(changes));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The boundary set by the latest purge record at or below maxSeq. Each purge record restates the
 * whole boundary, so only the latest counts; a record whose MAC fails sets none and is reported.
 */
export async function purgeBoundary(
  db: Executor,
  keys: Keys,
  maxSeq: number,
): Promise<{ boundary: PurgeBoundary; forged: { seq: number; reason: string } | null }> {
  const row = await latestRowWithAction(db, PURGE_ACTION, maxSeq);
  if (!row) return { boundary: NO_PURGE, forged: null };
  const record = parseRecord(row.changes);
  if (!record || !macMatches(purgeMac(keys.auditMac, record), record.mac))
    return {
      boundary: NO_PURGE,
      forged: { seq: row.seq, reason: '清理记录的 MAC 校验失败：清理记录是伪造的或被篡改' },
    };
  const { upToSeq, headHash, purgedTotal } = record;
  return { boundary: { upToSeq, headHash, purgedTotal }, forged: null };
}
