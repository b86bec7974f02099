import { strict as assert } from 'node:assert';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { withMappedFile } from '../database.js';
import { openTestDatabase, TEST_DB, type TestDatabase } from '../../../test-support/database.js';

describe('withMappedFile', () => {
  let t: TestDatabase;

  before(async () => {
    t = await openTestDatabase(TEST_DB, { migrate: false });
  });

  after(async () => {
    await t.dispose();
  });

  /** The connection's memory-map limit: 0 when reads go through read() calls. */
  const mapped = async (database: TestDatabase = t) => {
    const { rows } = await sql<{ mmap_size: number }>`pragma mmap_size`.execute(database.db);
    return rows[0]?.mmap_size;
  };

  test('returns what the run returns, and throws what it throws', async () => {
    assert.equal(await withMappedFile(t.db, () => Promise.resolve(42)), 42);
    await assert.rejects(
      withMappedFile(t.db, () => Promise.reject(new Error('读取失败'))),
      /读取失败/,
    );
  });

  test(
    'maps the SQLite file only while a run lasts, until the last of overlapping runs ends, even on error',
    { skip: TEST_DB === 'postgres' && 'SQLite only: PostgreSQL has no memory map to set' },
    async () => {
      assert.equal(await mapped(), 0);
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const first = withMappedFile(t.db, () => held);
      const sizes = await withMappedFile(t.db, async () => [await mapped()]);
      // The second run ended while the first still runs: the file stays mapped for it.
      sizes.push(await mapped());
      release();
      await first;
      sizes.push(await mapped());
      await assert.rejects(
        withMappedFile(t.db, async () => {
          sizes.push(await mapped());
          throw new Error('中途失败');
        }),
      );
      sizes.push(await mapped());
      assert.ok((sizes[0] ?? 0) > 0);
      assert.deepEqual(sizes, [sizes[0], sizes[0], 0, sizes[0], 0]);
    },
  );

  test(
    'each database keeps its own count: a run on one maps that one alone',
    { skip: TEST_DB === 'postgres' && 'SQLite only: PostgreSQL has no memory map to set' },
    async () => {
      const other = await openTestDatabase(TEST_DB, { migrate: false });
      try {
        let release!: () => void;
        const held = new Promise<void>((resolve) => (release = resolve));
        const first = withMappedFile(t.db, () => held);
        const during = await withMappedFile(other.db, async () => [await mapped(t), await mapped(other)]);
        const otherAfter = await mapped(other);
        release();
        await first;
        assert.ok((during[0] ?? 0) > 0 && (during[1] ?? 0) > 0, 'both mapped while both run');
        assert.deepEqual([otherAfter, await mapped(t)], [0, 0]);
      } finally {
        await other.dispose();
      }
    },
  );
});
