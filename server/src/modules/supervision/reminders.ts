import { serialLock } from '../../platform/db/database.js';
import type { Db, Executor } from '../../platform/db/schema.js';
import { readSetting, writeSetting } from '../../platform/db/settings-repository.js';
import { HOUR } from '../../platform/clock.js';
import { nowIso, type Ctx } from '../../platform/context.js';
import type { AppDeps } from '../../platform/deps.js';
import { recordAudit } from '../audit/index.js';
import { beijingDate, loadCalendar, type WorkingCalendar } from '../calendar/index.js';
import { notifyFromQuery } from '../notify/index.js';
import { sendLeaderDigests } from './digest.js';
import { LEADER_AFTER_DAYS, periodsDueIn, reminderRules, type When } from './due-windows.js';
import {
  freshReminderSubjects,
  reminderNotices,
  type ReminderSubject,
  type SubjectText,
} from './reminder-notices-repository.js';
import { maxReminderId, recordDeadlineReminders, recordFeedbackReminders } from './reminders-repository.js';
import { getSupervisionSettings } from './settings.js';

/** Reminders go out from this hour (Beijing) on working days, whenever the process happened to start. */
const SWEEP_HOUR = 8;
const LAST_SWEEP_KEY = 'supervision_reminder_sweep';
const SWEEP_LOCK = 0x4c5352; // "LSR"

type Subject = 'deadline' | 'feedback';

/**
 * Label and text of a reminder subject: the title is `label：number`, the body the item's quoted title
 * then the text, which names the date, never the item's requirements.
 */
function subjectText(r: ReminderSubject, calendar: WorkingCalendar, today: string): SubjectText {
  const [subject, when] = r.kind.split('_') as [Subject, When];
  const d = r.due_date;
  const period = r.period ?? '';
  const daysLeft = calendar.workingDaysBetween(today, d);
  const what = subject === 'deadline' ? `办理时限（${d}）` : `${period} 的反馈（应于 ${d} 前报送）`;
  const text = {
    before:
      subject === 'deadline'
        ? `距办理时限（${d}）还有 ${daysLeft} 个工作日，请抓紧办理并按时报告。`
        : `${period} 的反馈应于 ${d} 前报送，还有 ${daysLeft} 个工作日。`,
    due:
      subject === 'deadline'
        ? `今天（${d}）到办理时限，请按时办结并报告。`
        : `${period} 的反馈今天（${d}）截止，请按时报送。`,
    overdue: [
      `已超过${what}，请尽快办理并说明情况。`,
      `已超过${what}，本部门承办，请督促办理。`,
      `已超过${what}逾 ${LEADER_AFTER_DAYS} 个工作日，由您分管，请关注。`,
    ][r.level],
  }[when];
  const label = when === 'overdue' ? '逾期督办' : subject === 'deadline' ? '督办提醒' : '反馈提醒';
  return { ...r, label, text: text ?? '' };
}

export interface SweepResult {
  swept: boolean;
  reminders: number;
  digests: number;
}

/** Whether today's sweep is still to do: a working day, from SWEEP_HOUR, not swept yet. */
async function pendingSweep(db: Executor, ctx: Ctx) {
  const now = ctx.clock.now();
  const today = beijingDate(now);
  const calendar = await loadCalendar(db);
  const last = await readSetting(db, LAST_SWEEP_KEY);
  const lastSweep = last ? (JSON.parse(last.value) as { day: string }).day : null;
  const beijingHour = new Date(now.getTime() + 8 * HOUR).getUTCHours();
  if (!calendar.isWorkingDay(today) || beijingHour < SWEEP_HOUR || lastSweep === today) return null;
  return { today, calendar, lastSweep, version: last?.version ?? 0 };
}

/**
 * The daily reminder sweep (时限未到主动报告, due day, escalation when overdue) and, on the first sweep
 * of a week, the leaders' digests. One transaction under a lock: a second worker waits, then finds the
 * day swept; the reminders' unique key keeps each reminder single even without the lock.
 */
export async function sweepReminders(db: Db, ctx: Ctx): Promise<SweepResult> {
  const none = { swept: false, reminders: 0, digests: 0 };
  // Most hourly runs find the day done: a plain read says so without taking SQLite's write lock.
  if (!(await pendingSweep(db, ctx))) return none;
  return db.transaction().execute(async (trx) => {
    await serialLock(trx, SWEEP_LOCK);
    const pending = await pendingSweep(trx, ctx);
    if (!pending) return none;
    const { today, calendar, lastSweep } = pending;

    const { warnDays } = await getSupervisionSettings(trx);
    // Everything happens in the database (the reminders, then their notifications): only counts and
    // the few distinct subjects come back. Reminders go in rule order, so their ids give the send order.
    const at = nowIso(ctx);
    const mark = await maxReminderId(trx);
    let reminders = 0;
    for (const rule of reminderRules(calendar, today, lastSweep, warnDays)) {
      const kind = (subject: Subject) => `${subject}_${rule.when}`;
      const resent = rule.when === 'before';
      reminders += await recordDeadlineReminders(trx, { ...rule, kind: kind('deadline'), resent }, at);
      for (const p of periodsDueIn(calendar, rule.from, rule.to))
        reminders += await recordFeedbackReminders(
          trx,
          p,
          { kind: kind('feedback'), level: rule.level, resent },
          at,
        );
    }
    // Only reminders this transaction recorded are sent: the unique key decides, not the reading above.
    if (reminders > 0) {
      const texts = (await freshReminderSubjects(trx, mark)).map((r) => subjectText(r, calendar, today));
      await notifyFromQuery(trx, ctx, 'supervision.reminder', reminderNotices(mark, texts, today));
    }
    const digests = await sendLeaderDigests(trx, ctx, { calendar, today, lastSweep, warnDays });
    await writeLastSweep(trx, today, pending.version, nowIso(ctx));
    await recordAudit(trx, ctx, {
      action: 'supervision.reminders.sweep',
      objectType: 'setting',
      objectId: LAST_SWEEP_KEY,
      changes: { day: today, previous: lastSweep, reminders, digests },
    });
    return { swept: true, reminders, digests };
  });
}

async function writeLastSweep(trx: Executor, day: string, version: number, at: string): Promise<void> {
  // Under the sweep lock the version cannot have moved; a false here would be a bug, not a race.
  if (!(await writeSetting(trx, LAST_SWEEP_KEY, JSON.stringify({ day }), version, at)))
    throw new Error('提醒扫描记录写入冲突');
}

/** For the job runner (cli/workers.ts): hourly, acting once per working day from 08:00 Beijing. */
export const supervisionReminderJob = {
  name: 'supervision.reminders',
  intervalSeconds: HOUR / 1000,
  run: async (_payload: unknown, deps: AppDeps): Promise<void> => {
    await sweepReminders(deps.db, {
      actor: null,
      clientIp: null,
      clock: deps.clock,
      keys: deps.keys,
      config: deps.config,
    });
  },
};
