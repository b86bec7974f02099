import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addPeriod } from '../plans.js';
import { stackedStart, windowAt, yearsBefore, type GrantSpan } from '../window.js';

const span = (startsAt: string, endsAt: string | null, backYears = 3): GrantSpan => ({
  startsAt,
  endsAt,
  backYears,
});

describe('membership runs and periods (no database)', () => {
  test('29 February reaches back to 28 February; a month from 31 January ends on the last of February', () => {
    assert.equal(yearsBefore('2028-02-29', 3), '2025-02-28');
    assert.equal(yearsBefore('2026-03-02', 3), '2023-03-02');
    assert.equal(
      addPeriod('2027-01-31T02:00:00.000Z', { period_unit: 'month', period_count: 1 }),
      '2027-02-28T02:00:00.000Z',
    );
    assert.equal(
      addPeriod('2026-03-02T01:00:00.000Z', { period_unit: 'day', period_count: 30 }),
      '2026-04-01T01:00:00.000Z',
    );
  });

  test('overlapping grants join one run whatever their order; the widest back catalogue in force counts', () => {
    const spans = [
      span('2026-06-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z', 5),
      span('2026-01-01T00:00:00.000Z', '2026-07-01T00:00:00.000Z'),
    ];
    const inFirst = windowAt(spans, '2026-02-01T00:00:00.000Z');
    assert.equal(inFirst.runStart, '2026-01-01T00:00:00.000Z');
    assert.equal(inFirst.runEnd, '2026-12-01T00:00:00.000Z');
    assert.equal(inFirst.earliestContentOn, '2023-01-01');
    assert.equal(windowAt(spans, '2026-06-15T00:00:00.000Z').earliestContentOn, '2021-01-01');
    assert.equal(windowAt(spans, '2026-12-01T00:00:00.000Z').tier, 'free');
  });

  test('a gap of one millisecond breaks the run; an open-ended grant cannot be stacked after', () => {
    const spans = [
      span('2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z'),
      span('2026-02-01T00:00:00.001Z', '2026-03-01T00:00:00.000Z'),
    ];
    assert.equal(windowAt(spans, '2026-02-15T00:00:00.000Z').runStart, '2026-02-01T00:00:00.001Z');
    assert.equal(windowAt(spans, '2026-02-01T00:00:00.000Z').tier, 'free');
    assert.equal(stackedStart(spans, '2026-01-15T00:00:00.000Z'), '2026-02-01T00:00:00.000Z');
    assert.equal(stackedStart([span('2026-01-01T00:00:00.000Z', null)], '2026-05-01T00:00:00.000Z'), null);
    assert.equal(stackedStart([], '2026-05-01T00:00:00.000Z'), '2026-05-01T00:00:00.000Z');
  });
});
