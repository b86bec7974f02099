import { sql, type RawBuilder } from 'kysely';
import { dialectOf, jsonArray, integerRows, timestampParam } from '../../platform/db/database.js';
import type { Executor } from '../../platform/db/schema.js';

/**
 * notify() for tens of thousands of events, as INSERT … SELECT statements: the rows come from a query
 * and never leave the database. The rows of one bulk share a kind, and the caller serialises bulks of
 * that kind (the reminder sweep holds its lock), so "this bulk's rows" are those of its kind above the
 * highest id read before it.
 */

/** One notification to write: `seq` orders them (ids follow it), then the recipient; null: nobody. */
export interface NoticeRow {
  seq: number;
  user_id: number | null;
  title: string;
  body: string;
  link: string | null;
  dedupe_key: string;
}

/** The same notice for each of `userIds`, as a bulk's source (the person's id orders the rows). */
export function sameNoticeRows(
  db: Executor,
  userIds: readonly number[],
  notice: { title: string; body: string; link: string | null; dedupeKey: string },
): RawBuilder<NoticeRow> {
  return sql<NoticeRow>`
    select r.value as seq, r.value as user_id, cast(${notice.title} as text) as title,
      cast(${notice.body} as text) as body, cast(${notice.link} as text) as link,
      cast(${notice.dedupeKey} as text) as dedupe_key
    from ${integerRows(dialectOf(db), userIds)} r`;
}

/**
 * Ids and recipients of a bulk's rows (kind `kind`, ids above `after`), in id order: two JSON arrays in
 * one row, so 10,000 recipients cost two values to read, not a row each.
 */
export async function bulkRecipients(
  db: Executor,
  bulk: { kind: string; after: number },
): Promise<{ id: number; user_id: number }[]> {
  const dialect = dialectOf(db);
  const row = await db
    .selectFrom('notifications')
    .select([
      jsonArray(dialect, sql`id`, undefined, sql`id`).as('ids'),
      jsonArray(dialect, sql`user_id`, undefined, sql`id`).as('users'),
    ])
    .where('id', '>', bulk.after)
    .where('kind', '=', bulk.kind)
    .executeTakeFirstOrThrow();
  const users = JSON.parse(row.users) as number[];
  return (JSON.parse(row.ids) as number[]).map((id, k) => ({ id, user_id: users[k]! }));
}

/** When a recipient's outside sends may go, by their quiet hours: computed by sendTime() per window. */
export interface RunAtRule {
  /** For people without preferences (the default quiet night). */
  defaulted: string;
  windows: readonly { start: string; end: string; at: string }[];
  now: string;
}

/** Write the source's notifications to active people; a (dedupe_key, user) that exists is skipped. */
export async function insertNotificationsFrom(
  db: Executor,
  kind: string,
  source: RawBuilder<NoticeRow>,
  now: string,
): Promise<number> {
  const result = await sql`
    insert into notifications (user_id, kind, title, body, link, urgent, dedupe_key, created_at)
    select s.user_id, cast(${kind} as text), s.title, s.body, s.link, 0, s.dedupe_key,
      ${timestampParam(dialectOf(db), now)}
    from (${source}) s
    where exists (select 1 from users u where u.id = s.user_id and u.status = 'active')
    order by s.seq, s.user_id
    on conflict (dedupe_key, user_id) do nothing`.execute(db);
  return Number(result.numAffectedRows ?? 0n);
}

export async function maxDeliveryId(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('deliveries')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  return Number(row?.id ?? 0);
}

/** The quiet hours people chose: few distinct windows, each given its send time in JavaScript. */
export function quietWindows(db: Executor) {
  return db
    .selectFrom('notify_preferences')
    .select(['quiet_start', 'quiet_end'])
    .distinct()
    .where('quiet_start', 'is not', null)
    .where('quiet_end', 'is not', null)
    .$narrowType<{ quiet_start: string; quiet_end: string }>()
    .execute();
}

