import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { dayStart, searchPageView, similarView } from './presenter.js';
import { PAGE_SIZE, RECENT_WINDOW, TITLE_WINDOW, searchLibrary, similarMaterials } from './service.js';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const maxPage = Math.ceil((TITLE_WINDOW + RECENT_WINDOW) / PAGE_SIZE);

export function searchRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;
  const tags = ['资料库'];

  r.get(
    '/api/library/search',
    {
      schema: {
        tags,
        summary:
          '资料全文检索（标题、正文、导读）：可按类型、专题、发布日期、等级筛选；无权阅读的结果只显示标题',
        querystring: z.object({
          q: z.string().trim().min(1, '请输入检索词').max(100, '检索词不超过100字'),
          type: z.string().trim().min(1).max(40).optional(),
          topic: z.string().trim().min(1).max(40).optional(),
          from: day.optional(),
          to: day.optional(),
          tier: z.enum(['free', 'member']).optional(),
          page: z.coerce.number().int().min(1).max(maxPage, `最多查看前${maxPage}页`).default(1),
        }),
        response: { 200: searchPageView },
      },
    },
    async (req) => {
      const { q, type, topic, from, to, tier, page } = req.query;
      const filters = {
        type,
        topic,
        tier,
        from: from ? dayStart(from) : undefined,
        to: to ? dayStart(to, 1) : undefined,
      };
      return searchLibrary(db, req.ctx, q, filters, page);
    },
  );

  r.get(
    '/api/library/materials/:id/similar',
    {
      schema: {
        tags,
        summary: '相似资料（按关键词）：只给标题，无权阅读的标记为锁定',
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: { 200: similarView },
      },
    },
    async (req) => ({ items: await similarMaterials(db, req.ctx, req.params.id) }),
  );
}
