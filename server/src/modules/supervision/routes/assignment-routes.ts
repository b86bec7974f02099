import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Tx } from '../../../platform/db/schema.js';
import { createOnce } from '../../../platform/http/idempotency.js';
import type { Ctx } from '../../../platform/context.js';
import {
  acknowledge,
  approveCompletion,
  itemOfAssignment,
  markLeaderRead,
  requestCompletion,
  returnCompletion,
  signOff,
  transferAccountable,
} from '../assignment-flow.js';
import { decideExtension, itemOfExtension, requestExtension } from '../extensions.js';
import { itemOfFeedback, reviewFeedback, submitFeedback } from '../feedback.js';
import { submittedFeedback } from '../feedback-view.js';
import { itemDetail } from '../views.js';
import { date, idParam, itemDetailView, reason, submittedFeedbackView, version } from './schemas.js';

export function assignmentRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;
  const tags = ['督查督办'];
  const ok = { 200: itemDetailView };

  /** Run one step on an assignment and answer with its item as it now stands. */
  const act = async (ctx: Ctx, itemId: Promise<number>, run: (trx: Tx) => Promise<unknown>) => {
    const id = await itemId;
    await db.transaction().execute(run);
    return itemDetail(db, ctx, id);
  };
  const ofAssignment = (ctx: Ctx, id: number) => itemOfAssignment(db, ctx, id);

  r.post(
    '/api/assignments/:id/acknowledge',
    {
      schema: {
        tags,
        summary: '签收（承办部门；首签者为首问责任人）',
        params: idParam,
        body: z.object({ version }),
        response: ok,
      },
    },
    async (req) =>
      act(req.ctx, ofAssignment(req.ctx, req.params.id), (trx) =>
        acknowledge(trx, req.ctx, req.params.id, req.body.version),
      ),
  );
  r.post(
    '/api/assignments/:id/transfer',
    {
      schema: {
        tags,
        summary: '转交首问责任人（部门负责人）',
        params: idParam,
        body: z.object({ version, toUserId: z.number().int().positive(), reason }),
        response: ok,
      },
    },
    async (req) =>
      act(req.ctx, ofAssignment(req.ctx, req.params.id), (trx) =>
        transferAccountable(
          trx,
          req.ctx,
          req.params.id,
          req.body.version,
          req.body.toUserId,
          req.body.reason,
        ),
      ),
  );
  r.post(
    '/api/assignments/:id/completion',
    {
      schema: {
        tags,
        summary: '申请办结（承办部门，附办结依据）',
        params: idParam,
        body: z.object({ version, evidence: z.string().trim().min(1).max(20000) }),
        response: ok,
      },
    },
    async (req) =>
      act(req.ctx, ofAssignment(req.ctx, req.params.id), (trx) =>
        requestCompletion(trx, req.ctx, req.params.id, req.body.version, req.body.evidence),
      ),
  );
  r.post(
    '/api/assignments/:id/completion/approve',
    {
      schema: {
        tags,
        summary: '审核办结（督查员）',
        params: idParam,
        body: z.object({ version }),
        response: ok,
      },
    },
    async (req) =>
      act(req.ctx, ofAssignment(req.ctx, req.params.id), (trx) =>
        approveCompletion(trx, req.ctx, req.params.id, req.body.version),
      ),
  );
  r.post(
    '/api/assignments/:id/completion/return',
    {
      schema: {
        tags,
        summary: '退回办结申请（督查员）',
        params: idParam,
        body: z.object({ version, reason }),
        response: ok,
      },
    },
    async (req) =>
      act(req.ctx, ofAssignment(req.ctx, req.params.id), (trx) =>
        returnCompletion(trx, req.ctx, req.params.id, req.body.version, req.body.reason),
      ),
  );
  r.post(
    '/api/assignments/:id/leader-read',
    {
      schema: {
        tags,
        summary: '报原批办领导阅（批办领导或督查员）',
        params: idParam,
        body: z.object({ version }),
        response: ok,
      },
    },
    async (req) =>
      act(req.ctx, ofAssignment(req.ctx, req.params.id), (trx) =>
        markLeaderRead(trx, req.ctx, req.params.id, req.body.version),
      ),
  );
  r.post(
    '/api/assignments/:id/sign-off',
    {
      schema: { tags, summary: '销号（督查员）', params: idParam, body: z.object({ version }), response: ok },
    },
    async (req) =>
      act(req.ctx, ofAssignment(req.ctx, req.params.id), (trx) =>
        signOff(trx, req.ctx, req.params.id, req.body.version),
      ),
  );

  r.post(
    '/api/assignments/:id/feedbacks',
    {
      schema: {
        tags,
        summary: '报送本期反馈（承办部门）',
        params: idParam,
        body: z.object({ content: z.string().trim().min(1).max(20000) }),
        response: { 201: submittedFeedbackView },
      },
    },
    async (req, reply) => {
      const { body } = await createOnce(req, db, req.ctx, async (trx) =>
        submittedFeedback(trx, req.ctx, await submitFeedback(trx, req.ctx, req.params.id, req.body.content)),
      );
      return reply.code(201).send(body);
    },
  );
  r.post(
    '/api/feedbacks/:id/review',
    {
      schema: {
        tags,
        summary: '审核反馈：先部门负责人，后督查室；可退回',
        params: idParam,
        body: z.object({
          version,
          decision: z.enum(['approve', 'return']),
          reason: reason.nullable().optional(),
        }),
        response: ok,
      },
    },
    async (req) =>
      act(req.ctx, itemOfFeedback(db, req.ctx, req.params.id), (trx) =>
        reviewFeedback(
          trx,
          req.ctx,
          req.params.id,
          req.body.version,
          req.body.decision,
          req.body.reason ?? null,
        ),
      ),
  );

  r.post(
    '/api/assignments/:id/extensions',
    {
      schema: {
        tags,
        summary: '申请延期（办理时限之前）',
        params: idParam,
        body: z.object({ newDeadline: date, reason }),
        response: { 201: itemDetailView },
      },
    },
    async (req, reply) => {
      await createOnce(req, db, req.ctx, (trx) =>
        requestExtension(trx, req.ctx, req.params.id, req.body.newDeadline, req.body.reason),
      );
      return reply
        .code(201)
        .send(await itemDetail(db, req.ctx, await itemOfAssignment(db, req.ctx, req.params.id)));
    },
  );
  r.post(
    '/api/extensions/:id/decision',
    {
      schema: {
        tags,
        summary: '审批延期申请（督查员）',
        params: idParam,
        body: z.object({ approve: z.boolean(), note: z.string().trim().max(2000).nullable().optional() }),
        response: ok,
      },
    },
    async (req) =>
      act(req.ctx, itemOfExtension(db, req.ctx, req.params.id), (trx) =>
        decideExtension(trx, req.ctx, req.params.id, req.body.approve, req.body.note ?? null),
      ),
  );
}
