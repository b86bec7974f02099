import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MATERIAL_TYPES } from '../../../../../shared/src/library.js';
import { readerView, teaserView } from './presenter.js';
import { listMaterials, readMaterial } from './reader.js';

/** Readers: the latest published materials and one material, whose text only canAccess opens. */
export function materialReaderRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;
  const tags = ['资料库'];

  r.get(
    '/api/library/materials',
    {
      schema: {
        tags,
        summary: '最新发布的资料（可按专题、文种筛选）；无权阅读的标记为 locked，只有摘要',
        querystring: z.object({
          topic: z.string().trim().max(20).optional(),
          type: z.enum(MATERIAL_TYPES).optional(),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: { 200: z.object({ total: z.number(), items: z.array(teaserView) }) },
      },
    },
    async (req) => listMaterials(db, req.ctx, req.query),
  );

  r.get(
    '/api/library/materials/:id',
    {
      schema: {
        tags,
        summary: '阅读资料：有权阅读时返回全文，否则只返回标题、导读等摘要（locked: true）',
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: { 200: readerView },
      },
    },
    async (req) => readMaterial(db, req.ctx, req.params.id),
  );
}
