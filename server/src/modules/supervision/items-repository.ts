import { sql, type Insertable, type SelectQueryBuilder, type Updateable } from 'kysely';
import { containsText, dialectOf, jsonArray, jsonTuple } from '../../platform/db/database.js';
import { prepared } from '../../platform/db/prepared.js';
import type { DB, Executor, ItemTable } from '../../platform/db/schema.js';
import './count-tables.js';
import { CALENDAR_VERSION_KEY } from '../calendar/index.js';
import { itemLightIs } from './lights-repository.js';
import type { Light, LightBounds } from './lights.js';
import { SUPERVISION_SETTINGS_KEY } from './settings.js';

export function findItem(db: Executor, id: number) {
  return db.selectFrom('items').selectAll().where('id', '=', id).executeTakeFirst();
}
export type ItemRow = NonNullable<Awaited<ReturnType<typeof findItem>>>;

export async function maxSeq(db: Executor, year: number): Promise<number> {
  const row = await db
    .selectFrom('items')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('year', '=', year)
    .executeTakeFirst();
  return Number(row?.seq ?? 0);
}

export async function insertItem(db: Executor, row: Insertable<ItemTable>): Promise<number> {
  return (await db.insertInto('items').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateItemVersioned(
  db: Executor,
  id: number,
  version: number,
  changes: Updateable<ItemTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('items')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function setWatchers(db: Executor, itemId: number, userIds: readonly number[]): Promise<void> {
  await db.deleteFrom('item_watchers').where('item_id', '=', itemId).execute();
  if (userIds.length > 0)
    await db
      .insertInto('item_watchers')
      .values([...new Set(userIds)].map((user_id) => ({ item_id: itemId, user_id })))
      .execute();
}

export async function watchersOf(db: Executor, itemId: number): Promise<number[]> {
  return (
    await db
      .selectFrom('item_watchers')
      .select('user_id')
      .where('item_id', '=', itemId)
      .orderBy('user_id')
      .execute()
  ).map((r) => r.user_id);
}

export function childrenOf(db: Executor, parentId: number) {
  return db.selectFrom('items').selectAll().where('parent_id', '=', parentId).orderBy('id').execute();
}

export type ItemSummaryRow = Pick<ItemRow, (typeof SUMMARY_COLUMNS)[number]>;

export interface ItemFilter {
  visibleToDepartment?: number | undefined;
  sourceType?: string | undefined;
  departmentId?: number | undefined;
  status?: string | undefined;
  leaderId?: number | undefined;
  q?: string | undefined;
  createdFrom?: string | undefined;
  createdTo?: string | undefined;
  /** Items showing this light today (the bounds of lights.ts). */
  light?: { is: Light; bounds: LightBounds } | undefined;
  page: number;
  pageSize: number;
}

/** What a list shows of an item: not its requirements, references or tags (the item page reads those). */
const SUMMARY_COLUMNS = [
  'id',
  'number',
  'title',
  'source_type',
  'urgency',
  'status',
  'standing',
  'parent_id',
  'responsible_leader_id',
  'deadline',
  'created_at',
  'version',
] as const;

type TupleOf<T extends readonly string[]> = {
  [K in keyof T]: T[K] extends keyof ItemSummaryRow ? ItemSummaryRow[T[K]] : never;
};
type SummaryTuple = TupleOf<typeof SUMMARY_COLUMNS>;

/**
 * A page of items, newest first, read back as one JSON array of tuples: better-sqlite3 making twenty
 * row objects of twelve columns cost a third of the page's time.
 */
async function pageOf(
  db: Executor,
  page: SelectQueryBuilder<DB, 'items', ItemSummaryRow>,
): Promise<ItemSummaryRow[]> {
  const dialect = dialectOf(db);
  const { rows } = await db
    .selectFrom(page.as('page'))
    .select(
      jsonArray(
        dialect,
        jsonTuple(
          dialect,
          SUMMARY_COLUMNS.map((c) => sql.ref(`page.${c}`)),
        ),
      ).as('rows'),
    )
    .executeTakeFirstOrThrow();
  return (JSON.parse(rows) as SummaryTuple[])
    .map(
      ([
        id,
        number,
        title,
        source_type,
        urgency,
        status,
        standing,
        parent_id,
        leader,
        deadline,
        created,
        version,
      ]) => ({
        id,
        number,
        title,
        source_type,
        urgency,
        status,
        standing,
        parent_id,
        responsible_leader_id: leader,
        deadline,
        // PostgreSQL writes a timestamptz in JSON with its offset; the app's timestamps are ISO in UTC.
        created_at: new Date(created).toISOString(),
        version,
      }),
    )
    .sort((a, b) => b.id - a.id);
}

/**
 * One department's items, optionally of one status: the total from the trigger-kept counts and the page
 * from a range of the (department, item status, item) or (department, item) index, so the busiest
 * department costs what a small one does.
 */
async function listDepartmentItems(db: Executor, departmentId: number, filter: ItemFilter) {
  let counts = db
    .selectFrom('department_item_counts')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('n'), eb.lit(0)).as('n'))
    .where('department_id', '=', departmentId);
  // The page's ids from the index alone, then only those twenty items read: joining first read the items
  // skipped by the offset too.
  let ids = db.selectFrom('assignments').select('item_id').where('department_id', '=', departmentId);
  if (filter.status) {
    counts = counts.where('status', '=', filter.status);
    ids = ids.where('item_status', '=', filter.status);
  }
  const total = await counts.executeTakeFirstOrThrow();
  const rows = await pageOf(
    db,
    db
      .selectFrom('items')
      .select(SUMMARY_COLUMNS)
      .where(
        'id',
        'in',
        ids
          .orderBy('item_id', 'desc')
          .limit(filter.pageSize)
          .offset((filter.page - 1) * filter.pageSize),
      ),
  );
  return { total: Number(total.n), rows };
}

export async function listItems(db: Executor, filter: ItemFilter) {
  const { visibleToDepartment: scope, departmentId } = filter;
  if (scope !== undefined && departmentId !== undefined && scope !== departmentId)
    return { total: 0, rows: [] };
  const department = departmentId ?? scope;
  const onlyStatus =
    !filter.sourceType &&
    filter.leaderId === undefined &&
    !filter.createdFrom &&
    !filter.createdTo &&
    !filter.q &&
    !filter.light;
  if (department !== undefined && onlyStatus) return listDepartmentItems(db, department, filter);
  let query = db.selectFrom('items');
  const inDepartment = (departmentId: number) =>
    query.where('id', 'in', (eb) =>
      eb.selectFrom('assignments').select('item_id').where('department_id', '=', departmentId),
    );
  if (filter.visibleToDepartment !== undefined) query = inDepartment(filter.visibleToDepartment);
  if (filter.departmentId !== undefined) query = inDepartment(filter.departmentId);
  if (filter.sourceType) query = query.where('source_type', '=', filter.sourceType);
  if (filter.status) query = query.where('status', '=', filter.status as ItemTable['status']);
  if (filter.leaderId !== undefined) query = query.where('responsible_leader_id', '=', filter.leaderId);
  if (filter.createdFrom) query = query.where('created_at', '>=', filter.createdFrom);
  if (filter.createdTo) query = query.where('created_at', '<', filter.createdTo);
  if (filter.light) query = query.where(itemLightIs(filter.light.is, filter.light.bounds));
  if (filter.q) {
    const q = filter.q;
    const dialect = dialectOf(db);
    query = query.where((eb) =>
      eb.or([
        containsText(dialect, 'title', q),
        containsText(dialect, 'number', q),
        containsText(dialect, 'requirements', q),
      ]),
    );
  }
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await pageOf(
    db,
    query
      .select(SUMMARY_COLUMNS)
      .orderBy('id', 'desc')
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
  );
  return { total: Number(total.n), rows };
}

/**
 * What a list page is built from besides the rows, in one statement: how often the list of a department
 * (scope = its id) or of the whole organisation (0) has changed (0023), the calendar's version and the
 * supervision settings' version (the warning days).
 */
const itemListStampRow = prepared((db: Executor, scope: number) =>
  db.selectNoFrom((eb) => [
    eb.selectFrom('item_list_versions').select('version').where('scope', '=', scope).as('list'),
    eb.selectFrom('settings').select('value').where('key', '=', CALENDAR_VERSION_KEY).as('calendar'),
    eb.selectFrom('settings').select('version').where('key', '=', SUPERVISION_SETTINGS_KEY).as('settings'),
  ]),
);

export async function itemListStamp(db: Executor, scope: number): Promise<string> {
  const [row] = await itemListStampRow(db, scope);
  return `${row?.list ?? 0}|${row?.calendar ?? ''}|${row?.settings ?? 0}`;
}

export async function insertEvent(
  db: Executor,
  row: {
    item_id: number;
    assignment_id: number | null;
    at: string;
    actor_id: number | null;
    kind: string;
    summary: string;
  },
): Promise<void> {
  await eventInsert(db, row.item_id, row.assignment_id, row.at, row.actor_id, row.kind, row.summary);
}

/** Every step writes one: compiled once (prepared.ts). */
const eventInsert = prepared(
  (
    db: Executor,
    itemId: number,
    assignmentId: number | null,
    at: string,
    actorId: number | null,
    kind: string,
    summary: string,
  ) =>
    db
      .insertInto('item_events')
      .values({ item_id: itemId, assignment_id: assignmentId, at, actor_id: actorId, kind, summary }),
);

export function eventsOf(db: Executor, itemId: number) {
  return db.selectFrom('item_events').selectAll().where('item_id', '=', itemId).orderBy('id').execute();
}
