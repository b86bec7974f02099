import type { RawBuilder } from 'kysely';
import type { Executor } from '../../platform/db/schema.js';
import { nowIso, type Ctx } from '../../platform/context.js';
import { enqueueJobsFrom } from '../jobs/index.js';
import {
  deliveryJobs,
  insertDeliveriesFor,
  insertNotificationsFrom,
  maxDeliveryId,
  publishBulk,
  quietWindows,
  type NoticeRow,
} from './bulk-repository.js';
import { DELIVERY_JOB, DELIVERY_MAX_ATTEMPTS } from './notify.js';
import { CHANNELS, DEFAULT_PREFERENCES, sendTime } from './preferences.js';
import { maxNotificationId } from './repository.js';
import { enabledChannelScopes } from './settings-repository.js';

/**
 * notifyMany() for events the database selects itself (`source`), with the same result: notifications
 * for active recipients, deduplicated per person, their deliveries and delivery jobs, and the live push
 * (PostgreSQL NOTIFY on commit; SQLite's pollers read by id). A bulk sweep hands ~140,000 rows to
 * JavaScript in ~550 ms, so nothing here reads rows out. All rows of one call share `kind`, and the
 * caller must not run two bulks of the same kind at once (see bulk-repository.ts). Returns how many
 * notifications were written.
 */
export async function notifyFromQuery(
  trx: Executor,
  ctx: Ctx,
  kind: string,
  source: RawBuilder<NoticeRow>,
): Promise<number> {
  return (await writeBulk(trx, ctx, kind, source, null)).written;
}

/**
 * notifyFromQuery, also saying which rows are this bulk's: those of `kind` above `after`, made at `now`.
 * `origin`: set when the caller hands the rows to this process's streams itself (publishBulk).
 */
export async function writeBulk(
  trx: Executor,
  ctx: Ctx,
  kind: string,
  source: RawBuilder<NoticeRow>,
  origin: string | null,
): Promise<{ written: number; after: number; now: string }> {
  const now = nowIso(ctx);
  const after = await maxNotificationId(trx);
  const written = await insertNotificationsFrom(trx, kind, source, now);
  if (written === 0) return { written, after, now };
  const bulk = { kind, after };
  // No channel switched on, no outside delivery: the common case skips the whole query.
  if ((await enabledChannelScopes(trx)).length > 0) {
    const afterDelivery = await maxDeliveryId(trx);
    const at = (start: string | null, end: string | null) =>
      sendTime(ctx.clock.now(), start, end).toISOString();
    const queued = await insertDeliveriesFor(
      trx,
      { ...bulk, maxAttempts: DELIVERY_MAX_ATTEMPTS, allChannels: JSON.stringify(CHANNELS) },
      {
        now,
        defaulted: at(DEFAULT_PREFERENCES.quietStart, DEFAULT_PREFERENCES.quietEnd),
        windows: (await quietWindows(trx))
          .map((w) => ({ start: w.quiet_start, end: w.quiet_end, at: at(w.quiet_start, w.quiet_end) }))
          .filter((w) => w.at !== now),
      },
    );
    if (queued > 0)
      await enqueueJobsFrom(
        trx,
        ctx,
        { name: DELIVERY_JOB, maxAttempts: DELIVERY_MAX_ATTEMPTS },
        deliveryJobs(bulk, afterDelivery),
      );
  }
  await publishBulk(trx, bulk, origin);
  return { written, after, now };
}
