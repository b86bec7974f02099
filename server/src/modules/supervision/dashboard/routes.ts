import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../routes/schemas.js';
import { departmentOverview } from './department.js';
import { departmentOverviewView, dashboardView } from './presenter.js';
import { dashboard } from './service.js';

const periodKind = z.enum(['week', 'month', 'quarter', 'half', 'year']);

export function dashboardRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;
  const tags = ['领导驾驶舱'];

  r.get(
    '/api/supervision/dashboard',
    {
      schema: {
        tags,
        summary:
          '领导驾驶舱：红黄绿灯、趋势、部门排名、按来源统计、关注事项（领导、督查员；部门负责人看本部门）',
        querystring: z.object({
          scope: z.union([z.literal('all'), z.coerce.number().int().positive()]).default('all'),
          period: periodKind.default('month'),
        }),
        response: { 200: dashboardView },
      },
    },
    async (req) => dashboard(db, req.ctx, req.query),
  );

  r.get(
    '/api/supervision/departments/:id/overview',
    {
      schema: {
        tags,
        summary: '部门视图：本部门承办事项的状态与灯色、逾期与临期清单、承办人持有情况、按期办结率',
        params: idParam,
        querystring: z.object({ period: periodKind.default('year') }),
        response: { 200: departmentOverviewView },
      },
    },
    async (req) => departmentOverview(db, req.ctx, req.params.id, req.query.period),
  );
}
