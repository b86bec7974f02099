import { sql, type Insertable, type Selectable } from 'kysely';
import { dialectOf, jsonArray, isOneOf, timestampParam } from '../../../platform/db/database.js';
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
  return rows.map(spanOf);
}

/** A revocation ends the grant when it happened (a revocation after the end changes nothing). */
function spanOf(r: Pick<GrantRow, 'starts_at' | 'ends_at' | 'back_years' | 'revoked_at'>): GrantSpan {
  const cut = r.revoked_at !== null && (r.ends_at === null || r.revoked_at < r.ends_at);
  return { startsAt: r.starts_at, endsAt: cut ? r.revoked_at : r.ends_at, backYears: r.back_years };
}

/** memberSpans for many members at once, the ids bound as one parameter. */
export async function memberSpansOf(
  db: Executor,
  memberIds: readonly number[],
): Promise<Map<number, GrantSpan[]>> {
  const out = new Map<number, GrantSpan[]>();
  if (memberIds.length === 0) return out;
  const rows = await db
    .selectFrom('library_grants')
    .select(['member_id', 'starts_at', 'ends_at', 'back_years', 'revoked_at'])
    .where(isOneOf(dialectOf(db), sql.ref('member_id'), memberIds))
    .where('tier', '=', 'member')
    .execute();
  for (const r of rows) {
    const spans = out.get(r.member_id);
    if (spans) spans.push(spanOf(r));
    else out.set(r.member_id, [spanOf(r)]);
  }
  return out;
}

/**
 * Of `memberIds`, those holding a member grant in force at `at`, split by the widest back catalogue among
 * the grants they hold then: `reaching` at least `backYears`, `short` the others. One statement and one
 * row (the ids come back as JSON arrays): the publish push asks it for 10,000 followers.
 */
export async function membersInForce(
  db: Executor,
  memberIds: readonly number[],
  at: string,
  backYears: number,
): Promise<{ reaching: number[]; short: number[] }> {
  if (memberIds.length === 0) return { reaching: [], short: [] };
  const dialect = dialectOf(db);
  const t = timestampParam(dialect, at);
  const { rows } = await sql<{ reaching: string; short: string }>`
    select ${jsonArray(dialect, sql`w.member_id`, sql`w.back_years >= ${backYears}`)} as reaching,
      ${jsonArray(dialect, sql`w.member_id`, sql`w.back_years < ${backYears}`)} as short
    from (
      select g.member_id, max(g.back_years) as back_years
      from library_grants g
      where ${isOneOf(dialect, sql.ref('g.member_id'), memberIds)} and g.tier = 'member' and g.starts_at <= ${t}
        and (g.ends_at is null or g.ends_at > ${t}) and (g.revoked_at is null or g.revoked_at > ${t})
      group by g.member_id
    ) w`.execute(db);
  const row = rows[0];
  if (!row) return { reaching: [], short: [] };
  return { reaching: JSON.parse(row.reaching) as number[], short: JSON.parse(row.short) as number[] };
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
