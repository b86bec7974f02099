import { dialectOf } from '../../platform/db/database.js';
import type { Executor } from '../../platform/db/schema.js';
import type { Ctx } from '../../platform/context.js';
import { writeBulk } from './bulk.js';
import { bulkRecipients, sameNoticeRows } from './bulk-repository.js';
import type { NotifyRequest } from './notify.js';
import type { LiveNotices } from './stream.js';

/**
 * notify() for one event told to thousands of people (the library's publish push): written by one
 * INSERT … SELECT (notifyFromQuery, so the caller must not run two of the same kind at once), where
 * notifyMany would build and bind every row in JavaScript. Urgency is not offered: quiet hours apply.
 * On SQLite it also returns what this process's streams need to show the rows without reading them back
 * (their text costs ~4 µs a row to read): hand it to `announceNotices` once the transaction has
 * committed. PostgreSQL's streams hear of the rows through NOTIFY, so there it is null.
 */
export async function notifyAll(
  trx: Executor,
  ctx: Ctx,
  request: Omit<NotifyRequest, 'urgent'>,
): Promise<{ written: number; live: LiveNotices | null }> {
  const { title, link, kind } = request;
  const source = sameNoticeRows(trx, request.userIds, request);
  const { written, after, now } = await writeBulk(trx, ctx, kind, source);
  if (written === 0 || dialectOf(trx) === 'postgres') return { written, live: null };
  const recipients = await bulkRecipients(trx, { kind, after });
  return { written, live: { recipients, kind, title, link, createdAt: now } };
}
