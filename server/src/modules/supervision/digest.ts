import type { Executor } from '../../platform/db/schema.js';
import type { Ctx } from '../../platform/context.js';
import type { WorkingCalendar } from '../calendar/index.js';
import { notifyMany } from '../notify/index.js';
import { periodOf } from './periods.js';
import { periodsDueIn } from './due-windows.js';
import { leaderLightCounts, type OwedPeriod } from './reminders-repository.js';

const weekOf = (calendar: WorkingCalendar, date: string) => periodOf('weekly', date, calendar, null).key;

/** The feedback periods that make a light yellow today: the latest past-due one of each cycle, and any due soon. */
function warningPeriods(calendar: WorkingCalendar, today: string, soon: string): OwedPeriod[] {
  const from = new Date(Date.parse(`${today}T00:00:00Z`) - 200 * 86_400_000).toISOString().slice(0, 10);
  const all = periodsDueIn(calendar, from, soon);
  const latestLate = new Map<string, OwedPeriod>();
  for (const p of all) if (p.due < today) latestLate.set(p.cycle, p);
  return [...latestLate.values(), ...all.filter((p) => p.due >= today)];
}

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
  const soon = calendar.addWorkingDays(today, at.warnDays).date;
  const counts = await leaderLightCounts(trx, {
    today,
    soon,
    periods: warningPeriods(calendar, today, soon),
  });
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
