import type { Executor } from '../db/schema.js';

export function findIdempotencyKey(db: Executor, scope: string, key: string) {
  return db
    .selectFrom('idempotency_keys')
    .selectAll()
    .where('scope', '=', scope)
    .where('key', '=', key)
    .executeTakeFirst();
}

export async function saveIdempotencyKey(
  db: Executor,
  row: {
    scope: string;
    key: string;
    request_hash: string;
    status_code: number;
    response_body: string;
    created_at: string;
  },
): Promise<void> {
  await db.insertInto('idempotency_keys').values(row).execute();
}

export async function purgeIdempotencyKeys(db: Executor, before: string): Promise<number> {
  const result = await db.deleteFrom('idempotency_keys').where('created_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
