import { sql } from 'kysely';
import { dialectOf, jsonArray, skipLocked } from '../../../platform/db/database.js';
import type { Executor } from '../../../platform/db/schema.js';
import type { SubscriptionKind } from './tables.js';

export function subscriptionsOf(db: Executor, userId: number) {
  return db
    .selectFrom('library_subscriptions')
    .select(['kind', 'value'])
    .where('user_id', '=', userId)
    .orderBy('kind')
    .orderBy('created_at')
    .orderBy('value')
    .execute();
}

export async function replaceSubscriptions(
  db: Executor,
  userId: number,
  items: readonly { kind: SubscriptionKind; value: string }[],
  at: string,
): Promise<void> {
  await db.deleteFrom('library_subscriptions').where('user_id', '=', userId).execute();
  if (items.length > 0)
    await db
      .insertInto('library_subscriptions')
      .values(items.map((i) => ({ user_id: userId, kind: i.kind, value: i.value, created_at: at })))
      .execute();
}

/**
 * People who follow any of the topics or the type; the push then keeps those with access. The ids come
 * back as one JSON array (jsonArray): 10,000 followers cost one value to read, not a row each.
 */
export async function followersOf(db: Executor, topics: readonly string[], type: string): Promise<number[]> {
  const followers = db
    .selectFrom('library_subscriptions')
    .select('user_id')
    .distinct()
    .where((eb) =>
      eb.or([
        eb.and([eb('kind', '=', 'type'), eb('value', '=', type)]),
        ...(topics.length > 0 ? [eb.and([eb('kind', '=', 'topic'), eb('value', 'in', topics)])] : []),
      ]),
    );
  const row = await db
    .selectFrom(followers.as('f'))
    .select(jsonArray(dialectOf(db), sql`f.user_id`).as('ids'))
    .executeTakeFirstOrThrow();
  return JSON.parse(row.ids) as number[];
}

/**
 * The oldest unprocessed outbox row, locked for this transaction: on PostgreSQL another runner skips
 * it and takes the next; SQLite's BEGIN IMMEDIATE already lets one writer at a time in.
 */
export function claimOutboxRow(db: Executor) {
  return skipLocked(
    dialectOf(db),
    db
      .selectFrom('library_outbox')
      .select(['id', 'material_id', 'version', 'event'])
      .where('processed_at', 'is', null)
      .orderBy('id')
      .limit(1),
  ).executeTakeFirst();
}

export async function markOutboxProcessed(db: Executor, id: number, at: string): Promise<void> {
  await db.updateTable('library_outbox').set({ processed_at: at }).where('id', '=', id).execute();
}

/** Whether any outbox row waits: a cheap indexed probe, so the after-publish kick costs nothing idle. */
export async function hasPendingOutbox(db: Executor): Promise<boolean> {
  const row = await db
    .selectFrom('library_outbox')
    .select('id')
    .where('processed_at', 'is', null)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The published material the notice names: title, type, topics and tier, never its text. */
export function noticeMaterial(db: Executor, id: number) {
  return db
    .selectFrom('library_materials')
    .select(['id', 'title', 'type', 'topics', 'tier', 'status', 'published_at', 'revision'])
    .where('id', '=', id)
    .executeTakeFirst();
}
