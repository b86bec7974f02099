import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openTestDatabase, TEST_DB, type TestDatabase } from '../../../../test-support/database.js';
import { beijingDate } from '../../../calendar/index.js';
import { canAccess, membersWithAccess, windowOf, type AccessMaterial } from '../index.js';
import { insertGrant } from '../grants-repository.js';
import { yearsBefore } from '../window.js';

/** One grant of a history: [starts, ends (null: open-ended), back years, revoked at, tier]. */
type G = [string, string | null, number, (string | null)?, ('free' | 'member')?];

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const at = (s: string) => Date.parse(s);

/** Named histories at the edges the rule has, then seeded random ones. */
const NAMED: Record<string, G[]> = {
  none: [],
  freeTierOnly: [['2026-01-01T00:00:00.000Z', null, 3, null, 'free']],
  yearly: [['2026-03-02T01:00:00.000Z', '2027-03-02T01:00:00.000Z', 3]],
  stacked: [
    ['2026-03-02T01:00:00.000Z', '2027-03-02T01:00:00.000Z', 3],
    ['2027-03-02T01:00:00.000Z', '2028-03-02T01:00:00.000Z', 3],
  ],
  lapsedAndRenewed: [
    ['2026-01-01T02:00:00.000Z', '2026-07-01T02:00:00.000Z', 3],
    ['2026-09-01T02:00:00.000Z', '2027-09-01T02:00:00.000Z', 3],
  ],
  gapOfOneMillisecond: [
    ['2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z', 3],
    ['2026-02-01T00:00:00.001Z', '2026-03-01T00:00:00.000Z', 3],
  ],
  revokedThenRenewed: [
    ['2026-03-02T01:00:00.000Z', '2027-03-02T01:00:00.000Z', 3, '2026-08-01T00:00:00.000Z'],
    ['2026-10-01T01:00:00.000Z', '2027-10-01T01:00:00.000Z', 3],
  ],
  revokedBeforeStartAndEmpty: [
    ['2026-05-01T00:00:00.000Z', '2027-05-01T00:00:00.000Z', 5, '2026-04-01T00:00:00.000Z'],
    ['2026-06-01T00:00:00.000Z', '2026-06-01T00:00:00.000Z', 5],
    ['2026-06-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z', 1],
  ],
  overlappingWider: [
    ['2026-01-01T00:00:00.000Z', '2026-07-01T00:00:00.000Z', 3],
    ['2026-06-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z', 5],
  ],
  lastInstantOfBeijingDay: [['2026-02-01T15:59:59.999Z', null, 3]],
  firstInstantOfBeijingDay: [['2026-02-01T16:00:00.000Z', '2028-02-01T16:00:00.000Z', 3]],
  leapDay: [['2028-02-29T04:00:00.000Z', '2029-02-28T04:00:00.000Z', 3]],
  revokedAfterEnd: [['2026-04-01T00:00:00.000Z', '2026-10-01T00:00:00.000Z', 0, '2026-11-01T00:00:00.000Z']],
};

/** mulberry32: the same histories on every run and on both databases. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ (t + t);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Stacked, overlapping, lapsed, revoked and open-ended grants starting around Beijing midnight or noon. */
function randomHistory(next: () => number): G[] {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const out: G[] = [];
  let cursor = at('2025-06-01T00:00:00.000Z') + Math.floor(next() * 400) * DAY;
  const count = 1 + Math.floor(next() * 4);
  for (let i = 0; i < count; i += 1) {
    const offset = pick([0, 4 * 3_600_000, 16 * 3_600_000 - 1, 16 * 3_600_000]);
    const start = pick(['stacked', 'overlap', 'gap']);
    const startMs =
      i === 0 || start === 'gap'
        ? cursor + Math.floor(next() * 90) * DAY + offset
        : start === 'overlap'
          ? cursor - Math.floor(next() * 30) * DAY
          : cursor;
    const length = pick([30 * DAY, 365 * DAY, 2 * 365 * DAY]);
    const open = i === count - 1 && next() < 0.15;
    const revoked = next() < 0.2 ? iso(startMs + Math.floor((next() * 1.4 - 0.2) * length)) : null;
    out.push([iso(startMs), open ? null : iso(startMs + length), pick([1, 3, 3, 5]), revoked]);
    cursor = startMs + length;
  }
  return out;
}

