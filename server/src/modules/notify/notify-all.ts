import { dialectOf } from '../../platform/db/database.js';
import type { Executor } from '../../platform/db/schema.js';
import type { Ctx } from '../../platform/context.js';
import { writeBulk } from './bulk.js';
import { bulkRecipients, sameNoticeRows } from './bulk-repository.js';
import type { NotifyRequest } from './notify.js';
import { maxNotificationId } from './repository.js';
import { PROCESS_ORIGIN, type LiveNotices } from './stream.js';

/**
 * notify() for one event told to thousands of people (the library's publish push): written by one
 * INSERT … SELECT (notifyFromQuery, so the caller must not run two of the same kind at once), where
 * notifyMany would build and bind every row in JavaScript. Urgency is not offered: quiet hours apply.
 * It also returns what this process's streams need to show the rows without reading them back (their
 * text costs ~4 µs a row to read): the caller must hand it to `announceNotices` once the transaction
 * has committed. On PostgreSQL the NOTIFY names this process, whose listener passes over it, and other
 * processes read the rows as for any other notification.
 */
export async function notifyAll(
  trx: Executor,
  ctx: Ctx,
  request: Omit<NotifyRequest, 'urgent'>,
): Promise<{ written: number; live: LiveNotices | null }> {
  const { title, link, kind } = request;
  const source = sameNoticeRows(trx, request.userIds, request);
  const { written, after, now } = await writeBulk(trx, ctx, kind, source, PROCESS_ORIGIN);
  if (written === 0) return { written, live: null };
  const recipients = await writtenRows(trx, request.userIds, { kind, after, written });
  return { written, live: { recipients, kind, title, link, createdAt: now } };
}

/**
 * Ids and recipients of the rows just written. On SQLite, when everyone got a row and the ids run on from
 * `after` without a gap, they are known without reading them back: SQLite's one writer gives each
 * inserted row the next id, in the order the insert selects them (by person). Otherwise (someone
 * inactive or already told, an id sequence past a deleted top row, PostgreSQL's sequence shared with
 * other writers) they are read.
 */
async function writtenRows(
  trx: Executor,
  userIds: readonly number[],
  bulk: { kind: string; after: number; written: number },
): Promise<{ id: number; user_id: number }[]> {
  const { after, written } = bulk;
  if (
    dialectOf(trx) === 'postgres' ||
    written !== userIds.length ||
    (await maxNotificationId(trx)) !== after + written
  )
    return bulkRecipients(trx, bulk);
  return [...userIds].sort((a, b) => a - b).map((user_id, k) => ({ id: after + 1 + k, user_id }));
}
