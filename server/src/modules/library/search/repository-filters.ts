import { sql, type RawBuilder } from 'kysely';
import { dialectOf, timestampParam } from '../../../platform/db/database.js';
import type { Executor } from '../../../platform/db/schema.js';
import type { SearchFilters } from './types.js';

/** Filter conditions on the searchable copy `d`, each starting with "and". */
export function filterSql(db: Executor, filters: SearchFilters): RawBuilder<unknown> {
  const dialect = dialectOf(db);
  const parts: RawBuilder<unknown>[] = [];
  if (filters.type) parts.push(sql`and d.type = ${filters.type}`);
  if (filters.tier) parts.push(sql`and d.tier = ${filters.tier}`);
  if (filters.from) parts.push(sql`and d.published_at >= ${timestampParam(dialect, filters.from)}`);
  if (filters.to) parts.push(sql`and d.published_at < ${timestampParam(dialect, filters.to)}`);
  if (filters.topic)
    parts.push(
      sql`and exists (select 1 from library_search_topics t where t.material_id = d.material_id and t.topic = ${filters.topic})`,
    );
  return sql.join(parts, sql` `);
}

export function hasFilters(filters: SearchFilters): boolean {
  return Boolean(filters.type || filters.tier || filters.from || filters.to || filters.topic);
}
