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

/** SM3 over the previous row's hash and this row's content. */
export function chainHash(prevHash: string, row: AuditContent): string {
  return createHash('sm3').update(prevHash).update('\n').update(canonical(row)).digest('hex');
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

export function macMatches(expected: string, actual: string): boolean {
  const a = Buffer.from(expected, 'hex');
  const b = Buffer.from(actual, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
