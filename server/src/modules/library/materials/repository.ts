import type { Insertable, Updateable } from 'kysely';
import { dialectOf, timestampParam } from '../../../platform/db/database.js';
import type { Executor } from '../../../platform/db/schema.js';
import type { MaterialStatus } from '../../../../../shared/src/library.js';
import type { LibraryMaterialTable, MaterialText } from './tables.js';

export function findMaterial(db: Executor, id: number) {
  return db.selectFrom('library_materials').selectAll().where('id', '=', id).executeTakeFirst();
}
export type MaterialRow = NonNullable<Awaited<ReturnType<typeof findMaterial>>>;

export async function insertMaterial(db: Executor, row: Insertable<LibraryMaterialTable>): Promise<number> {
  const { id } = await db
    .insertInto('library_materials')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Update at the expected version and only from one of `fromStatuses`; false when either no longer holds. */
export async function updateMaterialVersioned(
  db: Executor,
  id: number,
  version: number,
  fromStatuses: readonly MaterialStatus[],
  changes: Updateable<LibraryMaterialTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('library_materials')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', 'in', [...fromStatuses])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertVersion(
  db: Executor,
  materialId: number,
  revision: number,
  text: MaterialText,
  editedBy: number,
  at: string,
): Promise<void> {
  await db
    .insertInto('library_material_versions')
    .values({ ...text, material_id: materialId, revision, edited_by: editedBy, edited_at: at })
    .execute();
}

export function listVersions(db: Executor, materialId: number) {
  return db
    .selectFrom('library_material_versions as v')
    .innerJoin('users as u', 'u.id', 'v.edited_by')
    .select(['v.revision', 'v.title', 'v.edited_at', 'u.name as editor_name'])
    .where('v.material_id', '=', materialId)
    .orderBy('v.revision', 'desc')
    .execute();
}

export function findVersion(db: Executor, materialId: number, revision: number) {
  return db
    .selectFrom('library_material_versions')
    .selectAll()
    .where('material_id', '=', materialId)
    .where('revision', '=', revision)
    .executeTakeFirst();
}

export async function replaceTopics(db: Executor, materialId: number, topics: readonly string[]) {
  await db.deleteFrom('library_material_topics').where('material_id', '=', materialId).execute();
  if (topics.length > 0)
    await db
      .insertInto('library_material_topics')
      .values(topics.map((topic) => ({ material_id: materialId, topic })))
      .execute();
}

export async function insertOutbox(db: Executor, materialId: number, version: number, at: string) {
  await db
    .insertInto('library_outbox')
    .values({ material_id: materialId, version, event: 'published', created_at: at, processed_at: null })
    .execute();
}

/** Scheduled materials whose publishing time has come, oldest first. */
export function dueScheduled(db: Executor, now: string, limit: number) {
  return db
    .selectFrom('library_materials')
    .select(['id', 'version'])
    .where('status', '=', 'scheduled')
    .where('scheduled_at', '<=', timestampParam(dialectOf(db), now))
    .orderBy('scheduled_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

const summaryColumns = [
  'id',
  'status',
  'title',
  'type',
  'topics',
  'occasion',
  'tier',
  'note',
  'revision',
  'scheduled_at',
  'published_at',
  'withdrawn_at',
  'version',
  'updated_at',
] as const;

export interface PublishedFilter {
  topic?: string | undefined;
  type?: string | undefined;
  page: number;
  pageSize: number;
}

/** Published materials, newest first: the reader's list. Never selects the body or key points. */
export async function listPublished(db: Executor, filter: PublishedFilter) {
  let query = db.selectFrom('library_materials').where('status', '=', 'published');
  if (filter.type) query = query.where('type', '=', filter.type);
  if (filter.topic) {
    const topic = filter.topic;
    query = query.where('id', 'in', (eb) =>
      eb.selectFrom('library_material_topics').select('material_id').where('topic', '=', topic),
    );
  }
  const { total } = await query
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  const rows = await query
    .select(summaryColumns)
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return { total: Number(total), rows };
}
export type MaterialSummaryRow = Awaited<ReturnType<typeof listPublished>>['rows'][number];

/** Every material in the editor's workspace, optionally of one status, latest change first. */
export async function listForEditors(db: Executor, filter: { status?: MaterialStatus | undefined }) {
  let query = db.selectFrom('library_materials').select(summaryColumns);
  if (filter.status) query = query.where('status', '=', filter.status);
  return query.orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(500).execute();
}

/** Demo removal: the materials these people created (versions, topics and outbox rows cascade). */
export async function deleteMaterialsCreatedBy(db: Executor, userIds: readonly number[]): Promise<number[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .deleteFrom('library_materials')
    .where('created_by', 'in', [...userIds])
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}
