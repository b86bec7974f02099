import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import { openDatabase, type Database } from '../database.js';
import { TEST_DB } from '../../../test-support/database.js';

/** Group commit is SQLite's alone (sqlite-driver.ts); PostgreSQL commits each transaction itself. */
describe(
  'SQLite group commit',
  { skip: TEST_DB === 'postgres' && 'SQLite only: the PostgreSQL run would repeat it' },
  () => {
    let dir: string;
    let database: Database;
    let peer: BetterSqlite3.Database;
    const statements: string[] = [];
    let db: Kysely<unknown>;

    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'luoshi-group-commit-'));
      const file = join(dir, 'test.db');
      database = openDatabase(`sqlite:${file}`, {
        log: (event) => void statements.push(event.query.sql),
      });
      db = database.db as unknown as Kysely<unknown>;
      await sql`create table note (id integer primary key, text text not null unique)`.execute(db);
      await sql`create table parent (id integer primary key)`.execute(db);
      await sql`create table child (id integer primary key, parent_id integer not null references parent (id) deferrable initially deferred)`.execute(
        db,
      );
      peer = new BetterSqlite3(file, { readonly: true });
    });

    after(async () => {
      peer.close();
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    });

    const peerCount = () => (peer.prepare('select count(*) as n from note').get() as { n: number }).n;
    const insert = (trx: Kysely<unknown>, text: string) =>
      sql`insert into note (text) values (${text})`.execute(trx);

    test('transactions started in one turn share one BEGIN and one COMMIT, each acknowledged after it', async () => {
      await sql`delete from note`.execute(db);
      statements.length = 0;
      const seenByPeer: number[] = [];
      await Promise.all(
        ['甲', '乙', '丙'].map((text) =>
          db.transaction().execute(async (trx) => {
            // Another connection sees none of the batch until its one COMMIT.
            seenByPeer.push(peerCount());
            await insert(trx, text);
          }),
        ),
      );
      assert.deepEqual(seenByPeer, [0, 0, 0]);
      assert.equal(peerCount(), 3, 'every transaction is committed when execute() resolves');
      assert.equal(statements.filter((s) => s === 'begin immediate').length, 1);
      assert.equal(statements.filter((s) => s === 'commit').length, 1);
      assert.equal(statements.filter((s) => s === 'savepoint luoshi_transaction').length, 3);
    });

    test('a failing transaction rolls back alone; the others in its batch are kept', async () => {
      await sql`delete from note`.execute(db);
      const results = await Promise.allSettled([
        db.transaction().execute((trx) => insert(trx, '留')),
        db.transaction().execute(async (trx) => {
          await insert(trx, '撤');
          await insert(trx, '留');
        }),
        db.transaction().execute((trx) => insert(trx, '也留')),
      ]);
      assert.deepEqual(
        results.map((r) => r.status),
        ['fulfilled', 'rejected', 'fulfilled'],
      );
      assert.deepEqual(
        (peer.prepare('select text from note order by id').all() as { text: string }[]).map((r) => r.text),
        ['留', '也留'],
      );
    });

    test('a batch whose COMMIT fails is refused to every transaction in it, and nothing is kept', async () => {
      await sql`delete from note`.execute(db);
      // A deferred constraint is checked only at COMMIT: the one way a batch's COMMIT itself fails.
      const results = await Promise.allSettled([
        db.transaction().execute((trx) => insert(trx, '同批')),
        db.transaction().execute((trx) => sql`insert into child (parent_id) values (42)`.execute(trx)),
      ]);
      assert.deepEqual(
        results.map((r) => r.status),
        ['rejected', 'rejected'],
      );
      assert.equal(peerCount(), 0);
      await db.transaction().execute((trx) => insert(trx, '下一批'));
      assert.equal(peerCount(), 1, 'the next batch commits normally');
    });

    test('a read outside a transaction waits for the open batch to commit', async () => {
      await sql`delete from note`.execute(db);
      const write = db.transaction().execute((trx) => insert(trx, '读'));
      const read = sql<{ n: number }>`select count(*) as n from note`.execute(db);
      const [, rows] = await Promise.all([write, read]);
      assert.equal(rows.rows[0]?.n, 1);
      assert.equal(peerCount(), 1);
    });
  },
);
