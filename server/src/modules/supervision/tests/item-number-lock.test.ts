import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { Actor } from '../../../platform/context.js';
import { startTestApp, type TestApp } from '../../../test-support/app.js';
import { TEST_DB } from '../../../test-support/database.js';
import { seedOrg, type TestOrg } from '../../../test-support/org.js';
import { recordAudit } from '../../audit/index.js';
import { createItem, type ItemInput } from '../item-flow.js';

const input = (title: string): ItemInput => ({
  title,
  requirements: '认真研究，抓好落实，按时反馈。',
  sourceType: 'instruction',
  sourceRef: { text: '请抓好落实。' },
  urgency: 'normal',
  responsibleLeaderId: null,
  feedbackCycle: 'weekly',
});

describe(`立项编号与审计链的加锁顺序 [${TEST_DB}]`, () => {
  let t: TestApp;
  let org: TestOrg;
  let supervisor: Actor;

  before(async () => {
    t = await startTestApp();
    org = await seedOrg(t);
    supervisor = {
      id: org.users.supervisor ?? 0,
      login: 'supervisor',
      name: 'supervisor',
      departmentId: org.departments.office,
      roles: ['supervisor'],
    };
  });
  after(() => t.close());

  /** On PostgreSQL: until a second transaction waits for an advisory lock (the first one holds). */
  async function someoneWaits(): Promise<void> {
    if (TEST_DB !== 'postgres') return;
    for (let i = 0; i < 200; i++) {
      const { rows } = await sql<{ n: number }>`select count(*) as n from pg_locks
        where locktype = 'advisory' and not granted`.execute(t.deps.db);
      if (Number(rows[0]?.n) > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  test('an item numbered after an audit row in its transaction and another item created meanwhile both succeed', async () => {
    const ctx = t.ctx(supervisor);
    let audited!: () => void;
    const firstAudited = new Promise<void>((resolve) => (audited = resolve));
    // The first transaction records an audit row, then (while the second is under way) numbers an
    // item: the demo's story and the 台账 import do this. The second only numbers an item.
    const first = t.deps.db.transaction().execute(async (trx) => {
      await recordAudit(trx, ctx, { action: 'test.before_item', objectType: 'system' });
      audited();
      await someoneWaits();
      return createItem(trx, ctx, input('先记审计再立项'));
    });
    await firstAudited;
    const second = t.deps.db.transaction().execute((trx) => createItem(trx, ctx, input('同时立项')));
    const ids = await Promise.all([first, second]);
    const numbers = await t.deps.db
      .selectFrom('items')
      .select('number')
      .where('id', 'in', ids)
      .orderBy('seq')
      .execute();
    assert.equal(new Set(numbers.map((n) => n.number)).size, 2, 'two items, two numbers');
  });
});
