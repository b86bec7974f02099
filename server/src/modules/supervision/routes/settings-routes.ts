import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { mayEditSupervisionSettings, mayReadSupervisionSettings } from '../policy.js';
import { getSupervisionSettings, supervisionSettingsSchema, updateSupervisionSettings } from '../settings.js';
import { version } from './schemas.js';

const settingsView = supervisionSettingsSchema.extend({ version: z.number() });

export function settingsRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;
  const tags = ['督查督办'];

  r.get(
    '/api/supervision/settings',
    {
      schema: {
        tags,
        summary: '督查督办设置：编号格式、默认办理时限（工作日）、黄灯预警天数',
        response: { 200: settingsView },
      },
    },
    async (req) => {
      mayReadSupervisionSettings(req.ctx.actor);
      return getSupervisionSettings(db);
    },
  );

  r.put(
    '/api/supervision/settings',
    {
      schema: {
        tags,
        summary: '修改督查督办设置（督查室负责人或系统管理员）；版本过期返回 409',
        description: '从未修改过的设置版本号为 0。只影响此后立项、交办的事项和此后计算的红黄绿灯。',
        body: supervisionSettingsSchema.extend({ version: version.or(z.literal(0)) }),
        response: { 200: settingsView },
      },
    },
    async (req) => {
      mayEditSupervisionSettings(req.ctx.actor);
      const { version: expected, ...next } = req.body;
      await db.transaction().execute((trx) => updateSupervisionSettings(trx, req.ctx, next, expected));
      return getSupervisionSettings(db);
    },
  );
}