describe(`library access: membersWithAccess gives what canAccess gives per member [${TEST_DB}]`, () => {
  let database: TestDatabase;
  const members: { id: number; grants: G[] }[] = [];

  before(async () => {
    database = await openTestDatabase();
    const next = random(20_261_127);
    const histories = [...Object.values(NAMED), ...Array.from({ length: 20 }, () => randomHistory(next))];
    const now = '2025-01-01T00:00:00.000Z';
    for (const [k, grants] of histories.entries()) {
      const { id } = await database.db
        .insertInto('users')
        .values({
          login: `history${k}`,
          name: `会员${k}`,
          department_id: null,
          status: 'active',
          password_hash: '!',
          password_changed_at: now,
          must_change_password: 0,
          failed_logins: 0,
          locked_until: null,
          totp_secret: null,
          totp_enabled: 0,
          is_demo: 0,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const [startsAt, endsAt, backYears, revokedAt, tier] of grants)
        await insertGrant(database.db, {
          member_id: id,
          tier: tier ?? 'member',
          source: 'comp',
          plan_id: null,
          order_id: null,
          code_id: null,
          starts_at: startsAt,
          ends_at: endsAt,
          back_years: backYears,
          note: '等价测试',
          revoked_at: revokedAt ?? null,
          revoked_by: null,
          revoke_reason: revokedAt ? '测试' : null,
          created_by: null,
          created_at: now,
        });
      members.push({ id, grants });
    }
  });
  after(() => database.dispose());

  /** Every grant's start, end and revocation, the millisecond before each, and a day and a year after. */
  function instants(grants: readonly G[]): string[] {
    const edges = grants
      .flatMap(([s, e, , r]) => [s, e, r])
      .filter((x): x is string => x !== null && x !== undefined);
    return edges.flatMap((x) => [x, iso(at(x) - 1), iso(at(x) + DAY), iso(at(x) + 365 * DAY)]);
  }

  /**
   * Materials around each window open at `when`: the first Beijing day it reaches (at its first instant)
   * and the day before (3 years + 1 day for a 3-year plan, at its last instant); one just published; a
   * free one; one scheduled after `when`.
   */
  async function materialsAt(when: string, ids: readonly number[]): Promise<AccessMaterial[]> {
    const out: AccessMaterial[] = [
      { id: 1, tier: 'member', publishedAt: iso(at(when) - 60_000) },
      { id: 2, tier: 'free', publishedAt: '2020-01-01T00:00:00.000Z' },
      { id: 3, tier: 'member', publishedAt: iso(at(when) + 1) },
    ];
    for (const id of ids) {
      const first = (await windowOf(database.db, id, new Date(when))).earliestContentOn;
      if (first === null) continue;
      const midnight = at(`${first}T00:00:00.000Z`) - 8 * 3_600_000;
      out.push({ id: out.length + 1, tier: 'member', publishedAt: iso(midnight) });
      out.push({ id: out.length + 1, tier: 'member', publishedAt: iso(midnight - 1) });
    }
    return out;
  }

  async function compare(when: string, edgeMembers: readonly number[]): Promise<number> {
    // Shuffled, so the order the caller gave is the one to keep.
    const ids = members.map((m) => m.id).sort((a, b) => ((a * 7919) % 97) - ((b * 7919) % 97));
    let checked = 0;
    for (const material of await materialsAt(when, edgeMembers)) {
      const expected: number[] = [];
      for (const id of ids) if (await canAccess(database.db, id, material, new Date(when))) expected.push(id);
      const got = await membersWithAccess(database.db, ids, material, new Date(when));
      assert.deepEqual(got, expected, `${material.publishedAt} at ${when}`);
      checked += expected.length;
    }
    return checked;
  }

  test('named histories: stacked, lapsed and renewed, revoked, Beijing midnight, 29 February', async () => {
    let admitted = 0;
    for (const [k, name] of Object.keys(NAMED).entries()) {
      const member = members[k];
      assert.ok(member, name);
      for (const when of instants(member.grants)) admitted += await compare(when, [member.id]);
    }
    assert.ok(admitted > 1000, `only ${admitted} admissions checked`);
  });

  test('3 years + 1 day before the run is out, exactly 3 years is in, for every member in a run', async () => {
    const when = '2027-01-15T03:00:00.000Z';
    const yearly = members[2]?.id ?? 0;
    const threeYears = yearsBefore(beijingDate(new Date('2026-03-02T01:00:00.000Z')), 3);
    assert.equal(threeYears, '2023-03-02');
    const dayBefore: AccessMaterial = { id: 1, tier: 'member', publishedAt: '2023-03-01T15:59:59.999Z' };
    const dayOf: AccessMaterial = { id: 2, tier: 'member', publishedAt: '2023-03-01T16:00:00.000Z' };
    assert.equal((await membersWithAccess(database.db, [yearly], dayBefore, new Date(when))).length, 0);
    assert.deepEqual(await membersWithAccess(database.db, [yearly], dayOf, new Date(when)), [yearly]);
    await compare(
      when,
      members.map((m) => m.id),
    );
  });

  test('seeded random histories, at their edges and a year on', async () => {
    let admitted = 0;
    for (const member of members.slice(Object.keys(NAMED).length)) {
      const edges = instants(member.grants).filter((_, i) => i % 4 === 0);
      for (const when of edges) admitted += await compare(when, [member.id]);
    }
    assert.ok(admitted > 1000, `only ${admitted} admissions checked`);
  });
});
