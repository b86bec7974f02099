import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { openSqlite, WAL_AUTOCHECKPOINT } from '../database.js';
import { startCheckpointer, type Checkpointer } from '../checkpointer.js';
import { TEST_DB } from '../../../test-support/database.js';

const autocheckpoint = (handle: ReturnType<typeof openSqlite>) =>
  handle.pragma('wal_autocheckpoint', { simple: true }) as number;

async function until(checkpointer: Checkpointer, done: (log: number, checkpointed: number) => boolean) {
  for (let i = 0; i < 500; i++) {
    const last = checkpointer.last();
    if (last && done(last.log, last.checkpointed)) return last;
    await sleep(10);
  }
  throw new Error(`no such checkpoint; last: ${JSON.stringify(checkpointer.last())}`);
}

describe('SQLite checkpoints on a worker thread', { skip: TEST_DB !== 'sqlite' && 'SQLite only' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'luoshi-checkpoint-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('the worker copies the WAL into the file; the request thread keeps only a backstop', async () => {
    const file = join(dir, 'live.db');
    const handle = openSqlite(file);
    handle.exec('create table probe (id integer primary key, body text not null)');
    const checkpointer = startCheckpointer(handle, { everyMs: 20 });
    assert.equal(autocheckpoint(handle), 100_000);
    const sizeBefore = statSync(file).size;

    // ~2 MB in 500 commits: far below the backstop, so only the worker can have put it in the file.
    const insert = handle.prepare('insert into probe (body) values (?)');
    for (let i = 0; i < 500; i++) insert.run('落'.repeat(1_400));
    const done = await until(checkpointer, (log, checkpointed) => log > 400 && checkpointed === log);
    assert.ok(done.at instanceof Date);
    assert.ok(statSync(file).size > sizeBefore + 2_000_000, `file ${statSync(file).size} bytes`);
    assert.deepEqual(handle.prepare('select count(*) as n from probe').get(), { n: 500 });

    await checkpointer.stop();
    assert.equal(autocheckpoint(handle), WAL_AUTOCHECKPOINT, 'the request thread checkpoints again');
    handle.close();
  });

  test('stopping leaves nothing uncopied and the data readable from a new connection', async () => {
    const file = join(dir, 'stop.db');
    const handle = openSqlite(file);
    handle.exec('create table probe (id integer primary key, body text not null)');
    const checkpointer = startCheckpointer(handle, { everyMs: 60_000 });
    handle.prepare('insert into probe (body) values (?)').run('督办');
    await checkpointer.stop();
    const last = checkpointer.last();
    assert.ok(last && last.log > 0 && last.checkpointed === last.log, JSON.stringify(last));
    handle.close();
    const reopened = openSqlite(file);
    assert.deepEqual(reopened.prepare('select body from probe').all(), [{ body: '督办' }]);
    reopened.close();
  });
});
