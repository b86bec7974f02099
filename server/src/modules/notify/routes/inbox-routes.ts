import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { nowIso } from '../../../platform/context.js';
import { notFound } from '../../../platform/http/errors.js';
import { signedIn } from '../policy.js';
import { getPreferences, preferencesInput, updatePreferences } from '../preferences.js';
import {
  countUnread,
  findNotification,
  listNotifications,
  markRead,
  type NotificationRow,
} from '../repository.js';

const notificationView = z.object({
  id: z.number(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  urgent: z.boolean(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

const preferencesView = preferencesInput.extend({ version: z.number() });

function present(row: NotificationRow): z.infer<typeof notificationView> {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    link: row.link,
    urgent: row.urgent === 1,
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}

/**
 * One's own notifications. Marking read is not audited: it changes only the reader's own inbox, like a
 * session's last-seen time, and would flood the trail (a 催办's reading is tracked by supervision).
 */
export function inboxRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;
  const tags = ['通知'];

  r.get(
    '/api/notify',
    {
      schema: {
        tags,
        summary: '我的通知，未读在前',
        querystring: z.object({
          unreadOnly: z.enum(['true', 'false']).optional(),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: {
          200: z.object({ total: z.number(), unread: z.number(), items: z.array(notificationView) }),
        },
      },
    },
    async (req) => {
      const actor = signedIn(req.ctx.actor);
      const { total, rows } = await listNotifications(db, {
        userId: actor.id,
        unreadOnly: req.query.unreadOnly === 'true',
        page: req.query.page,
        pageSize: req.query.pageSize,
      });
      return { total, unread: await countUnread(db, actor.id), items: rows.map(present) };
    },
  );

  r.post(
    '/api/notify/:id/read',
    {
      schema: {
        tags,
        summary: '标为已读',
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: { 200: notificationView },
      },
    },
    async (req) => {
      const actor = signedIn(req.ctx.actor);
      const found = await findNotification(db, req.params.id);
      // Someone else's notification does not exist for the reader.
      if (!found || found.user_id !== actor.id) throw notFound('通知');
      await markRead(db, actor.id, found.id, nowIso(req.ctx));
      return present((await findNotification(db, found.id)) ?? found);
    },
  );

  r.post(
    '/api/notify/read-all',
    {
      schema: { tags, summary: '全部标为已读', response: { 200: z.object({ count: z.number() }) } },
    },
    async (req) => ({ count: await markRead(db, signedIn(req.ctx.actor).id, null, nowIso(req.ctx)) }),
  );

  r.get(
    '/api/notify/preferences',
    { schema: { tags, summary: '我的通知设置', response: { 200: preferencesView } } },
    async (req) => getPreferences(db, signedIn(req.ctx.actor).id),
  );

  r.put(
    '/api/notify/preferences',
    {
      schema: {
        tags,
        summary: '修改我的通知设置：渠道、邮箱、免打扰时段（北京时间）',
        body: preferencesInput.extend({ version: z.number().int().min(0) }),
        response: { 200: preferencesView },
      },
    },
    async (req) => {
      const { version, ...input } = req.body;
      return db.transaction().execute((trx) => updatePreferences(trx, req.ctx, input, version));
    },
  );
}
