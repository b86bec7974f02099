import { sql, type Insertable, type Selectable } from 'kysely';
import { dialectOf } from '../../platform/db/database.js';
import type { Executor } from '../../platform/db/schema.js';
import type { DeliveryStatus, DeliveryTable, NotificationTable } from './tables.js';

export type NotificationRow = Selectable<NotificationTable>;
export type DeliveryRow = Selectable<DeliveryTable>;

/** Rows per INSERT: well under SQLite's and PostgreSQL's bound-parameter limits. */
const CHUNK = 500;

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

/** Insert notifications; rows whose (dedupe_key, user) exists are skipped. Returns the rows written. */
export async function insertNotifications(
  db: Executor,
  rows: readonly Insertable<NotificationTable>[],
): Promise<{ id: number; user_id: number; dedupe_key: string }[]> {
  const out: { id: number; user_id: number; dedupe_key: string }[] = [];
  for (const chunk of chunks(rows)) {
    out.push(
      ...(await db
        .insertInto('notifications')
        .values(chunk)
        .onConflict((oc) => oc.columns(['dedupe_key', 'user_id']).doNothing())
        .returning(['id', 'user_id', 'dedupe_key'])
        .execute()),
    );
  }
  return out;
}

/**
 * Tell every process's listener (PostgreSQL LISTEN/NOTIFY) which notifications were written; NOTIFY is
 * delivered on commit, so listeners never see a rolled-back row. Channels are database-wide, so the
 * payload names the schema. SQLite has no NOTIFY: its processes poll instead (stream.ts).
 */
export async function publishNotifications(db: Executor, ids: readonly number[]): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  // NOTIFY payloads are limited to 8000 bytes.
  for (const chunk of chunks(ids)) {
    await sql`select pg_notify('luoshi_notify', json_build_object('schema', current_schema(), 'ids', ${JSON.stringify(chunk)}::json)::text)`.execute(
      db,
    );
  }
}

/**
 * What the live stream shows of the notifications with these ids (a NOTIFY payload: at most 500), for
 * everyone: the stream keeps those of people listening, a lookup in memory instead of an IN list of
 * every listener.
 */
export function notificationsByIds(db: Executor, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('notifications')
    .select(['id', 'user_id', 'kind', 'title', 'link', 'created_at'])
    .where('id', 'in', ids)
    .orderBy('id')
    .execute();
}

/**
 * The next `limit` notifications above `after` (up to `upTo` when given), for everyone: one page of the
 * SQLite poller's read.
 */
export function notificationsSince(db: Executor, after: number, limit: number, upTo?: number) {
  let query = db
    .selectFrom('notifications')
    .select(['id', 'user_id', 'kind', 'title', 'link', 'created_at'])
    .where('id', '>', after);
  if (upTo !== undefined) query = query.where('id', '<=', upTo);
  return query.orderBy('id').limit(limit).execute();
}

/** New rows for the given people in (after, upTo], for Last-Event-ID replay. */
export function notificationsAfter(db: Executor, after: number, upTo: number, userIds: readonly number[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('notifications')
    .select(['id', 'user_id', 'kind', 'title', 'link', 'created_at'])
    .where('id', '>', after)
    .where('id', '<=', upTo)
    .where('user_id', 'in', userIds)
    .orderBy('id')
    .limit(1000)
    .execute();
}

export async function maxNotificationId(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  return Number(row?.id ?? 0);
}

export async function countUnread(db: Executor, userId: number): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One person's notifications, unread first, newest first within each. */
export async function listNotifications(
  db: Executor,
  filter: { userId: number; unreadOnly: boolean; page: number; pageSize: number },
) {
  let query = db.selectFrom('notifications').where('user_id', '=', filter.userId);
  if (filter.unreadOnly) query = query.where('read_at', 'is', null);
  const { n } = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .selectAll()
    .orderBy(sql`case when read_at is null then 0 else 1 end`)
    .orderBy('id', 'desc')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return { total: Number(n), rows };
}

export function findNotification(db: Executor, id: number) {
  return db.selectFrom('notifications').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Mark unread notifications of one person read: one, or all when `id` is null. Returns how many. */
export async function markRead(db: Executor, userId: number, id: number | null, at: string): Promise<number> {
  let query = db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null);
  if (id !== null) query = query.where('id', '=', id);
  return Number((await query.executeTakeFirst()).numUpdatedRows);
}

/** Insert deliveries; one already queued for the same event, channel and target is skipped. */
export async function insertDeliveries(
  db: Executor,
  rows: readonly Insertable<DeliveryTable>[],
): Promise<{ id: number; run_at: string }[]> {
  const out: { id: number; run_at: string }[] = [];
  for (const chunk of chunks(rows)) {
    out.push(
      ...(await db
        .insertInto('deliveries')
        .values(chunk)
        .onConflict((oc) => oc.columns(['dedupe_key', 'channel', 'target']).doNothing())
        .returning(['id', 'run_at'])
        .execute()),
    );
  }
  return out;
}

/** A delivery with what it carries. */
export function findDelivery(db: Executor, id: number) {
  return db
    .selectFrom('deliveries')
    .innerJoin('notifications', 'notifications.id', 'deliveries.notification_id')
    .selectAll('deliveries')
    .select(['notifications.title', 'notifications.body', 'notifications.link'])
    .where('deliveries.id', '=', id)
    .executeTakeFirst();
}

export async function updateDelivery(
  db: Executor,
  id: number,
  fromStatus: DeliveryStatus,
  changes: Partial<Omit<DeliveryRow, 'id'>>,
): Promise<DeliveryRow | undefined> {
  return db
    .updateTable('deliveries')
    .set(changes)
    .where('id', '=', id)
    .where('status', '=', fromStatus)
    .returningAll()
    .executeTakeFirst();
}

export async function listDeliveries(
  db: Executor,
  filter: {
    status?: DeliveryStatus | undefined;
    channel?: DeliveryTable['channel'] | undefined;
    page: number;
    pageSize: number;
  },
) {
  let query = db
    .selectFrom('deliveries')
    .innerJoin('notifications', 'notifications.id', 'deliveries.notification_id');
  if (filter.status) query = query.where('deliveries.status', '=', filter.status);
  if (filter.channel) query = query.where('deliveries.channel', '=', filter.channel);
  const { n } = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .selectAll('deliveries')
    .select('notifications.kind')
    .orderBy('deliveries.id', 'desc')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return { total: Number(n), rows };
}
