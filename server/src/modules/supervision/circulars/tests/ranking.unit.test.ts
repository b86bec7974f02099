import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { byTimeliness, rankBy, rated } from '../stats.js';

describe('department ranking', () => {
  test('competition ranking: equal rows share a rank, the next rank skips, ties keep their order', () => {
    const rows = [
      { id: 'a', score: 70 },
      { id: 'b', score: 90 },
      { id: 'c', score: 70 },
      { id: 'd', score: 50 },
      { id: 'e', score: 90 },
    ];
    assert.deepEqual(
      rankBy(rows, (x, y) => y.score - x.score).map((r) => [r.id, r.rank]),
      [
        ['b', 1],
        ['e', 1],
        ['a', 3],
        ['c', 3],
        ['d', 5],
      ],
    );
    assert.deepEqual(rows[0], { id: 'a', score: 70 }, 'the rows given are not changed');
  });

  test('by timeliness: higher on-time rate, then fewer overdue, then more closed on time; no rate last', () => {
    const counts = (closedOnTime: number, closedLate: number, overdue: number) => ({
      assigned: 0,
      closedOnTime,
      closedLate,
      overdue,
      inProgress: 0,
    });
    const rows = [
      { id: 'nothing due', ...rated(counts(0, 0, 0)) },
      { id: 'half, one overdue', ...rated(counts(1, 0, 1)) },
      { id: 'all on time', ...rated(counts(3, 0, 0)) },
      { id: 'half, none overdue', ...rated(counts(1, 1, 0)) },
    ];
    assert.deepEqual(
      rankBy(rows, byTimeliness).map((r) => [r.id, r.onTimeRate, r.rank]),
      [
        ['all on time', 100, 1],
        ['half, none overdue', 50, 2],
        ['half, one overdue', 50, 3],
        ['nothing due', null, 4],
      ],
    );
  });
});
