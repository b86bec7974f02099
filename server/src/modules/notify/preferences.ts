import { z } from 'zod';
import { HOUR, MINUTE, DAY } from '../../platform/clock.js';
import type { Executor } from '../../platform/db/schema.js';
import { nowIso, type Ctx } from '../../platform/context.js';
import { AppError, stale } from '../../platform/http/errors.js';
import { diff, recordAudit } from '../audit/index.js';
import { findPreference, savePreference } from './settings-repository.js';
import type { Channel } from './tables.js';

export const CHANNELS = ['email', 'wecom', 'dingtalk', 'feishu'] as const satisfies readonly Channel[];

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '应为 HH:MM');

export const preferencesInput = z.object({
  email: z.email().max(200).nullable(),
  channels: z.array(z.enum(CHANNELS)).max(CHANNELS.length),
  quietStart: clockTime.nullable(),
  quietEnd: clockTime.nullable(),
});
export type PreferencesInput = z.infer<typeof preferencesInput>;
export type Preferences = PreferencesInput & { version: number };

/** Until a person chooses: every channel (e-mail needs an address), and a quiet night in Beijing. */
export const DEFAULT_PREFERENCES: PreferencesInput = {
  email: null,
  channels: [...CHANNELS],
  quietStart: '22:00',
  quietEnd: '07:30',
};

export function preferencesFromRow(
  row: {
    email: string | null;
    channels: string | null;
    quiet_start: string | null;
    quiet_end: string | null;
  } | null,
): PreferencesInput {
  if (!row || row.channels === null) return DEFAULT_PREFERENCES;
  return {
    email: row.email,
    channels: z.array(z.enum(CHANNELS)).parse(JSON.parse(row.channels)),
    quietStart: row.quiet_start,
    quietEnd: row.quiet_end,
  };
}

const BEIJING_OFFSET = 8 * HOUR;
const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/**
 * When a non-urgent outside send may go: `now`, or the end of the person's quiet hours (Beijing time).
 * A window may cross midnight (22:00–07:30); equal start and end means no quiet hours.
 */
export function sendTime(now: Date, quietStart: string | null, quietEnd: string | null): Date {
  if (quietStart === null || quietEnd === null || quietStart === quietEnd) return now;
  const local = now.getTime() + BEIJING_OFFSET;
  const minute = Math.floor((local % DAY) / MINUTE);
  const start = minutesOf(quietStart);
  const end = minutesOf(quietEnd);
  const quiet = start < end ? minute >= start && minute < end : minute >= start || minute < end;
  if (!quiet) return now;
  let endAt = Math.floor(local / DAY) * DAY + end * MINUTE;
  if (endAt <= local) endAt += DAY;
  return new Date(endAt - BEIJING_OFFSET);
}

export async function getPreferences(db: Executor, userId: number): Promise<Preferences> {
  const row = await findPreference(db, userId);
  return { ...preferencesFromRow(row ?? null), version: row?.version ?? 0 };
}

export async function updatePreferences(
  trx: Executor,
  ctx: Ctx,
  input: PreferencesInput,
  version: number,
): Promise<Preferences> {
  const actor = ctx.actor;
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if ((input.quietStart === null) !== (input.quietEnd === null))
    throw new AppError('VALIDATION_FAILED', '免打扰时段：开始和结束须同时填写或同时留空', {
      field: 'quietStart',
    });
  const { version: current, ...before } = await getPreferences(trx, actor.id);
  const next = { ...input, channels: [...new Set(input.channels)] };
  const saved =
    current === version &&
    (await savePreference(
      trx,
      {
        user_id: actor.id,
        email: next.email,
        channels: JSON.stringify(next.channels),
        quiet_start: next.quietStart,
        quiet_end: next.quietEnd,
        updated_at: nowIso(ctx),
      },
      version,
    ));
  if (!saved) throw stale();
  await recordAudit(trx, ctx, {
    action: 'notify.preferences.update',
    objectType: 'user',
    objectId: actor.id,
    changes: diff(before, next),
  });
  return { ...next, version: version + 1 };
}
