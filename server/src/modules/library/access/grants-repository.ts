import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../../../platform/db/schema.js';
import type { LibraryGrantTable } from './tables.js';
import type { GrantSpan } from './window.js';

export type GrantRow = Selectable<LibraryGrantTable>;

/** A member's member-tier grants as spans; a revocation ends the grant when it happened. */
export async function memberSpans(db: Executor, memberId: number): Promise<GrantSpan[]> {
  const rows = await db
    .selectFrom('library_grants')
    .select(['starts_at', 'ends_at', 'back_years', 'revoked_at'])
    .where('member_id', '=', memberId)
    .where('tier', '=', 'member')
    .orderBy('starts_at')
    .execute();
  return rows.map((r) => {
    const cut = r.revoked_at !== null && (r.ends_at === null || r.revoked_at < r.ends_at);
    return { startsAt: r.starts_at, endsAt: cut ? r.revoked_at : r.ends_at, backYears: r.back_years };
  });
}

/** memberSpans for many members at once (the publish push), 1,000 members a statement. */
export async function memberSpansOf(
  db: Executor,
  memberIds: readonly number[],
): Promise<Map<number, GrantSpan[]>> {
  const out = new Map<number, GrantSpan[]>();
  for (let i = 0; i < memberIds.length; i += 1000) {
    const rows = await db
      .selectFrom('library_grants')
      .select(['member_id', 'starts_at', 'ends_at', 'back_years', 'revoked_at'])
      .where('member_id', 'in', memberIds.slice(i, i + 1000))
      .where('tier', '=', 'member')
      .orderBy('starts_at')
      .execute();
    for (const r of rows) {
      const cut = r.revoked_at !== null && (r.ends_at === null || r.revoked_at < r.ends_at);
      const spans = out.get(r.member_id) ?? [];
      spans.push({ startsAt: r.starts_at, endsAt: cut ? r.revoked_at : r.ends_at, backYears: r.back_years });
      out.set(r.member_id, spans);
    }
  }
  return out;
}

export async function insertGrant(db: Executor, row: Insertable<LibraryGrantTable>): Promise<number> {
  const { id } = await db.insertInto('library_grants').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function hasGrantFrom(db: Executor, memberId: number, source: string): Promise<boolean> {
  const row = await db
    .selectFrom('library_grants')
    .select('id')
    .where('member_id', '=', memberId)
    .where('source', '=', source)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export function findGrant(db: Executor, id: number): Promise<GrantRow | undefined> {
  return db.selectFrom('library_grants').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Only an unrevoked grant is revoked; false means someone else revoked it first. */
export async function markRevoked(
  db: Executor,
  id: number,
  change: { revoked_at: string; revoked_by: number; revoke_reason: string },
): Promise<boolean> {
  const result = await db
    .updateTable('library_grants')
    .set(change)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface GrantFilter {
  memberId?: number | undefined;
  source?: string | undefined;
  /** Grants in force at this instant only. */
  activeAt?: string | undefined;
  page: number;
  pageSize: number;
}

export async function listGrants(
  db: Executor,
  filter: GrantFilter,
): Promise<{ total: number; rows: GrantRow[] }> {
  let query = db.selectFrom('library_grants');
  if (filter.memberId !== undefined) query = query.where('member_id', '=', filter.memberId);
  if (filter.source) query = query.where('source', '=', filter.source);
  const at = filter.activeAt;
  if (at !== undefined) {
    query = query
      .where('starts_at', '<=', at)
      .where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>', at)]))
      .where((eb) => eb.or([eb('revoked_at', 'is', null), eb('revoked_at', '>', at)]));
  }
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .selectAll()
    .orderBy('id', 'desc')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return { total: Number(total.n), rows };
}
