import type { Insertable } from 'kysely';
import type { Executor } from '../../platform/db/schema.js';
import { nowIso, type Ctx } from '../../platform/context.js';
import { enqueueJob } from '../jobs/index.js';
import { robotTarget } from './channels.js';
import { CHANNELS, preferencesFromRow, sendTime } from './preferences.js';
import { insertDeliveries, insertNotifications, publishNotifications } from './repository.js';
import { activeUsersByIds } from '../identity/index.js';
import { enabledChannelScopes, preferencesOf } from './settings-repository.js';
import type { DeliveryTable, RobotChannel } from './tables.js';

export interface NotifyRequest {
  /** Recipients; disabled accounts are skipped. */
  userIds: readonly number[];
  /** What it is about, for filtering and icons: 'reminder', 'chase', 'digest', … */
  kind: string;
  title: string;
  /** A short notice; never the full text of a confidential document, it may leave by e-mail or robot. */
  body: string;
  link: string | null;
  /** One logical event: a second notify() with the same key writes nothing for the same person. */
  dedupeKey: string;
  /** Urgent sends ignore quiet hours. */
  urgent?: boolean;
}

export const DELIVERY_JOB = 'notify.deliver';
export const DELIVERY_MAX_ATTEMPTS = 5;

const ROBOTS = CHANNELS.filter((c): c is RobotChannel => c !== 'email');

/**
 * Write in-app notifications and queue their outside deliveries, in the caller's transaction, so they
 * exist exactly when the change that caused them commits. Returns the ids of the notifications written
 * (none when every one existed already).
 */
export async function notify(trx: Executor, ctx: Ctx, request: NotifyRequest): Promise<number[]> {
  return notifyMany(trx, ctx, [request]);
}

/**
 * Active people among `userIds` with their department (to route robot messages) and their preferences
 * (null when they never set any).
 */
async function recipientsOf(trx: Executor, userIds: readonly number[]) {
  const people = await activeUsersByIds(trx, userIds);
  const preferences = new Map(
    (
      await preferencesOf(
        trx,
        people.map((p) => p.id),
      )
    ).map((p) => [p.user_id, p]),
  );
  return new Map(
    people.map((p) => {
      const pref = preferences.get(p.id);
      return [
        p.id,
        {
          id: p.id,
          department_id: p.department_id,
          email: pref?.email ?? null,
          channels: pref?.channels ?? null,
          quiet_start: pref?.quiet_start ?? null,
          quiet_end: pref?.quiet_end ?? null,
        },
      ] as const;
    }),
  );
}

/** notify() for many events at once (the reminder sweep), with a handful of statements in all. */
export async function notifyMany(
  trx: Executor,
  ctx: Ctx,
  requests: readonly NotifyRequest[],
): Promise<number[]> {
  const now = nowIso(ctx);
  const recipients = await recipientsOf(
    trx,
    requests.flatMap((r) => r.userIds),
  );
  const byKey = new Map(requests.map((r) => [r.dedupeKey, r]));
  const written = await insertNotifications(
    trx,
    requests.flatMap((r) =>
      [...new Set(r.userIds)]
        .filter((id) => recipients.has(id))
        .map((user_id) => ({
          user_id,
          kind: r.kind,
          title: r.title,
          body: r.body,
          link: r.link,
          urgent: r.urgent ? 1 : 0,
          dedupe_key: r.dedupeKey,
          created_at: now,
        })),
    ),
  );
  if (written.length === 0) return [];

  const scopes = new Set((await enabledChannelScopes(trx)).map((s) => `${s.channel}:${s.department_id}`));
  const deliveries = new Map<string, Insertable<DeliveryTable>>();
  const add = (row: Insertable<DeliveryTable>) => {
    const key = `${row.dedupe_key}\n${row.channel}\n${row.target}`;
    const seen = deliveries.get(key);
    // A group robot posts once per event, as soon as any of its recipients' quiet hours allow.
    if (!seen || row.run_at < seen.run_at) deliveries.set(key, seen ? { ...seen, run_at: row.run_at } : row);
  };
  for (const n of written) {
    const request = byKey.get(n.dedupe_key);
    const person = recipients.get(n.user_id);
    if (!request || !person) continue;
    const prefs = preferencesFromRow(person);
    const runAt = request.urgent
      ? now
      : sendTime(ctx.clock.now(), prefs.quietStart, prefs.quietEnd).toISOString();
    const base = {
      notification_id: n.id,
      dedupe_key: n.dedupe_key,
      status: 'queued' as const,
      attempts: 0,
      max_attempts: DELIVERY_MAX_ATTEMPTS,
      run_at: runAt,
      created_at: now,
      updated_at: now,
    };
    if (prefs.email && prefs.channels.includes('email') && scopes.has('email:0'))
      add({ ...base, channel: 'email', target: prefs.email });
    for (const channel of ROBOTS) {
      if (!prefs.channels.includes(channel)) continue;
      // The department's own robot if it has one, else the organisation-wide robot.
      const dept = person.department_id;
      const scope =
        dept !== null && scopes.has(`${channel}:${dept}`) ? dept : scopes.has(`${channel}:0`) ? 0 : null;
      if (scope !== null) add({ ...base, channel, target: robotTarget(scope) });
    }
  }
  for (const d of await insertDeliveries(trx, [...deliveries.values()])) {
    await enqueueJob(trx, ctx, {
      name: DELIVERY_JOB,
      payload: { deliveryId: d.id },
      runAt: d.run_at,
      maxAttempts: DELIVERY_MAX_ATTEMPTS,
    });
  }
  const ids = written.map((n) => n.id);
  await publishNotifications(trx, ids);
  return ids;
}
