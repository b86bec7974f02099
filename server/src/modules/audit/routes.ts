import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { toCsv } from '../../platform/http/csv.js';
import { attachmentDisposition } from '../../platform/http/file-transfer.js';
import { AppError } from '../../platform/http/errors.js';
import { checkpointMac, macMatches } from './hash.js';
import { mayReadAudit } from './policy.js';
import { recordAudit } from './record.js';
import {
  countAudit,
  findAudit,
  listCheckpoints,
  type AuditFilter,
  type AuditRow,
  type CheckpointRow,
} from './repository.js';
import { verifyAuditTrail } from './verify.js';

/** A whole export is built in memory; past this the auditor narrows the period instead. */
const EXPORT_LIMIT = 100_000;

const outcome = z.enum(['success', 'failure', 'denied']);
const OUTCOME_LABELS = { success: '成功', failure: '失败', denied: '拒绝' } as const;

const filters = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  actor: z.string().trim().min(1).max(64).optional(),
  action: z.string().trim().min(1).max(64).optional(),
  outcome: outcome.optional(),
});
const paging = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
};

const auditItem = z.object({
  seq: z.number(),
  at: z.string(),
  actorId: z.number().nullable(),
  actorLogin: z.string().nullable(),
  action: z.string(),
  objectType: z.string(),
  objectId: z.string().nullable(),
  outcome,
  changes: z.record(z.string(), z.unknown()),
  clientIp: z.string().nullable(),
});

const checkpointItem = z.object({
  id: z.number(),
  at: z.string(),
  headSeq: z.number(),
  rowCount: z.number(),
  headHash: z.string(),
  macValid: z.boolean(),
});

/** Instants with an offset, normalised to the UTC form rows are stored in (SQLite compares text). */
function toFilter(query: z.infer<typeof filters>): AuditFilter {
  const utc = (iso: string | undefined) => (iso ? new Date(iso).toISOString() : undefined);
  return { ...query, from: utc(query.from), to: utc(query.to) };
}

/** A row changed by hand may no longer hold JSON; the auditor still has to see it. */
function parseChanges(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : { value };
  } catch {
    return { unparsed: text };
  }
}

function presentRow(row: AuditRow): z.infer<typeof auditItem> {
  return {
    seq: row.seq,
    at: row.at,
    actorId: row.actor_id,
    actorLogin: row.actor_login,
    action: row.action,
    objectType: row.object_type,
    objectId: row.object_id,
    outcome: row.outcome,
    changes: parseChanges(row.changes),
    clientIp: row.client_ip,
  };
}

export function auditRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, keys } = app.deps;

  r.get(
    '/api/audit',
    {
      schema: {
        tags: ['审计'],
        summary: '审计日志（审计管理员），最新的在前',
        querystring: filters.extend(paging),
        response: { 200: z.object({ total: z.number(), items: z.array(auditItem) }) },
      },
    },
    async (req) => {
      mayReadAudit(req.ctx.actor);
      const { page, pageSize, ...query } = req.query;
      const filter = toFilter(query);
      const total = await countAudit(db, filter);
      const rows = await findAudit(db, filter, pageSize, (page - 1) * pageSize);
      return { total, items: rows.map(presentRow) };
    },
  );

  r.get(
    '/api/audit/verify',
    {
      schema: {
        tags: ['审计'],
        summary: '校验审计日志的散列链与检查点（审计管理员）',
        response: {
          200: z.object({
            ok: z.boolean(),
            rows: z.number(),
            checkpoints: z.number(),
            firstBad: z.object({ seq: z.number(), reason: z.string() }).nullable(),
          }),
        },
      },
    },
    async (req) => {
      mayReadAudit(req.ctx.actor);
      return verifyAuditTrail(db, keys);
    },
  );

  r.get(
    '/api/audit/export.csv',
    {
      schema: { tags: ['审计'], summary: '导出审计日志（CSV，审计管理员）', querystring: filters },
    },
    async (req, reply) => {
      mayReadAudit(req.ctx.actor);
      const filter = toFilter(req.query);
      const total = await countAudit(db, filter);
      if (total > EXPORT_LIMIT)
        throw new AppError(
          'VALIDATION_FAILED',
          `导出：共 ${total} 条，超过单次上限 ${EXPORT_LIMIT} 条，请缩小时间范围`,
        );
      const rows = await findAudit(db, filter, EXPORT_LIMIT, 0);
      // Taking the trail out of the system is itself an event the trail must show.
      await db.transaction().execute((trx) =>
        recordAudit(trx, req.ctx, {
          action: 'export',
          objectType: 'audit_log',
          changes: { filter: req.query, rows: rows.length },
        }),
      );
      const csv = toCsv(
        ['序号', '时间', '操作人ID', '操作人', '操作', '对象类型', '对象ID', '结果', '详情', '来源地址'],
        rows.map((row) => [
          row.seq,
          row.at,
          row.actor_id,
          row.actor_login,
          row.action,
          row.object_type,
          row.object_id,
          OUTCOME_LABELS[row.outcome],
          row.changes,
          row.client_ip,
        ]),
      );
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', attachmentDisposition('审计日志.csv'))
        .send(csv);
    },
  );

  r.get(
    '/api/audit/checkpoints',
    {
      schema: {
        tags: ['审计'],
        summary: '审计日志检查点（审计管理员），最新的在前',
        querystring: z.object(paging),
        response: { 200: z.object({ total: z.number(), items: z.array(checkpointItem) }) },
      },
    },
    async (req) => {
      mayReadAudit(req.ctx.actor);
      const { total, rows } = await listCheckpoints(db, req.query.page, req.query.pageSize);
      return { total, items: rows.map((cp) => presentCheckpoint(cp, keys.auditMac)) };
    },
  );
}

function presentCheckpoint(cp: CheckpointRow, key: Buffer): z.infer<typeof checkpointItem> {
  return {
    id: cp.id,
    at: cp.at,
    headSeq: cp.head_seq,
    rowCount: cp.row_count,
    headHash: cp.head_hash,
    macValid: macMatches(checkpointMac(key, cp.head_seq, cp.row_count, cp.head_hash, cp.at), cp.mac),
  };
}
