import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { check, DATA_VERSION, fix, RULES } from '../../../../proofread/src/index.js';
import type { Module } from '../../platform/http/app.js';
import { AppError } from '../../platform/http/errors.js';
import type { Actor } from '../../platform/context.js';

const finding = z.object({
  ruleId: z.string(),
  severity: z.enum(['error', 'warning', 'confirm']),
  start: z.number(),
  end: z.number(),
  message: z.string(),
  replacement: z.string().optional(),
  suggestion: z.string().optional(),
});

const options = z.object({
  disable: z.array(z.string().max(64)).max(50).optional(),
  only: z.array(z.string().max(64)).max(50).optional(),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, '应为 YYYY-MM-DD')
    .optional(),
});

/** Anyone doing business work may proofread; the three administrators have no documents to check. */
function mayProofread(actor: Actor | null): void {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (actor.roles.every((r) => r === 'system_admin' || r === 'security_admin' || r === 'audit_admin')) {
    throw new AppError('FORBIDDEN', '管理员不使用公文校对');
  }
}

/** The proofreader over HTTP. Text is checked in memory and never stored. */
export const proofreadingModule: Module = {
  name: 'proofreading',
  register(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['公文校对'];
    // 10 MB of text is ~3.5 M characters: a whole report, checked in well under a second.
    const body = z.object({ text: z.string().max(4_000_000), options: options.optional() });

    r.post(
      '/api/proofread',
      {
        schema: {
          tags,
          summary: '校对文本：标点、数字、格式、规范表述、错别字',
          body,
          response: {
            200: z.object({
              findings: z.array(finding),
              dataVersion: z.object({ expressions: z.string(), typos: z.string() }),
            }),
          },
        },
      },
      async (req) => {
        mayProofread(req.ctx.actor);
        return { findings: check(req.body.text, req.body.options), dataVersion: DATA_VERSION };
      },
    );

    r.post(
      '/api/proofread/fix',
      {
        schema: {
          tags,
          summary: '只应用确定无疑的修改',
          body,
          response: { 200: z.object({ text: z.string(), applied: z.array(finding) }) },
        },
      },
      async (req) => {
        mayProofread(req.ctx.actor);
        return fix(req.body.text, req.body.options);
      },
    );

    r.get(
      '/api/proofread/rules',
      {
        schema: {
          tags,
          summary: '校对规则清单',
          response: {
            200: z.object({
              rules: z.array(z.object({ id: z.string() }).passthrough()),
              dataVersion: z.object({ expressions: z.string(), typos: z.string() }),
            }),
          },
        },
      },
      async (req) => {
        mayProofread(req.ctx.actor);
        return { rules: RULES.map((rule) => ({ ...rule })), dataVersion: DATA_VERSION };
      },
    );
  },
};
