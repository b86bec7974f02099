import type { Db, Executor } from '../../../platform/db/schema.js';
import { nowIso, type Ctx } from '../../../platform/context.js';
import { recordAudit } from '../../audit/index.js';
import { serialLock } from '../../../platform/db/database.js';
import { announceNotices, notifyAll, type LiveNotices } from '../../notify/index.js';
import { membersWithAccess } from '../access/index.js';
import { claimOutboxRow, followersOf, markOutboxProcessed, noticeMaterial } from './repository.js';

export const PUSH_KIND = 'library.published';
/** One run handles at most this many publications; the next run (or kick) takes the rest. */
const BATCH = 100;
/** notifyAll finds its rows by kind: two pushes must not write at once (PostgreSQL). */
const PUSH_LOCK = 0x4c5350; // "LSP"

export interface PushResult {
  /** Outbox rows processed. */
  processed: number;
  /** Notifications written (a person already told of that version is not counted again). */
  notified: number;
}

/**
 * Who hears of a publication: people who follow one of its topics or its type AND may open it now
 * (membersWithAccess, the bulk form of canAccess). Following nothing means no notices: the library
 * home shows what is new, and a member who never asked is not sent mail.
 */
type NoticeMaterial = NonNullable<Awaited<ReturnType<typeof noticeMaterial>>>;

async function recipientsOf(trx: Executor, ctx: Ctx, m: NoticeMaterial) {
  const topics = JSON.parse(m.topics) as string[];
  const followers = await followersOf(trx, topics, m.type);
  const ref = { id: m.id, tier: m.tier, publishedAt: m.status === 'published' ? m.published_at : null };
  return { topics, userIds: await membersWithAccess(trx, followers, ref, ctx.clock.now()) };
}

/**
 * Process one outbox row in one transaction: its notices (in-app, live, e-mail and robots by each
 * person's preferences, through notify) and its processed mark commit together. The dedupe key names
 * the material and its published revision, so a row processed twice, or a republished revision, tells
 * no one twice. Returns null when no row waits; `live` is what this process's streams show after commit.
 */
async function processOne(db: Db, ctx: Ctx): Promise<{ notified: number; live: LiveNotices | null } | null> {
  return db.transaction().execute(async (trx) => {
    const row = await claimOutboxRow(trx);
    if (!row) return null;
    const m = await noticeMaterial(trx, row.material_id);
    let notified = 0;
    let live: LiveNotices | null = null;
    // Withdrawn (or deleted) before the push ran: nobody may open it, so nobody is told.
    if (m && m.status === 'published') {
      const { topics, userIds } = await recipientsOf(trx, ctx, m);
      await serialLock(trx, PUSH_LOCK);
      const sent = await notifyAll(trx, ctx, {
        userIds,
        kind: PUSH_KIND,
        title: `资料库新发布：${m.title}`,
        body: `${m.type}${topics.length > 0 ? `｜${topics.join('、')}` : ''}`,
        link: `/library/materials/${m.id}`,
        dedupeKey: `${PUSH_KIND}:${m.id}:${row.version}`,
      });
      notified = sent.written;
      live = sent.live;
    }
    await markOutboxProcessed(trx, row.id, nowIso(ctx));
    await recordAudit(trx, ctx, {
      action: 'library.push.send',
      objectType: 'library_material',
      objectId: row.material_id,
      changes: { outboxId: row.id, revision: row.version, notified },
    });
    return { notified, live };
  });
}

/** Drain the outbox: every waiting publication, oldest first, each in its own transaction. */
export async function processOutbox(db: Db, ctx: Ctx): Promise<PushResult> {
  const result: PushResult = { processed: 0, notified: 0 };
  while (result.processed < BATCH) {
    const done = await processOne(db, ctx);
    if (done === null) break;
    // Committed: this process's open streams show the notices now, not at their next poll.
    if (done.live) announceNotices(done.live);
    result.processed += 1;
    result.notified += done.notified;
  }
  return result;
}
