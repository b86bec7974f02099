import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../../../test-support/app.js';
import { TEST_DB } from '../../../test-support/database.js';
import { seedOrg, type TestOrg } from '../../../test-support/org.js';
import { notifyAll } from '../index.js';

/**
 * What notifyAll hands to this process's streams must be the rows it wrote, whether it knows their ids
 * without reading them (SQLite: everyone got one, ids without a gap) or has to read them.
 */
describe(`notifyAll: the written rows it hands over [${TEST_DB}]`, () => {
  let t: TestApp;
  let org: TestOrg;
  let people: number[];

  before(async () => {
    t = await startTestApp();
    org = await seedOrg(t);
    const u = org.users;
    people = [u.member!, u.handler1!, u.head2!, u.leader!, u.handler2!];
  });
  after(() => t.close());

  const newest = async () =>
    Number(
      (
        await t.deps.db
          .selectFrom('notifications')
          .select((eb) => eb.fn.max('id').as('id'))
          .executeTakeFirstOrThrow()
      ).id ?? 0,
    );

  /** notifyAll to `userIds` under `key`; its handed recipients beside the rows it wrote, in id order. */
  async function send(userIds: number[], key: string) {
    const top = await newest();
    const sent = await t.deps.db.transaction().execute((trx) =>
      notifyAll(trx, t.ctx(), {
        userIds,
        kind: 'test.all',
        title: '新资料',
        body: '',
        link: '/library/materials/1',
        dedupeKey: key,
      }),
    );
    const rows = await t.deps.db
      .selectFrom('notifications')
      .select(['id', 'user_id'])
      .where('id', '>', top)
      .orderBy('id')
      .execute();
    return { sent, rows };
  }

  test('everyone told, ids in a row: the handed rows are the written ones, by person', async () => {
    const { sent, rows } = await send([people[2]!, people[0]!, people[4]!, people[1]!], 'all:1');
    assert.equal(sent.written, 4);
    assert.deepEqual(sent.live?.recipients, rows);
    assert.deepEqual(
      rows.map((r) => r.user_id),
      [people[2]!, people[0]!, people[4]!, people[1]!].sort((a, b) => a - b),
    );
  });

  test('someone already told, someone inactive, a person twice, a gap in the ids: read back', async () => {
    const again = await send([people[0]!, people[3]!], 'all:1');
    assert.equal(again.sent.written, 1, 'member was told under this key already');
    assert.deepEqual(again.sent.live?.recipients, again.rows);

    await t.deps.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', people[4]!).execute();
    const inactive = await send([people[4]!, people[1]!], 'all:2');
    assert.equal(inactive.sent.written, 1);
    assert.deepEqual(inactive.sent.live?.recipients, inactive.rows);

    const twice = await send([people[1]!, people[2]!, people[1]!], 'all:3');
    assert.equal(twice.sent.written, 2);
    assert.deepEqual(twice.sent.live?.recipients, twice.rows);

    // The newest row deleted: neither AUTOINCREMENT nor a sequence reuses its id, so the next ids skip one.
    const top = await newest();
    await t.deps.db.deleteFrom('notifications').where('id', '=', top).execute();
    const gap = await send([people[0]!, people[3]!], 'all:4');
    assert.equal(gap.sent.written, 2);
    assert.equal(gap.rows[0]?.id, top + 1);
    assert.deepEqual(gap.sent.live?.recipients, gap.rows);
  });
});
