import type { Executor } from '../../platform/db/schema.js';
import type { Ctx } from '../../platform/context.js';
import type { WorkingCalendar } from '../calendar/index.js';
import { notifyMany } from '../notify/index.js';
import { lightBounds } from './lights.js';
import { periodOf } from './periods.js';
import { leaderLightCounts } from './reminders-repository.js';

const weekOf = (calendar: WorkingCalendar, date: string) => periodOf('weekly', date, calendar, null).key;

/**
 * 领导周报: leaders (responsible leaders and watchers) get one notification a week instead of one per
 * item, on the first sweep of the ISO week (Monday, or the first working day after a holiday).
 * Idempotent per leader and week through the notification's dedupe key. Returns how many were written.
 */
export async function sendLeaderDigests(
  trx: Executor,
  ctx: Ctx,
  at: { calendar: WorkingCalendar; today: string; lastSweep: string | null; warnDays: number },
): Promise<number> {
  const { calendar, today } = at;
  const week = weekOf(calendar, today);
  if (at.lastSweep !== null && weekOf(calendar, at.lastSweep) === week) return 0;
  const counts = await leaderLightCounts(trx, lightBounds(calendar, today, at.warnDays));
  const written = await notifyMany(
    trx,
    ctx,
    counts.map((c) => ({
      userIds: [c.user_id],
      kind: 'supervision.digest',
      title: `督办周报（${week}）`,
      body:
        c.red + c.yellow === 0
          ? `您分管或关注的督办事项 ${c.total} 项正在办理，均为绿灯。`
          : `您分管或关注的督办事项 ${c.total} 项正在办理：红灯 ${c.red} 项，黄灯 ${c.yellow} 项。`,
      link: c.red > 0 ? '/supervision/items?light=red' : '/supervision/items',
      dedupeKey: `digest:${week}`,
    })),
  );
  return written.length;
}
