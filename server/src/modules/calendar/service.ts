import type { Db, Executor } from '../../platform/db/schema.js';
import { nowIso, type Ctx } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { recordAudit } from '../audit/index.js';
import { officialRules } from './official.js';
import {
  bumpCalendarVersion,
  calendarVersion,
  deleteConfirmedYear,
  deleteDayEntry,
  findDayEntry,
  insertConfirmedYear,
  listConfirmedYears,
  listDayEntries,
  upsertDayEntry,
} from './repository.js';
import { WorkingCalendar, type DayRule } from './working-calendar.js';

const official = officialRules();
/** Calendars by version (unique across databases); a legacy bare counter is cached per executor only. */
const byVersion = new Map<string, WorkingCalendar>();
const byExecutor = new WeakMap<object, { version: string; calendar: WorkingCalendar }>();
/** Versions kept: a process serves one database, tests a few at a time. */
const CACHED_VERSIONS = 16;
const shareable = (version: string) => version === '' || version.includes(':');

function cached(db: Executor, version: string): WorkingCalendar | undefined {
  if (shareable(version)) return byVersion.get(version);
  const own = byExecutor.get(db);
  return own?.version === version ? own.calendar : undefined;
}

function remember(db: Executor, version: string, calendar: WorkingCalendar): void {
  if (!shareable(version)) return void byExecutor.set(db, { version, calendar });
  if (byVersion.size >= CACHED_VERSIONS) byVersion.delete(byVersion.keys().next().value ?? '');
  byVersion.set(version, calendar);
}

/**
 * The calendar in force: official data, then administrators' entries on top. Cached by version, so a
 * transaction (a new executor each time) reuses it and its memoised day arithmetic: rebuilt per request,
 * it cost a feedback submission more than its own SQL.
 */
export async function loadCalendar(db: Executor): Promise<WorkingCalendar> {
  const version = await calendarVersion(db);
  const known = cached(db, version);
  if (known) return known;
  const rules = new Map<string, DayRule>(official.rules);
  for (const entry of await listDayEntries(db))
    rules.set(entry.date, { kind: entry.kind, name: entry.name, source: 'admin' });
  const years = new Set(official.years);
  for (const y of await listConfirmedYears(db)) years.add(y.year);
  const calendar = new WorkingCalendar(rules, years);
  remember(db, version, calendar);
  return calendar;
}

export function officialYears(): number[] {
  return [...official.years].sort();
}

export async function setDay(
  trx: Executor,
  ctx: Ctx,
  date: string,
  kind: 'holiday' | 'workday',
  name: string,
): Promise<void> {
  const before = await findDayEntry(trx, date);
  const at = nowIso(ctx);
  await upsertDayEntry(trx, { date, kind, name, updated_by: ctx.actor?.id ?? null, updated_at: at });
  await bumpCalendarVersion(trx, at);
  await recordAudit(trx, ctx, {
    action: 'calendar.day.set',
    objectType: 'calendar_day',
    objectId: date,
    changes: {
      kind: { before: before?.kind ?? null, after: kind },
      name: { before: before?.name ?? null, after: name },
    },
  });
}

export async function clearDay(trx: Executor, ctx: Ctx, date: string): Promise<void> {
  const before = await findDayEntry(trx, date);
  if (!before || !(await deleteDayEntry(trx, date))) throw notFound('该日期的人工设置');
  await bumpCalendarVersion(trx, nowIso(ctx));
  await recordAudit(trx, ctx, {
    action: 'calendar.day.clear',
    objectType: 'calendar_day',
    objectId: date,
    changes: { kind: before.kind, name: before.name },
  });
}

/** Declare a year's holidays complete (after entering the State Council's notice) so deadlines stop warning. */
export async function confirmYear(trx: Executor, ctx: Ctx, year: number, note: string): Promise<void> {
  if (official.years.has(year))
    throw new AppError('INVALID_STATE', `${year} 年已有国务院公布的官方数据，无需确认`);
  const at = nowIso(ctx);
  await insertConfirmedYear(trx, { year, note, confirmed_by: ctx.actor?.id ?? null, confirmed_at: at });
  await bumpCalendarVersion(trx, at);
  await recordAudit(trx, ctx, {
    action: 'calendar.year.confirm',
    objectType: 'calendar_year',
    objectId: year,
    changes: { note },
  });
}

export async function unconfirmYear(trx: Executor, ctx: Ctx, year: number): Promise<void> {
  await deleteConfirmedYear(trx, year);
  await bumpCalendarVersion(trx, nowIso(ctx));
  await recordAudit(trx, ctx, {
    action: 'calendar.year.unconfirm',
    objectType: 'calendar_year',
    objectId: year,
  });
}

export async function yearStatus(
  db: Db,
  year: number,
): Promise<{ year: number; source: 'official' | 'confirmed' | 'none'; note: string | null }> {
  if (official.years.has(year)) return { year, source: 'official', note: '国务院办公厅公布的放假安排' };
  const confirmed = (await listConfirmedYears(db)).find((y) => y.year === year);
  return confirmed
    ? { year, source: 'confirmed', note: confirmed.note }
    : { year, source: 'none', note: null };
}
