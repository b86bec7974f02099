import type { Insertable, Selectable } from 'kysely';
import { dialectOf, timestampParam } from '../../platform/db/database.js';
import { prepared } from '../../platform/db/prepared.js';
import type { AuditCheckpointTable, AuditLogTable, Executor } from '../../platform/db/schema.js';

export type AuditRow = Selectable<AuditLogTable>;
export type CheckpointRow = Selectable<AuditCheckpointTable>;

// Every audited change reads the head and appends a row: both compiled once (prepared.ts).
const headRowQuery = prepared((db: Executor) =>
  db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1),
);

export async function headRow(db: Executor) {
  return (await headRowQuery(db))[0];
}

export async function headHash(db: Executor): Promise<string | null> {
  return (await headRow(db))?.hash ?? null;
}

const auditRowInsert = prepared(
  (
    db: Executor,
    at: string,
    actorId: number | null,
    actorLogin: string | null,
    action: string,
    objectType: string,
    objectId: string | null,
    outcome: AuditLogTable['outcome'],
    changes: string,
    clientIp: string | null,
    prevHash: string,
    hash: string,
  ) =>
    db.insertInto('audit_log').values({
      at,
      actor_id: actorId,
      actor_login: actorLogin,
      action,
      object_type: objectType,
      object_id: objectId,
      outcome,
      changes,
      client_ip: clientIp,
      prev_hash: prevHash,
      hash,
    }),
);

export async function appendAuditRow(db: Executor, row: Insertable<AuditLogTable>): Promise<void> {
  await auditRowInsert(
    db,
    row.at,
    row.actor_id ?? null,
    row.actor_login ?? null,
    row.action,
    row.object_type,
    row.object_id ?? null,
    row.outcome,
    row.changes,
    row.client_ip ?? null,
    row.prev_hash,
    row.hash,
  );
}

/** One page of the chain in seq order: walks read pages so a million rows never sit in memory at once. */
export function rowsAfter(
  db: Executor,
  afterSeq: number,
  upToSeq: number,
  limit: number,
): Promise<AuditRow[]> {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('seq', '>', afterSeq)
    .where('seq', '<=', upToSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
}

export function rowAt(db: Executor, seq: number) {
  return db.selectFrom('audit_log').select(['seq', 'hash']).where('seq', '=', seq).executeTakeFirst();
}

export async function countRowsUpTo(db: Executor, seq: number): Promise<number> {
  const row = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('seq', '<=', seq)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function latestRowWithAction(db: Executor, action: string, maxSeq: number) {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', action)
    .where('seq', '<=', maxSeq)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** First seq written at or after `iso`; everything below it is older. */
export async function firstSeqAtOrAfter(db: Executor, iso: string): Promise<number | null> {
  const row = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.min<number>('seq').as('seq'))
    .where('at', '>=', timestampParam(dialectOf(db), iso))
    .executeTakeFirst();
  return row?.seq ?? null;
}

export function lastRowBelow(db: Executor, seq: number) {
  return db
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .where('seq', '<', seq)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function deleteRowsUpTo(db: Executor, seq: number): Promise<number> {
  const result = await db.deleteFrom('audit_log').where('seq', '<=', seq).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function maxCheckpointId(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('audit_checkpoints')
    .select((eb) => eb.fn.max<number>('id').as('id'))
    .executeTakeFirst();
  return row?.id ?? 0;
}

/** Checkpoints in (head_seq, id) order after `after`, among those with id ≤ maxId. */
export function checkpointsAfter(
  db: Executor,
  maxId: number,
  after: { head_seq: number; id: number } | undefined,
  limit: number,
): Promise<CheckpointRow[]> {
  let query = db.selectFrom('audit_checkpoints').selectAll().where('id', '<=', maxId);
  if (after)
    query = query.where((eb) =>
      eb.or([
        eb('head_seq', '>', after.head_seq),
        eb.and([eb('head_seq', '=', after.head_seq), eb('id', '>', after.id)]),
      ]),
    );
  return query.orderBy('head_seq').orderBy('id').limit(limit).execute();
}

export function latestCheckpoint(db: Executor) {
  return db
    .selectFrom('audit_checkpoints')
    .selectAll()
    .orderBy('head_seq', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function insertCheckpoint(
  db: Executor,
  row: Insertable<AuditCheckpointTable>,
): Promise<CheckpointRow> {
  return db.insertInto('audit_checkpoints').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function listCheckpoints(db: Executor, page: number, pageSize: number) {
  const total = await db
    .selectFrom('audit_checkpoints')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await db
    .selectFrom('audit_checkpoints')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { total: Number(total.n), rows };
}

export interface AuditFilter {
  /** ISO-8601 instants: from is inclusive, to exclusive. */
  from?: string | undefined;
  to?: string | undefined;
  actor?: string | undefined;
  action?: string | undefined;
  outcome?: AuditLogTable['outcome'] | undefined;
}

function filtered(db: Executor, filter: AuditFilter) {
  const dialect = dialectOf(db);
  let query = db.selectFrom('audit_log');
  if (filter.from) query = query.where('at', '>=', timestampParam(dialect, filter.from));
  if (filter.to) query = query.where('at', '<', timestampParam(dialect, filter.to));
  if (filter.actor) query = query.where('actor_login', '=', filter.actor);
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.outcome) query = query.where('outcome', '=', filter.outcome);
  return query;
}

export async function countAudit(db: Executor, filter: AuditFilter): Promise<number> {
  const row = await filtered(db, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Newest first. */
export function findAudit(
  db: Executor,
  filter: AuditFilter,
  limit: number,
  offset: number,
): Promise<AuditRow[]> {
  return filtered(db, filter).selectAll().orderBy('seq', 'desc').limit(limit).offset(offset).execute();
}
