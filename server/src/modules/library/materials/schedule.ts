import { MINUTE } from '../../../platform/clock.js';
import type { Db } from '../../../platform/db/schema.js';
import type { Ctx } from '../../../platform/context.js';
import type { AppDeps } from '../../../platform/deps.js';
import { processOutbox } from '../push/index.js';
import { dueScheduled, findMaterial } from './repository.js';
import { publishRow } from './service.js';

const BATCH = 100;

/**
 * Publish every scheduled material whose time has come, each in its own transaction. A material the
 * editor changed or withdrew meanwhile is re-read inside the transaction and skipped if no longer due.
 */
export async function publishDueMaterials(db: Db, ctx: Ctx): Promise<number> {
  const now = ctx.clock.now().toISOString();
  let published = 0;
  for (const due of await dueScheduled(db, now, BATCH)) {
    const done = await db.transaction().execute(async (trx) => {
      const row = await findMaterial(trx, due.id);
      if (!row || row.status !== 'scheduled' || !row.scheduled_at || row.scheduled_at > now) return false;
      return publishRow(trx, ctx, row);
    });
    if (done) published += 1;
  }
  return published;
}

/**
 * Runs every minute, so a material scheduled for 09:00 is out by 09:01 at the latest, and pushes what it
 * published at once: followers online hear of it within a second, not at the push job's next round.
 */
export const libraryPublishJob = {
  name: 'library.publish-scheduled',
  intervalSeconds: MINUTE / 1000,
  run: async (_payload: unknown, deps: AppDeps): Promise<void> => {
    const ctx: Ctx = { actor: null, clientIp: null, clock: deps.clock, keys: deps.keys, config: deps.config };
    if ((await publishDueMaterials(deps.db, ctx)) > 0) await processOutbox(deps.db, ctx);
  },
};
