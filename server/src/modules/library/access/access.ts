import type { Executor } from '../../../platform/db/schema.js';
import { membersInForce, memberSpans, memberSpansOf } from './grants-repository.js';
import {
  admits,
  backYearsReaching,
  FREE_WINDOW,
  reachesBack,
  runAt,
  windowAt,
  type AccessWindow,
} from './window.js';

/** The fields of a material the access rule reads (materials' MaterialRef has this shape). */
export interface AccessMaterial {
  id: number;
  tier: 'free' | 'member';
  publishedAt: string | null;
}

/** The member's window at `at`: tier and earliest readable publish date, computed from their grants. */
export async function windowOf(db: Executor, memberId: number, at: Date): Promise<AccessWindow> {
  return windowAt(await memberSpans(db, memberId), at.toISOString());
}

function readable(window: AccessWindow, material: AccessMaterial, at: string): boolean {
  // Drafts and scheduled materials are nobody's to read through this check.
  if (material.publishedAt === null || material.publishedAt > at) return false;
  return material.tier === 'free' || admits(window, material.publishedAt);
}

/**
 * The only access check of the library: free material is open to every signed-in user; member
 * material needs a member grant in force at `at` whose run's back catalogue reaches its publish date.
 */
export async function canAccess(
  db: Executor,
  memberId: number,
  material: AccessMaterial,
  at: Date,
): Promise<boolean> {
  const iso = at.toISOString();
  if (material.publishedAt === null || material.publishedAt > iso) return false;
  if (material.tier === 'free') return true;
  return readable(await windowOf(db, memberId, at), material, iso);
}

/** canAccess for many materials at once (search results, lists): one read of the member's grants. */
export async function accessibleIds(
  db: Executor,
  memberId: number,
  refs: readonly AccessMaterial[],
  at: Date,
): Promise<Set<number>> {
  const iso = at.toISOString();
  const needsWindow = refs.some((r) => r.tier === 'member');
  const window = needsWindow ? await windowOf(db, memberId, at) : FREE_WINDOW;
  return new Set(refs.filter((ref) => readable(window, ref, iso)).map((ref) => ref.id));
}

/**
 * canAccess of one material for many members (the publish push), in `memberIds` order. A member holding a
 * grant in force whose back catalogue is at least `backYearsReaching` is in, whatever their run: it holds
 * `at`, so it starts no later. Only the others' grants are read and their runs computed (runAt), against a
 * bound on the run's start computed once for the material (reachesBack) rather than Beijing dates per run.
 */
export async function membersWithAccess(
  db: Executor,
  memberIds: readonly number[],
  material: AccessMaterial,
  at: Date,
): Promise<number[]> {
  const iso = at.toISOString();
  if (material.publishedAt === null || material.publishedAt > iso) return [];
  if (material.tier === 'free') return [...memberIds];
  const inForce = await membersInForce(db, memberIds, iso, backYearsReaching(material.publishedAt, iso));
  const allowed = new Set(inForce.reaching);
  const reaches = reachesBack(material.publishedAt);
  for (const [id, spans] of await memberSpansOf(db, inForce.short)) {
    const run = runAt(spans, iso);
    if (run !== null && reaches(run)) allowed.add(id);
  }
  return memberIds.filter((id) => allowed.has(id));
}
