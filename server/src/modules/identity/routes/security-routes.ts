import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { mayEditSecurityPolicy } from '../policy.js';
import { getSecurityPolicy, securityPolicySchema, updateSecurityPolicy } from '../security-policy.js';

const policyView = securityPolicySchema.extend({ version: z.number() });

export function securityRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;

  r.get(
    '/api/security/policy',
    { schema: { tags: ['安全策略'], summary: '安全策略（安全管理员）', response: { 200: policyView } } },
    async (req) => {
      mayEditSecurityPolicy(req.ctx.actor);
      return getSecurityPolicy(db);
    },
  );

  r.put(
    '/api/security/policy',
    {
      schema: {
        tags: ['安全策略'],
        summary: '修改安全策略（安全管理员）',
        body: securityPolicySchema.extend({ version: z.number().int().min(0) }),
        response: { 200: policyView },
      },
    },
    async (req) => {
      mayEditSecurityPolicy(req.ctx.actor);
      const { version, ...next } = req.body;
      return db.transaction().execute((trx) => updateSecurityPolicy(trx, req.ctx, next, version));
    },
  );
}
