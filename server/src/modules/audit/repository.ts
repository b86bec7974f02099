import type { Insertable } from 'kysely';
import type { AuditLogTable, Executor } from '../../platform/db/schema.js';

export async function headHash(db: Executor): Promise<string | null> {
  const row = await db
    .selectFrom('audit_log')
    .select('hash')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.hash ?? null;
}

export async function appendAuditRow(db: Executor, row: Insertable<AuditLogTable>): Promise<void> {
  await db.insertInto('audit_log').values(row).execute();
}
