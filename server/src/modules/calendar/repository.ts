import { randomUUID } from 'node:crypto';
import { prepared } from '../../platform/db/prepared.js';
import type { Executor } from '../../platform/db/schema.js';

export function listDayEntries(db: Executor) {
  return db.selectFrom('calendar_days').selectAll().orderBy('date').execute();
}

export function findDayEntry(db: Executor, date: string) {
  return db.selectFrom('calendar_days').selectAll().where('date', '=', date).executeTakeFirst();
}

export async function upsertDayEntry(
  db: Executor,
  row: {
    date: string;
    kind: 'holiday' | 'workday';
    name: string;
    updated_by: number | null;
    updated_at: string;
  },
): Promise<void> {
  await db
    .insertInto('calendar_days')
    .values(row)
    .onConflict((oc) =>
      oc.column('date').doUpdateSet({
        kind: row.kind,
        name: row.name,
        updated_by: row.updated_by,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

export async function deleteDayEntry(db: Executor, date: string): Promise<boolean> {
  const result = await db.deleteFrom('calendar_days').where('date', '=', date).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export function listConfirmedYears(db: Executor) {
  return db.selectFrom('calendar_years').selectAll().orderBy('year').execute();
}

export async function insertConfirmedYear(
  db: Executor,
  row: { year: number; note: string; confirmed_by: number | null; confirmed_at: string },
): Promise<void> {
  await db
    .insertInto('calendar_years')
    .values(row)
    .onConflict((oc) =>
      oc
        .column('year')
        .doUpdateSet({ note: row.note, confirmed_by: row.confirmed_by, confirmed_at: row.confirmed_at }),
    )
    .execute();
}

export async function deleteConfirmedYear(db: Executor, year: number): Promise<void> {
  await db.deleteFrom('calendar_years').where('year', '=', year).execute();
}

/** The settings row whose value changes with every edit of the calendar: a calendar is known by it. */
export const CALENDAR_VERSION_KEY = 'calendar_version';

const calendarVersionRow = prepared((db: Executor) =>
  db.selectFrom('settings').select('value').where('key', '=', CALENDAR_VERSION_KEY),
);

/**
 * The calendar's version: `<n>:<random id>`, renewed by every change, so the same version means the same
 * calendar in any database and a process may cache calendars by it (and share one across transactions).
 * '' is a database never changed: the official data alone. A bare `<n>` was written before the id.
 */
export async function calendarVersion(db: Executor): Promise<string> {
  const [row] = await calendarVersionRow(db);
  return row?.value ?? '';
}

export async function bumpCalendarVersion(db: Executor, at: string): Promise<void> {
  const value = `${Number.parseInt(await calendarVersion(db), 10) + 1 || 1}:${randomUUID()}`;
  await db
    .insertInto('settings')
    .values({ key: CALENDAR_VERSION_KEY, value, version: 1, updated_at: at })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at }))
    .execute();
}
