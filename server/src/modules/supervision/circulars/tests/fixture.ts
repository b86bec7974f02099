import type { Actor } from '../../../../platform/context.js';
import type { Tx } from '../../../../platform/db/schema.js';
import type { TestApp } from '../../../../test-support/app.js';
import { PASSWORD, seedOrg, type TestOrg } from '../../../../test-support/org.js';
import { createDepartment, createUser } from '../../../identity/index.js';
import {
  acknowledge,
  approveCompletion,
  markLeaderRead,
  requestCompletion,
  returnCompletion,
  signOff,
} from '../../assignment-flow.js';
import { reviewFeedback, submitFeedback } from '../../feedback.js';
import { approveItem, assignItem, createItem, submitItem, suspendItem } from '../../item-flow.js';
import type { SourceType } from '../../labels.js';

/**
 * Two months of supervision work in three departments, driven through the services with the test clock
 * (09:00 Beijing each day). February is the previous period, March the reported one; the expected
 * figures are worked out in circulars.test.ts. Ends on 2026-04-02.
 *
 *   A 第一监督检查室: P1 on time (Feb); P3 on time, M1 on time, M4 late after a returned completion (Mar)
 *   B 第二监督检查室: P1 late (Feb); M1 overdue, M2 in progress with a late, returned feedback,
 *                     M5 suspended (Mar)
 *   C 第三监督检查室: P2 overdue at the end of Feb, closed late in Mar; M3 overdue (a 会议议定 item),
 *                     M6 standing, M7 on time (Mar)
 */
export interface CircularFixture {
  org: TestOrg & { third: number };
  actors: Record<string, Actor>;
  /** Assignment ids by item label and department letter, e.g. `M1B`. */
  assignments: Record<string, number>;
  items: Record<string, number>;
}