/** A robot channel's target: the department's own robot if enabled, else the organisation's. */
const robotRows = (channel: string, rank: number) => sql`
  select notification_id, dedupe_key, ${sql.lit(channel)} as channel,
    case when exists (select 1 from scopes s where s.channel = ${sql.lit(channel)} and s.department_id = p.department_id)
      then 'department:' || cast(p.department_id as text) else 'global' end as target,
    run_at, ${sql.lit(rank)} as rank
  from people p
  where p.channels like ${sql.lit(`%"${channel}"%`)}
    and exists (select 1 from scopes s where s.channel = ${sql.lit(channel)}
      and (s.department_id = p.department_id or s.department_id = 0))`;

/**
 * Queue the outside deliveries of this bulk's notifications (kind `kind`, ids above `after`) exactly as
 * notifyMany decides them: e-mail to an address the person gave, group robots by department, each
 * channel the person kept; one delivery per event, channel and target, at the earliest send time.
 */
export async function insertDeliveriesFor(
  db: Executor,
  bulk: { kind: string; after: number; maxAttempts: number; allChannels: string },
  runAt: RunAtRule,
): Promise<number> {
  const dialect = dialectOf(db);
  const at = (iso: string) => timestampParam(dialect, iso);
  const defaulted = sql`(pr.user_id is null or pr.channels is null)`;
  const windows = runAt.windows.map(
    (w) => sql`when pr.quiet_start = ${w.start} and pr.quiet_end = ${w.end} then ${at(w.at)}`,
  );
  const now = at(runAt.now);
  const result = await sql`
    insert into deliveries (notification_id, channel, target, dedupe_key, status, attempts, max_attempts,
      run_at, created_at, updated_at)
    select min(c.notification_id), c.channel, c.target, c.dedupe_key, 'queued', 0,
      cast(${bulk.maxAttempts} as integer), min(c.run_at), ${now}, ${now}
    from (
      with people as (
        select n.id as notification_id, n.dedupe_key, u.department_id,
          case when ${defaulted} then null else pr.email end as email,
          case when ${defaulted} then ${bulk.allChannels} else pr.channels end as channels,
          case when ${defaulted} then ${at(runAt.defaulted)} ${sql.join(windows, sql` `)} else ${now} end as run_at
        from notifications n
        join users u on u.id = n.user_id
        left join notify_preferences pr on pr.user_id = n.user_id
        where n.id > ${bulk.after} and n.kind = ${bulk.kind}
      ), scopes as (
        select channel, department_id from channel_settings where enabled = 1
      )
      select notification_id, dedupe_key, 'email' as channel, email as target, run_at, 0 as rank
      from people p
      where p.email is not null and p.email <> '' and p.channels like '%"email"%'
        and exists (select 1 from scopes s where s.channel = 'email' and s.department_id = 0)
      union all ${robotRows('wecom', 1)}
      union all ${robotRows('dingtalk', 2)}
      union all ${robotRows('feishu', 3)}
    ) c
    where true
    group by c.dedupe_key, c.channel, c.target
    order by min(c.notification_id), min(c.rank)
    on conflict (dedupe_key, channel, target) do nothing`.execute(db);
  return Number(result.numAffectedRows ?? 0n);
}

/** One delivery job's payload and time per delivery of this bulk (ids above `afterDelivery`). */
export function deliveryJobs(bulk: { kind: string; after: number }, afterDelivery: number) {
  return sql<{ seq: number; payload: string; run_at: string }>`
    select d.id as seq, '{"deliveryId":' || cast(d.id as text) || '}' as payload, d.run_at
    from deliveries d join notifications n on n.id = d.notification_id
    where d.id > ${afterDelivery} and n.id > ${bulk.after} and n.kind = ${bulk.kind}`;
}

/**
 * publishNotifications for this bulk without reading its ids out: PostgreSQL builds the NOTIFY
 * payloads itself, 500 ids each (payloads are limited to 8000 bytes). SQLite's processes poll.
 * `origin`: the process that hands these rows to its own streams itself (notifyAll), whose listener
 * then passes over them.
 */
export async function publishBulk(
  db: Executor,
  bulk: { kind: string; after: number },
  origin: string | null,
): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql`
    select pg_notify('luoshi_notify',
      json_build_object('schema', current_schema(), 'ids', json_agg(id order by id), 'origin', ${origin}::text)::text)
    from (
      select id, (row_number() over (order by id) - 1) / 500 as chunk
      from notifications where id > ${bulk.after} and kind = ${bulk.kind}
    ) c
    group by chunk`.execute(db);
}
