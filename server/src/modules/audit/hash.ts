import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** The hashed content of one audit row, in a fixed field order. */
export interface AuditContent {
  at: string;
  actor_id: number | null;
  actor_login: string | null;
  action: string;
  object_type: string;
  object_id: string | null;
  outcome: 'success' | 'failure' | 'denied';
  changes: string;
  client_ip: string | null;
}

export function canonical(row: AuditContent): string {
  return JSON.stringify([
    row.at,
    row.actor_id,
    row.actor_login,
    row.action,
    row.object_type,
    row.object_id,
    row.outcome,
    row.changes,
    row.client_ip,
  ]);
}

/** The hashed fields of a stored row (a row carries seq, prev_hash and hash besides). */
export function contentOf(row: AuditContent): AuditContent {
  const { at, actor_id, actor_login, action, object_type, object_id, outcome, changes, client_ip } = row;
  return { at, actor_id, actor_login, action, object_type, object_id, outcome, changes, client_ip };
}

/** SM3 over the previous row's hash and this row's content. */
export function chainHash(prevHash: string, row: AuditContent): string {
  return createHash('sm3')
    .update(`${prevHash}\n${canonical(row)}`)
    .digest('hex');
}

export function checkpointMac(
  key: Buffer,
  headSeq: number,
  rowCount: number,
  headHash: string,
  at: string,
): string {
  return createHmac('sm3', key).update(`${headSeq}|${rowCount}|${headHash}|${at}`).digest('hex');
}

/** What a purge vouches for; see boundary.ts. */
export interface PurgeFacts {
  before: string;
  rows: number;
  upToSeq: number;
  headHash: string;
  purgedTotal: number;
}

/** The "purge|" prefix keeps a checkpoint's MAC from ever passing as a purge record's. */
export function purgeMac(key: Buffer, f: PurgeFacts): string {
  return createHmac('sm3', key)
    .update(`purge|${f.upToSeq}|${f.purgedTotal}|${f.headHash}|${f.before}|${f.rows}`)
    .digest('hex');
}

export function macMatches(expected: string, actual: string): boolean {
  const a = Buffer.from(expected, 'hex');
  const b = Buffer.from(actual, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
