import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES } from '../../../../../shared/src/roles.js';
import {
  CSRF_COOKIE,
  clearSessionCookie,
  setCsrfCookie,
  setSessionCookies,
} from '../../../platform/http/cookies.js';
import { AppError } from '../../../platform/http/errors.js';
import { signIn, signOut, verifyTotpStep } from '../login.js';
import { newToken } from '../sessions.js';

const stage = z.enum(['full', 'totp', 'enroll_totp', 'change_password']);
const sessionView = z.object({
  user: z
    .object({
      id: z.number(),
      login: z.string(),
      name: z.string(),
      departmentId: z.number().nullable(),
      roles: z.array(z.enum(ROLES)),
    })
    .nullable(),
  stage: stage.nullable(),
  csrfToken: z.string(),
});
const signedIn = z.object({ stage });

export function sessionRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/session',
    {
      config: { auth: 'public' },
      schema: { tags: ['会话'], summary: '当前会话', response: { 200: sessionView } },
    },
    async (req, reply) => {
      let csrfToken = req.session?.csrfToken ?? req.cookies[CSRF_COOKIE];
      if (!csrfToken) {
        csrfToken = newToken();
        setCsrfCookie(reply, app.deps.config, csrfToken);
      }
      const actor = req.ctx.actor;
      return {
        user: actor
          ? {
              id: actor.id,
              login: actor.login,
              name: actor.name,
              departmentId: actor.departmentId,
              roles: [...actor.roles],
            }
          : null,
        stage: req.session?.stage ?? null,
        csrfToken,
      };
    },
  );

  r.post(
    '/api/session',
    {
      config: {
        auth: 'public',
        rateLimit: { max: app.deps.config.loginRateLimitPerMinute, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['会话'],
        summary: '登录',
        body: z.object({ login: z.string().trim().min(1).max(64), password: z.string().min(1).max(128) }),
        response: { 200: signedIn },
      },
    },
    async (req, reply) => {
      const result = await signIn(
        app.deps.db,
        req.ctx,
        req.body.login,
        req.body.password,
        req.headers['user-agent'] ?? '',
      );
      setSessionCookies(reply, app.deps.config, result.token, result.csrfToken);
      return { stage: result.stage };
    },
  );

  r.post(
    '/api/session/totp',
    {
      config: {
        auth: 'partial',
        rateLimit: { max: app.deps.config.loginRateLimitPerMinute, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['会话'],
        summary: '登录第二步：动态验证码',
        body: z.object({ totpCode: z.string().regex(/^\d{6}$/, '应为 6 位数字') }),
        response: { 200: signedIn },
      },
    },
    async (req, reply) => {
      const session = req.session;
      const actor = req.ctx.actor;
      if (!session || !actor) throw new AppError('UNAUTHENTICATED');
      if (session.stage !== 'totp') throw new AppError('INVALID_STATE', '当前会话不需要动态验证码');
      const result = await verifyTotpStep(
        app.deps.db,
        req.ctx,
        session.id,
        actor.id,
        req.body.totpCode,
        req.headers['user-agent'] ?? '',
      );
      setSessionCookies(reply, app.deps.config, result.token, result.csrfToken);
      return { stage: result.stage };
    },
  );

  r.delete(
    '/api/session',
    {
      config: { auth: 'partial' },
      schema: { tags: ['会话'], summary: '退出登录', response: { 204: z.null() } },
    },
    async (req, reply) => {
      if (req.session) await signOut(app.deps.db, req.ctx, req.session.id);
      clearSessionCookie(reply, app.deps.config);
      return reply.code(204).send(null);
    },
  );
}
