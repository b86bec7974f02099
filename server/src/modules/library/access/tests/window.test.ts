import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addPeriod } from '../plans.js';
import {
  admits,
  backYearsReaching,
  reachesBack,
  runAt,
  stackedStart,
  windowAt,
  yearsBefore,
  type GrantSpan,
} from '../window.js';

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

  test('reachesBack and backYearsReaching agree with admits() on every run start around 29 February', () => {
    const day = (ms: number) => new Date(ms).toISOString();
    const from = Date.parse('2027-12-20T00:00:00.000Z');
    const published = [
      '2024-02-28',
      '2024-02-29',
      '2024-03-01',
      '2025-02-28',
      '2025-03-01',
      '2026-12-31',
    ].flatMap((d) => [`${d}T00:00:00.000Z`, `${d}T15:59:59.999Z`, `${d}T16:00:00.000Z`]);
    for (const publishedAt of published) {
      const reaches = reachesBack(publishedAt);
      for (let i = 0; i < 120 * 3; i += 1) {
        // Every Beijing day from late 2027 to spring 2028: its last instant, its next day's first, its noon.
        const start = day(
          from + Math.floor(i / 3) * 86_400_000 + [16 * 3_600_000 - 1, 16 * 3_600_000, 4 * 3_600_000][i % 3]!,
        );
        for (const backYears of [0, 1, 3, 4, 5]) {
          const spans = [span(start, null, backYears)];
          const run = runAt(spans, start);
          assert.ok(run);
          assert.equal(
            reaches(run),
            admits(windowAt(spans, start), publishedAt),
            `${publishedAt} ${start} ${backYears}`,
          );
        }
      }
      for (const at of ['2028-01-01T00:00:00.000Z', '2028-02-29T15:59:59.999Z', '2028-02-29T16:00:00.000Z']) {
        // Fewest: a run starting at `at` reaches with that many years and not with one less.
        const fewest = backYearsReaching(publishedAt, at);
        assert.equal(admits(windowAt([span(at, null, fewest)], at), publishedAt), true);
        if (fewest > 0) assert.equal(admits(windowAt([span(at, null, fewest - 1)], at), publishedAt), false);
      }
    }
  });
});
