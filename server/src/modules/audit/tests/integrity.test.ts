import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../../../test-support/app.js';
import { breakAuditInserts, repairAuditInserts } from '../../../test-support/audit.js';
import { TEST_DB } from '../../../test-support/database.js';
import { PASSWORD, seedOrg } from '../../../test-support/org.js';
import { recordAudit } from '../record.js';
import { verifyAuditTrail } from '../verify.js';

describe(`audit rows are bound to their changes [${TEST_DB}]`, () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
    await seedOrg(t);
  });
  after(() => t.close());

  const auditRows = async () =>
    Number(
      (
        await t.deps.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const userNamed = (login: string) =>
    t.deps.db.selectFrom('users').select('id').where('login', '=', login).executeTakeFirst();

  test('a business write rolls back when its audit row cannot be written', async () => {
    const c = t.client();
    assert.equal((await c.login('sysadmin', PASSWORD)).statusCode, 200);
    const rowsBefore = await auditRows();
    const newcomer = { login: 'newcomer', name: '新同事', departmentId: null };

    await breakAuditInserts(t.deps.db);
    try {
      assert.equal((await c.post('/api/users', newcomer)).statusCode, 500);
    } finally {
      await repairAuditInserts(t.deps.db);
    }
    assert.equal(await userNamed('newcomer'), undefined, 'no user without its audit row');
    assert.equal(await auditRows(), rowsBefore);

    assert.equal((await c.post('/api/users', newcomer)).statusCode, 201);
    const created = await userNamed('newcomer');
    const row = await t.deps.db
      .selectFrom('audit_log')
      .select(['actor_login', 'object_id'])
      .where('action', '=', 'user.create')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { actor_login: 'sysadmin', object_id: String(created?.id) });
    assert.equal((await verifyAuditTrail(t.deps.db, t.deps.keys)).ok, true);
  });

  test(
    'PostgreSQL itself refuses UPDATE, DELETE and TRUNCATE on audit_log',
    { skip: TEST_DB !== 'postgres' && 'SQLite has no such trigger: there the checkpoints catch changes' },
    async () => {
      const db = t.deps.db;
      await assert.rejects(sql`update audit_log set action = 'x' where seq = 1`.execute(db), /append-only/);
      await assert.rejects(sql`delete from audit_log where seq = 1`.execute(db), /append-only/);
      await assert.rejects(sql`truncate audit_log`.execute(db), /append-only/);

      // Even the purge setting frees only rows older than 183 days by the database's own clock.
      t.clock.set(new Date());
      await db
        .transaction()
        .execute((trx) => recordAudit(trx, t.ctx(), { action: 'test.event', objectType: 'test' }));
      const newest = await db
        .selectFrom('audit_log')
        .select('seq')
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      await assert.rejects(
        db.transaction().execute(async (trx) => {
          await sql`select set_config('luoshi.audit_purge_before', '2999-01-01T00:00:00Z', true)`.execute(
            trx,
          );
          await sql`delete from audit_log where seq = ${newest.seq}`.execute(trx);
        }),
        /append-only/,
      );
      assert.equal((await verifyAuditTrail(db, t.deps.keys)).ok, true);
    },
  );
});
