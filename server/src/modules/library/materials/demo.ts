import type { Actor, Ctx } from '../../../platform/context.js';
import type { Executor } from '../../../platform/db/schema.js';
import { DEMO_MATERIALS } from './demo-texts.js';
import { unindexMaterial } from '../search/index.js';
import { deleteMaterialsCreatedBy, findMaterial } from './repository.js';
import { createMaterial, publishMaterial } from './service.js';

const DAY = 24 * 60 * 60 * 1000;
const HEADING = /^[一二三四五六七八九十]+、/;

/**
 * The demo library, written and published through the materials services by a demo editor on the
 * days they would have been published, so dates, versions, outbox and audit rows agree.
 */
export async function loadDemoMaterials(trx: Executor, base: Ctx, editor: Actor): Promise<number> {
  for (const { daysAgo, ...input } of DEMO_MATERIALS) {
    const at = new Date(base.clock.now().getTime() - (daysAgo ?? 0) * DAY);
    const ctx: Ctx = { ...base, actor: editor, clock: { now: () => new Date(at) } };
    const lines = input.body.split('\n');
    const headings = lines.flatMap((line, i) => (HEADING.test(line) ? [i] : []));
    const id = await createMaterial(trx, ctx, { ...input, headings });
    if (daysAgo === null) continue;
    const row = await findMaterial(trx, id);
    if (row) await publishMaterial(trx, ctx, id, row.version);
  }
  return DEMO_MATERIALS.length;
}

/** Demo removal: the materials demo people wrote, and their search entries (kept apart from the rows). */
export async function removeMaterialsCreatedBy(trx: Executor, userIds: readonly number[]): Promise<number> {
  const ids = await deleteMaterialsCreatedBy(trx, userIds);
  for (const id of ids) await unindexMaterial(trx, id);
  return ids.length;
}
