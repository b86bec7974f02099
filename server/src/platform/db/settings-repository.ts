import { prepared } from './prepared.js';
import type { Executor } from './schema.js';

const settingRow = prepared((db: Executor, key: string) =>
  db.selectFrom('settings').selectAll().where('key', '=', key),
);

export async function readSetting(db: Executor, key: string) {
  return (await settingRow(db, key))[0];
}

/** Insert (expected version 0) or update at the expected version; false when the version is stale. */
export async function writeSetting(
  db: Executor,
  key: string,
  value: string,
  expectedVersion: number,
  at: string,
): Promise<boolean> {
  if (expectedVersion === 0) {
    const result = await db
      .insertInto('settings')
      .values({ key, value, version: 1, updated_at: at })
      .onConflict((oc) => oc.column('key').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
  }
  const result = await db
    .updateTable('settings')
    .set({ value, version: expectedVersion + 1, updated_at: at })
    .where('key', '=', key)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
