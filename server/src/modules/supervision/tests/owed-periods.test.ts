import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Tx } from '../../../platform/db/schema.js';
import { startTestApp, type TestApp } from '../../../test-support/app.js';
import { TEST_DB } from '../../../test-support/database.js';
import { beijingDate, loadCalendar, type WorkingCalendar } from '../../calendar/index.js';
import { buildCircularFixture, type CircularFixture } from '../circulars/tests/fixture.js';
import { acknowledge, requestCompletion, returnCompletion } from '../assignment-flow.js';
import { decideExtension, requestExtension } from '../extensions.js';
import { reviewFeedback, submitFeedback } from '../feedback.js';
import { approveItem, assignItem, createItem, reopenItem, submitItem, suspendItem } from '../item-flow.js';
import { lightBounds, lightOf, type Light } from '../lights.js';
import { openLightCounts } from '../dashboard/repository.js';
import { deliveredPeriods, fillOwedPeriods, owedPeriodOf } from '../owed-periods.js';
import { periodsBetween } from '../periods.js';
import { getSupervisionSettings } from '../settings.js';
import { assignmentLight } from '../views.js';
import { supervisionTodos } from '../todos.js';
import { assertLightCountsKept } from './light-counts.js';
import type { FeedbackCycle } from '../../../platform/db/schema.js';

const SEVERITY: Partial<Record<Light, number>> = { red: 2, yellow: 1, green: 0 };

/** The light as it was computed before 0017: every feedback period since signing, walked up to today. */
function recomputed(
  a: {
    status: string;
    deadline: string | null;
    feedback_cycle: FeedbackCycle;
    closed_on_time: number | null;
  },
  since: string,
  standing: boolean,
  delivered: ReadonlySet<string>,
  at: { today: string; calendar: WorkingCalendar; warnDays: number },
): Light {
  const due =
    a.status === 'acknowledged'
      ? (periodsBetween(a.feedback_cycle, since, at.today, at.calendar, a.deadline).find(
          (p) => !delivered.has(p.key),
        )?.due ?? null)
      : null;
  return lightOf(
    {
      status: a.status,
      deadline: a.deadline,
      standing,
      closedOnTime: a.closed_on_time === null ? null : a.closed_on_time === 1,
      nextFeedbackDue: due,
    },
    at.today,
    at.calendar,
    at.warnDays,
  );
}

/**
 * The stored first owed feedback period (0017) against a full recomputation: the circulars' fixture
 * (weekly feedback late, returned, standing, suspended, closed, completion returned) plus monthly,
 * quarterly, half-yearly and one-off cycles, an approved extension, a suspension and a reopening,
 * checked on days from April to July. Stored columns, the dashboard's SQL counts and the lists' lights
 * must all equal what walking every period gives.
 */
