import { serialLock } from '../../platform/db/database.js';
import type { Executor } from '../../platform/db/schema.js';
import { nowIso, type Ctx } from '../../platform/context.js';
import { chainHash, GENESIS_HASH, type AuditContent } from './hash.js';
import { appendAuditRow, headHash } from './repository.js';

export interface AuditEvent {
  action: string;
  objectType: string;
  objectId?: string | number | null;
  outcome?: 'success' | 'failure' | 'denied';
  /** Before/after of changed fields, or other facts of the event. Never secrets. */
  changes?: Record<string, unknown>;
  /** Who acted, when the event happens before there is an actor (e.g. a failed login). */
  actorLogin?: string | null;
  actorId?: number | null;
}

/** Key for the advisory lock that keeps the hash chain linear across concurrent transactions. */
export const AUDIT_CHAIN_LOCK = 0x4c5341; // "LSA"

/**
 * Take the audit chain's lock now, ahead of another lock: a transaction holds it from its first audit
 * row to its end, so a lock taken before it here and after it elsewhere (an item numbered after the
 * demo's users were recorded) would let two transactions wait for each other until PostgreSQL aborts one.
 */
export async function holdAuditChain(trx: Executor): Promise<void> {
  await serialLock(trx, AUDIT_CHAIN_LOCK);
}

/**
 * Append one row to the hash chain. Call it inside the transaction of the change it records,
 * so the change and its audit row commit or roll back together.
 */
export async function recordAudit(trx: Executor, ctx: Ctx, event: AuditEvent): Promise<void> {
  await holdAuditChain(trx);
  const content: AuditContent = {
    at: nowIso(ctx),
    actor_id: event.actorId !== undefined ? event.actorId : (ctx.actor?.id ?? null),
    actor_login: event.actorLogin !== undefined ? event.actorLogin : (ctx.actor?.login ?? null),
    action: event.action,
    object_type: event.objectType,
    object_id: event.objectId === undefined || event.objectId === null ? null : String(event.objectId),
    outcome: event.outcome ?? 'success',
    changes: JSON.stringify(event.changes ?? {}),
    client_ip: ctx.clientIp,
  };
  const prev = (await headHash(trx)) ?? GENESIS_HASH;
  await appendAuditRow(trx, { ...content, prev_hash: prev, hash: chainHash(prev, content) });
}

/** Before/after of the fields that changed between two snapshots. */
export function diff<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): Record<string, unknown> {
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const key of Object.keys(after)) {
    const a = before[key];
    const b = after[key];
    if (JSON.stringify(a) !== JSON.stringify(b)) changes[key] = { before: a, after: b };
  }
  return changes;
}
