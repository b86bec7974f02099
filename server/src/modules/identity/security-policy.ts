import { z } from 'zod';
import { BUSINESS_ROLES, ADMIN_ROLES } from '../../../../shared/src/roles.js';
import type { Executor } from '../../platform/db/schema.js';
import { nowIso, type Ctx } from '../../platform/context.js';
import { stale } from '../../platform/http/errors.js';
import { recordAudit, diff } from '../audit/index.js';
import { readSetting, writeSetting } from '../../platform/db/settings-repository.js';

/** 等保三级 defaults; the security administrator may tighten or relax them. */
export const securityPolicySchema = z.object({
  minLength: z.number().int().min(6).max(64),
  minClasses: z.number().int().min(1).max(4),
  historyCount: z.number().int().min(0).max(24),
  maxAgeDays: z.number().int().min(0).max(3650),
  lockThreshold: z.number().int().min(1).max(100),
  lockMinutes: z.number().int().min(1).max(1440),
  idleMinutes: z.number().int().min(1).max(1440),
  absoluteHours: z.number().int().min(1).max(168),
  totpRequiredRoles: z.array(z.enum([...BUSINESS_ROLES, ...ADMIN_ROLES])),
});

export type SecurityPolicy = z.infer<typeof securityPolicySchema>;

export const DEFAULT_POLICY: SecurityPolicy = {
  minLength: 8,
  minClasses: 3,
  historyCount: 5,
  maxAgeDays: 90,
  lockThreshold: 5,
  lockMinutes: 30,
  idleMinutes: 30,
  absoluteHours: 12,
  totpRequiredRoles: [],
};

const KEY = 'security_policy';
const storedPolicy = securityPolicySchema.partial();

/**
 * Every request reads the policy (session timeouts), so outside transactions it is cached for a second;
 * a change made in this process clears the cache at once, one made in another shows within a second.
 */
const CACHE_MS = 1000;
let cache = new WeakMap<object, { at: number; policy: SecurityPolicy & { version: number } }>();

export async function getSecurityPolicy(db: Executor): Promise<SecurityPolicy & { version: number }> {
  const cached = db.isTransaction ? undefined : cache.get(db);
  if (cached && Date.now() - cached.at < CACHE_MS) return cached.policy;
  const row = await readSetting(db, KEY);
  const policy = row
    ? { ...DEFAULT_POLICY, ...storedPolicy.parse(JSON.parse(row.value)), version: row.version }
    : { ...DEFAULT_POLICY, version: 0 };
  if (!db.isTransaction) cache.set(db, { at: Date.now(), policy });
  return policy;
}

export async function updateSecurityPolicy(
  trx: Executor,
  ctx: Ctx,
  next: SecurityPolicy,
  version: number,
): Promise<SecurityPolicy & { version: number }> {
  const current = await getSecurityPolicy(trx);
  if (current.version !== version) throw stale();
  const ok = await writeSetting(trx, KEY, JSON.stringify(next), version, nowIso(ctx));
  if (!ok) throw stale();
  cache = new WeakMap();
  const { version: _v, ...before } = current;
  await recordAudit(trx, ctx, {
    action: 'security_policy.update',
    objectType: 'setting',
    objectId: KEY,
    changes: diff(before, next),
  });
  return { ...next, version: version + 1 };
}
