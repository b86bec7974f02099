import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { searchMembers } from '../members.js';
import { page } from './schemas.js';

const memberView = z.object({
  id: z.number(),
  login: z.string(),
  name: z.string(),
  active: z.boolean(),
  tier: z.enum(['free', 'member']),
  /** End of the membership run in force now; null on the free tier. */
  runEnd: z.string().nullable(),
});

export function memberRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;

  r.get(
    '/api/library/members',
    {
      schema: {
        tags: ['资料库权益'],
        summary: '查找会员：按登录名或姓名（包含即可），分页，附当前等级（系统管理员）',
        querystring: z.object({
          q: z.string().trim().max(64, '检索词不超过64个字符').optional(),
          ...page,
        }),
        response: { 200: z.object({ total: z.number(), items: z.array(memberView) }) },
      },
    },
    async (req) => searchMembers(db, req.ctx, req.query),
  );
}
