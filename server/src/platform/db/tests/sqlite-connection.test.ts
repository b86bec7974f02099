import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type BetterSqlite3 from 'better-sqlite3';
import { openSqlite } from '../database.js';
import { TEST_DB } from '../../../test-support/database.js';

describe(
  'a SQLite connection as the server opens it',
  { skip: TEST_DB === 'postgres' && 'SQLite only: the PostgreSQL run would repeat it' },
  () => {
    let dir: string;
    let handle: BetterSqlite3.Database;

    before(() => {
      dir = mkdtempSync(join(tmpdir(), 'luoshi-sqlite-connection-'));
      handle = openSqlite(join(dir, 'test.db'));
    });

    after(() => {
      handle.close();
      rmSync(dir, { recursive: true, force: true });
    });

    test('writes through the WAL, checks foreign keys, and reads through a 64 MB cache and a memory map', () => {
      const setting = (name: string) => handle.pragma(name, { simple: true });
      assert.deepEqual(
        {
          journal: setting('journal_mode'),
          foreignKeys: setting('foreign_keys'),
          synchronous: setting('synchronous'),
          cache: setting('cache_size'),
          mapped: setting('mmap_size'),
        },
        { journal: 'wal', foreignKeys: 1, synchronous: 1, cache: -65536, mapped: 2147418112 },
      );
    });
  },
);
