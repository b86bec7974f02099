import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { mayEditCalendar, mayReadCalendar } from './policy.js';
import { clearDay, confirmYear, loadCalendar, setDay, unconfirmYear, yearStatus } from './service.js';
import { isValidDate } from './working-calendar.js';

const date = z.string().refine(isValidDate, '应为有效日期，格式 YYYY-MM-DD');
const year = z.coerce.number().int().min(2000).max(2100);
const rule = z
  .object({ kind: z.enum(['holiday', 'workday']), name: z.string(), source: z.enum(['official', 'admin']) })
  .nullable();
const yearView = z.object({
  year: z.number(),
  source: z.enum(['official', 'confirmed', 'none']),
  note: z.string().nullable(),
});

export function calendarRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;

  r.get(
    '/api/calendar',
    {
      schema: {
        tags: ['工作日历'],
        summary: '一年的工作日历（含法定节假日、调休与人工设置）',
        querystring: z.object({ year }),
        response: {
          200: z.object({
            status: yearView,
            days: z.array(z.object({ date: z.string(), working: z.boolean(), rule })),
          }),
        },
      },
    },
    async (req) => {
      mayReadCalendar(req.ctx.actor);
      const calendar = await loadCalendar(db);
      const days = Array.from({ length: 12 }, (_, i) => calendar.month(req.query.year, i + 1)).flat();
      return { status: await yearStatus(db, req.query.year), days };
    },
  );

  r.get(
    '/api/calendar/working-days',
    {
      schema: {
        tags: ['工作日历'],
        summary: '从某日起算 N 个工作日后的日期（限时办结）',
        querystring: z.object({ from: date, days: z.coerce.number().int().min(0).max(1000) }),
        response: {
          200: z.object({
            date: z.string(),
            unconfirmedYears: z.array(z.number()),
            warning: z.string().nullable(),
          }),
        },
      },
    },
    async (req) => {
      mayReadCalendar(req.ctx.actor);
      const result = (await loadCalendar(db)).addWorkingDays(req.query.from, req.query.days);
      const warning = result.unconfirmedYears.length
        ? `${result.unconfirmedYears.join('、')} 年的节假日安排尚未公布或录入，按普通周末计算，结果可能有误`
        : null;
      return { ...result, warning };
    },
  );

  r.put(
    '/api/calendar/days/:date',
    {
      schema: {
        tags: ['工作日历'],
        summary: '设置某日为节假日或调休上班日（系统管理员）',
        params: z.object({ date }),
        body: z.object({ kind: z.enum(['holiday', 'workday']), name: z.string().trim().min(1).max(32) }),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      mayEditCalendar(req.ctx.actor);
      await db
        .transaction()
        .execute((trx) => setDay(trx, req.ctx, req.params.date, req.body.kind, req.body.name));
      return reply.code(204).send(null);
    },
  );

  r.delete(
    '/api/calendar/days/:date',
    {
      schema: {
        tags: ['工作日历'],
        summary: '清除某日的人工设置（系统管理员）',
        params: z.object({ date }),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      mayEditCalendar(req.ctx.actor);
      await db.transaction().execute((trx) => clearDay(trx, req.ctx, req.params.date));
      return reply.code(204).send(null);
    },
  );

  r.put(
    '/api/calendar/years/:year',
    {
      schema: {
        tags: ['工作日历'],
        summary: '确认某年节假日已录入完整（系统管理员）',
        params: z.object({ year }),
        body: z.object({ note: z.string().trim().min(1).max(200) }),
        response: { 200: yearView },
      },
    },
    async (req) => {
      mayEditCalendar(req.ctx.actor);
      await db.transaction().execute((trx) => confirmYear(trx, req.ctx, req.params.year, req.body.note));
      return yearStatus(db, req.params.year);
    },
  );

  r.delete(
    '/api/calendar/years/:year',
    {
      schema: {
        tags: ['工作日历'],
        summary: '撤销某年的确认（系统管理员）',
        params: z.object({ year }),
        response: { 200: yearView },
      },
    },
    async (req) => {
      mayEditCalendar(req.ctx.actor);
      await db.transaction().execute((trx) => unconfirmYear(trx, req.ctx, req.params.year));
      return yearStatus(db, req.params.year);
    },
  );
}
