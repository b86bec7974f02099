import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { channelSettingInput, channelSettings, updateChannelSetting } from '../channels.js';
import { retryDelivery } from '../delivery.js';
import { mayManageNotify } from '../policy.js';
import { CHANNELS } from '../preferences.js';
import { listDeliveries, type DeliveryRow } from '../repository.js';

const STATUSES = ['queued', 'sent', 'failed'] as const;

const channelView = z.object({
  channel: z.enum(CHANNELS),
  departmentId: z.number().nullable(),
  enabled: z.boolean(),
  config: z.record(z.string(), z.unknown()),
  /** Each secret as "已设置" or "未设置", never its value. */
  secrets: z.record(z.string(), z.string()),
  version: z.number(),
  updatedAt: z.string(),
});

/** The notification's kind but not its title or body: administrators run the system, not its business. */
const deliveryView = z.object({
  id: z.number(),
  notificationId: z.number(),
  kind: z.string(),
  channel: z.enum(CHANNELS),
  target: z.string(),
  status: z.enum(STATUSES),
  attempts: z.number(),
  maxAttempts: z.number(),
  lastError: z.string().nullable(),
  runAt: z.string(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

function presentDelivery(row: DeliveryRow & { kind: string }): z.infer<typeof deliveryView> {
  return {
    id: row.id,
    notificationId: row.notification_id,
    kind: row.kind,
    channel: row.channel,
    target: row.target,
    status: row.status,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    lastError: row.last_error,
    runAt: row.run_at,
    sentAt: row.sent_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function adminRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, keys } = app.deps;
  const tags = ['通知'];
  const channelList = { 200: z.object({ items: z.array(channelView) }) };

  r.get(
    '/api/notify/channels',
    { schema: { tags, summary: '通知渠道设置（系统管理员；密钥只显示是否已设置）', response: channelList } },
    async (req) => {
      mayManageNotify(req.ctx.actor);
      return { items: await channelSettings(db, keys) };
    },
  );

  r.put(
    '/api/notify/channels',
    {
      schema: {
        tags,
        summary: '设置一个通知渠道：SMTP 邮件，或全局 / 某部门的企业微信、钉钉、飞书群机器人（系统管理员）',
        body: channelSettingInput,
        response: channelList,
      },
    },
    async (req) => {
      mayManageNotify(req.ctx.actor);
      await db.transaction().execute((trx) => updateChannelSetting(trx, req.ctx, req.body));
      return { items: await channelSettings(db, keys) };
    },
  );

  r.get(
    '/api/notify/deliveries',
    {
      schema: {
        tags,
        summary: '通知发送记录，最新的在前（系统管理员）',
        querystring: z.object({
          status: z.enum(STATUSES).optional(),
          channel: z.enum(CHANNELS).optional(),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: z.object({ total: z.number(), items: z.array(deliveryView) }) },
      },
    },
    async (req) => {
      mayManageNotify(req.ctx.actor);
      const { total, rows } = await listDeliveries(db, req.query);
      return { total, items: rows.map(presentDelivery) };
    },
  );

  r.post(
    '/api/notify/deliveries/:id/retry',
    {
      schema: {
        tags,
        summary: '重新发送失败的通知（系统管理员）',
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: { 200: z.object({ id: z.number(), status: z.enum(STATUSES) }) },
      },
    },
    async (req) => {
      mayManageNotify(req.ctx.actor);
      const row = await db.transaction().execute((trx) => retryDelivery(trx, req.ctx, req.params.id));
      return { id: row.id, status: row.status };
    },
  );
}