export async function buildCircularFixture(t: TestApp): Promise<CircularFixture> {
  const org = await seedOrg(t);
  const { db } = t.deps;
  const third = await db.transaction().execute(async (trx) => {
    const id = await createDepartment(trx, t.ctx(), { name: '第三监督检查室', code: 'jd3', parentId: null });
    for (const [login, roles] of [
      ['head3', ['department_head']],
      ['handler3', ['handler']],
    ] as const)
      org.users[login] = (
        await createUser(trx, t.ctx(), {
          login,
          name: login,
          departmentId: id,
          roles: [...roles],
          password: PASSWORD,
        })
      ).id;
    return id;
  });
  const { first: A, second: B } = org.departments;
  const C = third;
  const roles: Record<string, [number, Actor['roles']]> = {
    supervisor: [org.departments.office, ['supervisor']],
    leader: [org.departments.office, ['leader']],
    head1: [A, ['department_head']],
    handler1: [A, ['handler']],
    head2: [B, ['department_head']],
    handler2: [B, ['handler']],
    head3: [C, ['department_head']],
    handler3: [C, ['handler']],
  };
  const actors: Record<string, Actor> = {};
  for (const [login, [departmentId, r]] of Object.entries(roles))
    actors[login] = { id: org.users[login] ?? 0, login, name: login, departmentId, roles: r };

  const as = (login: string) => t.ctx(actors[login]);
  const run = <T>(fn: (trx: Tx) => Promise<T>) => db.transaction().execute(fn);
  const on = (date: string) => t.clock.set(`${date}T01:00:00.000Z`);
  const items: Record<string, number> = {};
  const assignments: Record<string, number> = {};
  const letter = new Map([
    [A, 'A'],
    [B, 'B'],
    [C, 'C'],
  ]);
  // Read inside the step's transaction: SQLite has one connection, which the transaction holds.
  const version = async (trx: Tx, table: 'items' | 'assignments' | 'feedbacks', id: number) =>
    (await trx.selectFrom(table).select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;

  async function item(
    label: string,
    parts: { department: number; deadline: string | null }[],
    extra: { sourceType?: SourceType; standing?: boolean } = {},
  ): Promise<void> {
    const sup = as('supervisor');
    const id = await run((trx) =>
      createItem(trx, sup, {
        title: `关于落实${label}号督办事项的批示`,
        requirements: '认真研究，抓好落实，按时反馈。',
        sourceType: extra.sourceType ?? 'instruction',
        sourceRef: { text: '请抓好落实。' },
        urgency: 'normal',
        responsibleLeaderId: null,
        feedbackCycle: 'weekly',
        standing: extra.standing ?? false,
      }),
    );
    items[label] = id;
    await run(async (trx) => submitItem(trx, sup, id, await version(trx, 'items', id)));
    await run(async (trx) => approveItem(trx, as('leader'), id, await version(trx, 'items', id)));
    await run(async (trx) =>
      assignItem(
        trx,
        sup,
        id,
        await version(trx, 'items', id),
        parts.map((p, i) => ({
          departmentId: p.department,
          role: i === 0 ? 'lead' : 'assist',
          deadline: p.deadline,
        })),
      ),
    );
    const rows = await db
      .selectFrom('assignments')
      .select(['id', 'department_id'])
      .where('item_id', '=', id)
      .execute();
    for (const r of rows) {
      const key = `${label}${letter.get(r.department_id) ?? '?'}`;
      assignments[key] = r.id;
      const handler = { A: 'handler1', B: 'handler2', C: 'handler3' }[key.slice(-1)] ?? 'handler1';
      await run(async (trx) => acknowledge(trx, as(handler), r.id, await version(trx, 'assignments', r.id)));
    }
  }

  const request = (key: string, login: string) =>
    run(async (trx) => {
      const id = assignments[key] ?? 0;
      await requestCompletion(
        trx,
        as(login),
        id,
        await version(trx, 'assignments', id),
        '已按要求办结，附办理报告。',
      );
    });
  const close = async (key: string) => {
    const id = assignments[key] ?? 0;
    for (const step of [approveCompletion, markLeaderRead, signOff])
      await run(async (trx) => step(trx, as('supervisor'), id, await version(trx, 'assignments', id)));
  };

  on('2026-02-02');
  await item('P1', [
    { department: A, deadline: '2026-02-10' },
    { department: B, deadline: '2026-02-10' },
  ]);
  on('2026-02-03');
  await item('P2', [{ department: C, deadline: '2026-02-13' }]);
  on('2026-02-04');
  await item('P3', [{ department: A, deadline: '2026-03-20' }]);
  on('2026-02-09');
  await request('P1A', 'handler1');
  on('2026-02-10');
  await close('P1A');
  on('2026-02-12');
  await request('P1B', 'handler2');
  await close('P1B');

  on('2026-03-02');
  await item('M1', [
    { department: A, deadline: '2026-03-13' },
    { department: B, deadline: '2026-03-13' },
  ]);
  on('2026-03-03');
  await item('M2', [{ department: B, deadline: '2026-04-30' }]);
  on('2026-03-04');
  await request('P2C', 'handler3');
  on('2026-03-05');
  await close('P2C');
  await item('M3', [{ department: C, deadline: '2026-03-20' }], { sourceType: 'meeting' });
  const { id: onTime } = await run((trx) =>
    submitFeedback(trx, as('handler1'), assignments.M1A ?? 0, '已召开专题会议部署。'),
  );
  for (const reviewer of ['head1', 'supervisor'])
    await run(async (trx) =>
      reviewFeedback(trx, as(reviewer), onTime, await version(trx, 'feedbacks', onTime), 'approve', null),
    );
  on('2026-03-06');
  await item('M5', [{ department: B, deadline: '2026-03-31' }]);
  await run(async (trx) =>
    suspendItem(trx, as('supervisor'), items.M5 ?? 0, await version(trx, 'items', items.M5 ?? 0), '任务调整'),
  );
  on('2026-03-07');
  const { id: late } = await run((trx) =>
    submitFeedback(trx, as('handler2'), assignments.M2B ?? 0, '正在推进。'),
  );
  await run(async (trx) =>
    reviewFeedback(trx, as('head2'), late, await version(trx, 'feedbacks', late), 'return', '内容过于简单'),
  );
  on('2026-03-09');
  await item('M4', [{ department: A, deadline: '2026-03-16' }]);
  await item('M6', [{ department: C, deadline: null }], { standing: true });
  on('2026-03-10');
  await request('P3A', 'handler1');
  on('2026-03-11');
  await close('P3A');
  on('2026-03-12');
  await request('M1A', 'handler1');
  on('2026-03-13');
  await close('M1A');
  on('2026-03-16');
  await item('M7', [{ department: C, deadline: '2026-03-25' }]);
  on('2026-03-17');
  await request('M4A', 'handler1');
  await run(async (trx) =>
    returnCompletion(
      trx,
      as('supervisor'),
      assignments.M4A ?? 0,
      await version(trx, 'assignments', assignments.M4A ?? 0),
      '佐证材料不全',
    ),
  );
  on('2026-03-18');
  await request('M4A', 'handler1');
  on('2026-03-19');
  await close('M4A');
  on('2026-03-24');
  await request('M7C', 'handler3');
  on('2026-03-25');
  await close('M7C');
  on('2026-04-02');
  return { org: { ...org, third }, actors, assignments, items };
}
