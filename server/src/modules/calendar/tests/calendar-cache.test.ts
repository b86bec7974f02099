import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../../../test-support/app.js';
import { TEST_DB } from '../../../test-support/database.js';
import { loadCalendar, setDay } from '../service.js';

/** The calendar is cached by version across transactions, and a change in one database never shows in another. */
describe(`calendar cache [${TEST_DB}]`, () => {
  let one: TestApp;
  let two: TestApp;
  before(async () => {
    one = await startTestApp();
    two = await startTestApp();
  });
  after(async () => {
    await one.close();
    await two.close();
  });

  const inTransaction = (t: TestApp) => t.deps.db.transaction().execute((trx) => loadCalendar(trx));

  test('one calendar for every transaction until a change; the other database keeps its own', async () => {
    const first = await inTransaction(one);
    assert.equal(await inTransaction(one), first, 'a new transaction reuses the cached calendar');
    assert.equal(await inTransaction(two), first, 'two unchanged databases share the official calendar');

    // 2026-10-08 is a working day after 国庆 in the official data; one database makes it a holiday.
    await one.deps.db.transaction().execute((trx) => setDay(trx, one.ctx(), '2026-10-08', 'holiday', '调整'));
    await two.deps.db.transaction().execute((trx) => setDay(trx, two.ctx(), '2026-10-09', 'holiday', '调整'));
    const [changed, other] = [await inTransaction(one), await inTransaction(two)];
    assert.notEqual(changed, first);
    assert.deepEqual([changed.isWorkingDay('2026-10-08'), changed.isWorkingDay('2026-10-09')], [false, true]);
    assert.deepEqual([other.isWorkingDay('2026-10-08'), other.isWorkingDay('2026-10-09')], [true, false]);
    assert.equal(await inTransaction(one), changed);
  });
});