describe(`stored owed feedback periods equal a full recomputation [${TEST_DB}]`, () => {
  let t: TestApp;
  let fx: CircularFixture;
  const extra: Record<string, number> = {};
  const run = <T>(fn: (trx: Tx) => Promise<T>) => t.deps.db.transaction().execute(fn);
  const as = (login: string) => t.ctx(fx.actors[login]);
  const on = (date: string) => t.clock.set(`${date}T01:00:00.000Z`);
  const version = async (trx: Tx, table: 'items' | 'assignments' | 'feedbacks', id: number) =>
    (await trx.selectFrom(table).select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
  const signedIn = async (itemId: number) =>
    (
      await t.deps.db
        .selectFrom('assignments')
        .select('id')
        .where('item_id', '=', itemId)
        .executeTakeFirstOrThrow()
    ).id;

  /** One item with one assignment to the first department, signed at once by handler1. */
  async function signed(label: string, cycle: FeedbackCycle, deadline: string | null): Promise<number> {
    const sup = as('supervisor');
    const id = await run((trx) =>
      createItem(trx, sup, {
        title: `关于${label}的批示`,
        requirements: '按期反馈。',
        sourceType: 'superior',
        sourceRef: {},
        urgency: 'normal',
        responsibleLeaderId: null,
        feedbackCycle: cycle,
        standing: deadline === null,
      }),
    );
    extra[`item:${label}`] = id;
    await run(async (trx) => submitItem(trx, sup, id, await version(trx, 'items', id)));
    await run(async (trx) => approveItem(trx, as('leader'), id, await version(trx, 'items', id)));
    await run(async (trx) =>
      assignItem(trx, sup, id, await version(trx, 'items', id), [
        { departmentId: fx.org.departments.first, role: 'lead', deadline },
      ]),
    );
    const a = await signedIn(id);
    await run(async (trx) => acknowledge(trx, as('handler1'), a, await version(trx, 'assignments', a)));
    extra[label] = a;
    return a;
  }
  const feedback = async (label: string) =>
    (await run((trx) => submitFeedback(trx, as('handler1'), extra[label] ?? 0, '按期报送进展。'))).id;

  async function compare(today: string): Promise<void> {
    on(today);
    const db = t.deps.db;
    const calendar = await loadCalendar(db);
    const warnDays = (await getSupervisionSettings(db)).warnDays;
    const at = { today, calendar, warnDays };
    const rows = await db
      .selectFrom('assignments as a')
      .innerJoin('items as i', 'i.id', 'a.item_id')
      .selectAll('a')
      .select(['i.standing as item_standing', 'i.source_type as item_source'])
      .orderBy('a.id')
      .execute();
    const feedbacks = await db
      .selectFrom('feedbacks')
      .select(['assignment_id', 'period', 'status'])
      .execute();
    const owedTodos: [string, string][] = [];
    const bySource = new Map<string, number>();
    const byStatus = new Map<string, number>();
    for (const a of rows) {
      const delivered = deliveredPeriods(feedbacks.filter((f) => f.assignment_id === a.id));
      assert.deepEqual(
        [a.feedback_owed_start, a.feedback_owed_end],
        Object.values(owedPeriodOf(a, delivered)),
        `stored owed period of assignment ${a.id} on ${today}`,
      );
      assert.equal(a.source_type, a.item_source);
      assert.equal(a.standing, a.item_standing);
      const since = beijingDate(new Date(a.acknowledged_at ?? a.assigned_at));
      const light = recomputed(a, since, a.item_standing === 1, delivered, at);
      const owed =
        a.status === 'acknowledged'
          ? periodsBetween(a.feedback_cycle, since, today, calendar, a.deadline).find(
              (p) => !delivered.has(p.key),
            )
          : undefined;
      if (
        owed &&
        a.department_id === fx.org.departments.first &&
        calendar.workingDaysBetween(today, owed.due) <= warnDays
      )
        owedTodos.push([`feedback-${a.id}-${owed.key}`, owed.due]);
      const item = await db
        .selectFrom('items')
        .selectAll()
        .where('id', '=', a.item_id)
        .executeTakeFirstOrThrow();
      assert.equal(
        assignmentLight(a, item, { ...at }).light,
        light,
        `light of assignment ${a.id} on ${today}`,
      );
      const severity = SEVERITY[light];
      if (a.closed_at !== null || a.status === 'suspended' || severity === undefined) continue;
      const add = (m: Map<string, number>, key: string) => m.set(key, (m.get(key) ?? 0) + 1);
      add(bySource, `${a.item_source}:${severity}`);
      add(byStatus, `${a.status}:${severity}`);
    }
    const counted = async (by: 'source_type' | 'status') =>
      new Map(
        (await openLightCounts(db, lightBounds(calendar, today, warnDays), null, by)).map((c) => [
          `${c.key}:${c.severity}`,
          c.n,
        ]),
      );
    await assertLightCountsKept(db, `on ${today}`);
    assert.deepEqual(await counted('source_type'), bySource, `lights by source on ${today}`);
    assert.deepEqual(await counted('status'), byStatus, `lights by status on ${today}`);
    const todos = await supervisionTodos(db, as('handler1'));
    assert.deepEqual(
      todos
        .filter((x) => x.kind === 'feedback')
        .map((x) => [x.id, x.dueAt])
        .sort(),
      owedTodos.sort(),
      `feedback to-dos on ${today}`,
    );
  }

  before(async () => {
    t = await startTestApp();
    fx = await buildCircularFixture(t);
    await signed('月报', 'monthly', '2026-09-30');
    await signed('季报', 'quarterly', '2026-12-31');
    await signed('半年报', 'half_yearly', '2026-12-31');
    await signed('一次反馈', 'once', '2026-04-10');
    await signed('一次已报', 'once', '2026-04-08');
    await feedback('一次已报');
    await signed('长期', 'monthly', null);
    await signed('退回办结', 'weekly', '2026-06-30');
    await signed('中止后重启', 'weekly', '2026-05-29');
  });
  after(() => t.close());

  test('on the fixture’s last day and after every later change', async () => {
    await compare('2026-04-02');

    on('2026-04-03');
    const once = extra['一次反馈'] ?? 0;
    const ext = await run((trx) => requestExtension(trx, as('handler1'), once, '2026-05-20', '需要更多时间'));
    await run((trx) => decideExtension(trx, as('supervisor'), ext, true, null));
    const back = extra['退回办结'] ?? 0;
    await run(async (trx) =>
      requestCompletion(trx, as('handler1'), back, await version(trx, 'assignments', back), '已完成'),
    );
    await compare('2026-04-03');
    await run(async (trx) =>
      returnCompletion(trx, as('supervisor'), back, await version(trx, 'assignments', back), '材料不全'),
    );
    const paused = extra['item:中止后重启'] ?? 0;
    await run(async (trx) =>
      suspendItem(trx, as('supervisor'), paused, await version(trx, 'items', paused), '任务调整'),
    );
    await compare('2026-04-09');

    on('2026-04-20');
    await run(async (trx) =>
      reopenItem(
        trx,
        as('supervisor'),
        paused,
        await version(trx, 'items', paused),
        '继续推进',
        '2026-06-30',
      ),
    );
    await feedback('月报');
    const quarterly = await feedback('季报');
    await run(async (trx) =>
      reviewFeedback(
        trx,
        as('head1'),
        quarterly,
        await version(trx, 'feedbacks', quarterly),
        'return',
        '请补充',
      ),
    );
    await run((trx) => submitFeedback(trx, as('handler2'), fx.assignments.M2B ?? 0, '补报第10周进展。'));
    await compare('2026-04-20');
    await compare('2026-04-30');
    await compare('2026-05-06');
    await compare('2026-05-20');
    await compare('2026-07-01');
  });

  test('a returned week filed again skips the later weeks already delivered', async () => {
    on('2026-07-06');
    const weekly = await signed('周报', 'weekly', '2026-12-31');
    const filed: number[] = [];
    for (const day of ['2026-07-08', '2026-07-15', '2026-07-22']) {
      on(day);
      filed.push(await feedback('周报'));
    }
    const middle = filed[1] ?? 0;
    await run(async (trx) =>
      reviewFeedback(trx, as('head1'), middle, await version(trx, 'feedbacks', middle), 'return', '数据有误'),
    );
    await compare('2026-07-23');
    on('2026-07-23');
    assert.equal(await feedback('周报'), middle, 'the returned week is the one filed again');
    await compare('2026-07-23');
    const owed = await t.deps.db
      .selectFrom('assignments')
      .select('feedback_owed_start')
      .where('id', '=', weekly)
      .executeTakeFirstOrThrow();
    assert.equal(owed.feedback_owed_start, '2026-07-27');
  });

  test('the repair computes the same periods from the feedbacks alone', async () => {
    const before = await t.deps.db.selectFrom('assignments').selectAll().orderBy('id').execute();
    await t.deps.db
      .updateTable('assignments')
      .set({ feedback_owed_start: null, feedback_owed_end: null })
      .execute();
    assert.ok((await fillOwedPeriods(t.deps.db, 7)) > 7);
    assert.deepEqual(await t.deps.db.selectFrom('assignments').selectAll().orderBy('id').execute(), before);
  });
});
