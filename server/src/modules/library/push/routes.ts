import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PushKicker } from './kick.js';
import { mySubscriptions, setSubscriptions } from './subscriptions.js';

const subscriptionsView = z.object({ topics: z.array(z.string()), types: z.array(z.string()) });
const subscriptionsInput = z.object({
  topics: z
    .array(z.string().trim().min(1, '专题不能为空').max(40, '专题不超过40字'))
    .max(50, '最多订阅50个专题'),
  types: z.array(z.string().trim().min(1, '资料类型不能为空').max(40)).max(30, '资料类型过多'),
});

/** The editors' publish routes; a successful one is followed by an immediate push in this process. */
const PUBLISH_ROUTE = '/api/library/editor/materials/:id/publish';

export function pushRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;
  const tags = ['资料库'];
  const kicker = new PushKicker(app.deps, (message, error) => app.log.error({ err: error }, message));

  // onResponse runs after the handler's transaction committed, so the outbox row is there to claim.
  app.addHook('onResponse', async (req, reply) => {
    if (req.routeOptions.url === PUBLISH_ROUTE && reply.statusCode === 200) kicker.kick();
  });
  app.addHook('preClose', () => kicker.idle());

  r.get(
    '/api/library/subscriptions',
    {
      schema: {
        tags,
        summary: '我的资料订阅：关注的专题与资料类型（有新资料发布且本人有权阅读时收到通知）',
        response: { 200: subscriptionsView },
      },
    },
    async (req) => mySubscriptions(db, req.ctx),
  );

  r.put(
    '/api/library/subscriptions',
    {
      schema: {
        tags,
        summary: '设置我的资料订阅（整体替换）',
        body: subscriptionsInput,
        response: { 200: subscriptionsView },
      },
    },
    async (req) => db.transaction().execute((trx) => setSubscriptions(trx, req.ctx, req.body)),
  );
}
