import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../../../platform/db/schema.js';
import type { LibraryCodeBatchTable } from './tables.js';

export type BatchRow = Selectable<LibraryCodeBatchTable>;

export async function insertBatch(db: Executor, row: Insertable<LibraryCodeBatchTable>): Promise<number> {
  const { id } = await db
    .insertInto('library_code_batches')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function insertCodes(db: Executor, batchId: number, hashes: readonly string[]): Promise<void> {
  for (let i = 0; i < hashes.length; i += 500) {
    await db
      .insertInto('library_codes')
      .values(hashes.slice(i, i + 500).map((code_hash) => ({ batch_id: batchId, code_hash })))
      .execute();
  }
}

export function findBatch(db: Executor, id: number): Promise<BatchRow | undefined> {
  return db.selectFrom('library_code_batches').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Batches newest first, with how many of their codes were redeemed. */
export async function listBatches(db: Executor) {
  const rows = await db
    .selectFrom('library_code_batches as b')
    .select(['b.id', 'b.plan_id', 'b.count', 'b.expires_at', 'b.note', 'b.exported_at', 'b.created_at'])
    .select((eb) =>
      eb
        .selectFrom('library_codes as c')
        .whereRef('c.batch_id', '=', 'b.id')
        .where('c.redeemed_at', 'is not', null)
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('redeemed'),
    )
    .orderBy('b.id', 'desc')
    .limit(200)
    .execute();
  return rows.map((r) => ({ ...r, redeemed: Number(r.redeemed ?? 0) }));
}

/** Takes the plain codes out of the batch: only the first caller gets them. */
export async function takePendingCodes(db: Executor, id: number, at: string): Promise<string | null> {
  const batch = await db
    .selectFrom('library_code_batches')
    .select('pending_codes')
    .where('id', '=', id)
    .executeTakeFirst();
  if (!batch?.pending_codes) return null;
  const result = await db
    .updateTable('library_code_batches')
    .set({ pending_codes: null, exported_at: at })
    .where('id', '=', id)
    .where('pending_codes', 'is not', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1 ? batch.pending_codes : null;
}

export function findCode(db: Executor, hash: string) {
  return db
    .selectFrom('library_codes as c')
    .innerJoin('library_code_batches as b', 'b.id', 'c.batch_id')
    .select(['c.id', 'c.redeemed_at', 'b.expires_at', 'b.plan_id'])
    .where('c.code_hash', '=', hash)
    .executeTakeFirst();
}

/** Single use: of two concurrent redemptions, the second finds the code taken and updates nothing. */
export async function claimCode(db: Executor, id: number, memberId: number, at: string): Promise<boolean> {
  const result = await db
    .updateTable('library_codes')
    .set({ redeemed_by: memberId, redeemed_at: at })
    .where('id', '=', id)
    .where('redeemed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
