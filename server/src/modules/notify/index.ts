import type { FastifyInstance } from 'fastify';
import type { Module } from '../../platform/http/app.js';
import { deliverNotification } from './delivery.js';
import { DELIVERY_JOB } from './notify.js';
import { adminRoutes } from './routes/admin-routes.js';
import { inboxRoutes } from './routes/inbox-routes.js';
import { streamRoutes } from './routes/stream-routes.js';

/** 通知: in-app list and live stream, e-mail and group-robot deliveries, preferences, channel settings. */
export const notifyModule: Module = {
  name: 'notify',
  register(app: FastifyInstance) {
    inboxRoutes(app);
    streamRoutes(app);
    adminRoutes(app);
  },
};

/** One-off jobs this module enqueues, for the worker's handler table (cli/workers.ts). */
export const notifyJobHandlers = { [DELIVERY_JOB]: deliverNotification };

export { notify, notifyMany, type NotifyRequest } from './notify.js';
export { notifyFromQuery } from './bulk.js';
export { notifyAll } from './notify-all.js';
export { announceNotices, type LiveNotices } from './stream.js';
export type { NoticeRow } from './bulk-repository.js';
export { deleteNotificationsOf } from './removal-repository.js';
