import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../../platform/db/schema.js';
import type { Channel, ChannelSettingTable, NotifyPreferenceTable } from './tables.js';

export type ChannelSettingRow = Selectable<ChannelSettingTable>;
export type PreferenceRow = Selectable<NotifyPreferenceTable>;

export function listChannelSettings(db: Executor) {
  return db.selectFrom('channel_settings').selectAll().orderBy('channel').orderBy('department_id').execute();
}

export function findChannelSetting(db: Executor, channel: Channel, departmentId: number) {
  return db
    .selectFrom('channel_settings')
    .selectAll()
    .where('channel', '=', channel)
    .where('department_id', '=', departmentId)
    .executeTakeFirst();
}

/** Which channel scopes are switched on: what notify() needs to decide deliveries, no secrets. */
export function enabledChannelScopes(db: Executor) {
  return db
    .selectFrom('channel_settings')
    .select(['channel', 'department_id'])
    .where('enabled', '=', 1)
    .execute();
}

/** Insert (expected version 0) or update at the expected version; false when stale. */
export async function saveChannelSetting(
  db: Executor,
  row: Insertable<ChannelSettingTable>,
  expectedVersion: number,
): Promise<boolean> {
  if (expectedVersion === 0) {
    const result = await db
      .insertInto('channel_settings')
      .values({ ...row, version: 1 })
      .onConflict((oc) => oc.columns(['channel', 'department_id']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
  }
  const result = await db
    .updateTable('channel_settings')
    .set({ enabled: row.enabled, config: row.config, secret: row.secret, updated_at: row.updated_at })
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('channel', '=', row.channel)
    .where('department_id', '=', row.department_id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function findPreference(db: Executor, userId: number) {
  return db.selectFrom('notify_preferences').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

export async function savePreference(
  db: Executor,
  row: Insertable<NotifyPreferenceTable>,
  expectedVersion: number,
): Promise<boolean> {
  if (expectedVersion === 0) {
    const result = await db
      .insertInto('notify_preferences')
      .values({ ...row, version: 1 })
      .onConflict((oc) => oc.column('user_id').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
  }
  const result = await db
    .updateTable('notify_preferences')
    .set({
      email: row.email,
      channels: row.channels,
      quiet_start: row.quiet_start,
      quiet_end: row.quiet_end,
      updated_at: row.updated_at,
    })
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('user_id', '=', row.user_id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The stored preferences of these people (absent for those who never set any). */
export async function preferencesOf(db: Executor, userIds: readonly number[]) {
  const ids = [...new Set(userIds)];
  const out = [];
  // Chunked: a sweep may notify thousands of people, beyond the databases' bound-parameter limits.
  for (let i = 0; i < ids.length; i += 1000) {
    out.push(
      ...(await db
        .selectFrom('notify_preferences')
        .select(['user_id', 'email', 'channels', 'quiet_start', 'quiet_end'])
        .where('user_id', 'in', ids.slice(i, i + 1000))
        .execute()),
    );
  }
  return out;
}
