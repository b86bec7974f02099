import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { officialRules } from '../official.js';
import { beijingDate, isValidDate, WorkingCalendar } from '../working-calendar.js';

const { rules, years } = officialRules();
const calendar = new WorkingCalendar(rules, years);

describe('working calendar on the official 2026 data', () => {
  test('国庆 2026: holidays 10-01…10-07, make-up working days on Sunday 09-20 and Saturday 10-10', () => {
    for (let d = 1; d <= 7; d++) assert.equal(calendar.isWorkingDay(`2026-10-0${d}`), false);
    assert.equal(calendar.isWorkingDay('2026-09-20'), true, 'Sunday make-up day');
    assert.equal(calendar.isWorkingDay('2026-10-10'), true, 'Saturday make-up day');
    assert.equal(calendar.isWorkingDay('2026-10-11'), false, 'ordinary Sunday');
    assert.equal(calendar.rule('2026-10-01')?.name, '国庆节');
  });

  test('5 working days from Tuesday 2026-09-29 land on Monday 2026-10-12, across 国庆 and its make-up Saturday', () => {
    // 09-30 (1), 10-01…10-07 holiday, 10-08 (2), 10-09 (3), 10-10 Saturday make-up (4), 10-12 (5).
    assert.deepEqual(calendar.addWorkingDays('2026-09-29', 5), { date: '2026-10-12', unconfirmedYears: [] });
  });

  test('春节 2026: 15 working days from 2026-02-13 skip the nine-day holiday and count the make-up days', () => {
    // 02-14 Saturday make-up (1), 02-15…02-23 holiday, 02-24…02-27 (2–5), 02-28 Saturday make-up (6), 03-02… (7–15).
    assert.equal(calendar.addWorkingDays('2026-02-13', 15).date, '2026-03-12');
    assert.equal(calendar.workingDaysBetween('2026-02-13', '2026-03-12'), 15);
  });

  test('a deadline counted into a year without official data says so', () => {
    const result = calendar.addWorkingDays('2026-12-24', 10);
    assert.deepEqual(result.unconfirmedYears, [2027]);
    assert.equal(calendar.isKnownYear(2026), true);
    assert.equal(calendar.isKnownYear(2027), false);
  });

  test('an administrator’s entries override the weekday rule in a year without official data', () => {
    const entered = new Map(rules);
    entered.set('2027-01-01', { kind: 'holiday', name: '元旦', source: 'admin' });
    const withEntry = new WorkingCalendar(entered, new Set([...years, 2027]));
    assert.equal(withEntry.isWorkingDay('2027-01-01'), false);
    assert.deepEqual(withEntry.addWorkingDays('2026-12-30', 2), { date: '2027-01-04', unconfirmedYears: [] });
  });

  test('Beijing dates and date validation', () => {
    assert.equal(beijingDate(new Date('2026-09-30T16:30:00Z')), '2026-10-01');
    assert.equal(isValidDate('2026-02-29'), false);
    assert.equal(isValidDate('2028-02-29'), true);
  });
});
