import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createOnce } from '../../../platform/http/idempotency.js';
import { chaseDetail, chasesOf, createChase, readChase, replyChase } from '../chases.js';
import { idParam } from './schemas.js';

const person = z.object({ id: z.number(), name: z.string() });
const chaseView = z.object({
  id: z.number(),
  assignmentId: z.number(),
  itemId: z.number(),
  chaser: person,
  message: z.string(),
  createdAt: z.string(),
  recipients: z.array(person.extend({ readAt: z.string().nullable() })),
  reply: z.string().nullable(),
  repliedBy: person.nullable(),
  repliedAt: z.string().nullable(),
});
const text = z.string().trim().min(1).max(2000);

/** 催办: a supervisor or leader chases an assignment; its recipients read and reply. */
export function chaseRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;
  const tags = ['督查督办'];

  r.post(
    '/api/assignments/:id/chases',
    {
      schema: {
        tags,
        summary: '催办（督查员或领导）：通知首问责任人和部门负责人',
        params: idParam,
        body: z.object({ message: text }),
        response: { 201: chaseView },
      },
    },
    async (req, reply) => {
      const { body } = await createOnce(req, db, req.ctx, (trx) =>
        createChase(trx, req.ctx, req.params.id, req.body.message),
      );
      return reply.code(201).send(await chaseDetail(db, req.ctx, body));
    },
  );

  r.get(
    '/api/assignments/:id/chases',
    {
      schema: {
        tags,
        summary: '一项承办任务的催办记录，最新的在前',
        params: idParam,
        response: { 200: z.object({ items: z.array(chaseView) }) },
      },
    },
    async (req) => ({ items: await chasesOf(db, req.ctx, req.params.id) }),
  );

  r.get(
    '/api/chases/:id',
    {
      schema: {
        tags,
        summary: '催办详情：接收人阅读时间、回复',
        params: idParam,
        response: { 200: chaseView },
      },
    },
    async (req) => chaseDetail(db, req.ctx, req.params.id),
  );

  r.post(
    '/api/chases/:id/read',
    {
      schema: { tags, summary: '催办对象打开催办时记录阅读', params: idParam, response: { 200: chaseView } },
    },
    async (req) => {
      await db.transaction().execute((trx) => readChase(trx, req.ctx, req.params.id));
      return chaseDetail(db, req.ctx, req.params.id);
    },
  );

  r.post(
    '/api/chases/:id/reply',
    {
      schema: {
        tags,
        summary: '回复催办（承办部门），回复通知催办人',
        params: idParam,
        body: z.object({ reply: text }),
        response: { 200: chaseView },
      },
    },
    async (req) => {
      await db.transaction().execute((trx) => replyChase(trx, req.ctx, req.params.id, req.body.reply));
      return chaseDetail(db, req.ctx, req.params.id);
    },
  );
}
