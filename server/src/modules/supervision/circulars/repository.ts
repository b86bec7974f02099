import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../../platform/db/schema.js';
import type { CircularStatus, CircularTable } from './tables.js';

export function findCircular(db: Executor, id: number) {
  return db.selectFrom('circulars').selectAll().where('id', '=', id).executeTakeFirst();
}
export type CircularRow = NonNullable<Awaited<ReturnType<typeof findCircular>>>;

export async function scopeOf(db: Executor, id: number): Promise<number[]> {
  return (
    await db
      .selectFrom('circular_departments')
      .select('department_id')
      .where('circular_id', '=', id)
      .orderBy('department_id')
      .execute()
  ).map((r) => r.department_id);
}

export async function insertCircular(
  db: Executor,
  row: Insertable<CircularTable>,
  departmentIds: readonly number[],
): Promise<number> {
  const { id } = await db.insertInto('circulars').values(row).returning('id').executeTakeFirstOrThrow();
  if (departmentIds.length > 0)
    await db
      .insertInto('circular_departments')
      .values(departmentIds.map((department_id) => ({ circular_id: id, department_id })))
      .execute();
  return id;
}

/** Update at the expected version and only from `fromStatus`; false when either no longer holds. */
export async function updateCircularVersioned(
  db: Executor,
  id: number,
  version: number,
  fromStatus: CircularStatus,
  changes: Updateable<CircularTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('circulars')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', fromStatus)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The latest circular's header, so a new draft starts with the office's usual 版头, 落款 and 印发 line. */
export function latestHeader(db: Executor) {
  return db
    .selectFrom('circulars')
    .select(['organ_name', 'issuer', 'printed_by', 'recipients'])
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export interface CircularFilter {
  /** Limit to published and archived circulars addressed to this department (or to everyone). */
  readableByDepartment?: number | null | undefined;
  status?: CircularStatus | undefined;
  kind?: CircularTable['kind'] | undefined;
  page: number;
  pageSize: number;
}

export async function listCirculars(db: Executor, filter: CircularFilter) {
  let query = db.selectFrom('circulars');
  if (filter.readableByDepartment !== undefined) {
    const department = filter.readableByDepartment;
    query = query
      .where('status', 'in', ['published', 'archived'])
      .where((eb) =>
        department === null
          ? eb('scope_all', '=', 1)
          : eb.or([
              eb('scope_all', '=', 1),
              eb(
                'id',
                'in',
                eb
                  .selectFrom('circular_departments')
                  .select('circular_id')
                  .where('department_id', '=', department),
              ),
            ]),
      );
  }
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .select([
      'id',
      'kind',
      'period_start',
      'period_end',
      'title',
      'status',
      'scope_all',
      'source_type',
      'published_at',
      'archived_at',
      'created_at',
      'version',
    ])
    .orderBy('id', 'desc')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return { total: Number(total.n), rows };
}
