import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { setSessionCookies } from '../../../platform/http/cookies.js';
import { AppError } from '../../../platform/http/errors.js';
import { beginTotpEnrolment, changeOwnPassword, confirmTotpEnrolment, disableOwnTotp } from '../account.js';
import { getSecurityPolicy } from '../security-policy.js';
import { findUserById, rolesOf } from '../users-repository.js';
import { presentUser, userView } from '../presenter.js';

const stageView = z.object({ stage: z.enum(['full', 'totp', 'enroll_totp', 'change_password']) });
const totpCode = z.string().regex(/^\d{6}$/, '应为 6 位数字');

export function accountRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ref = (req: import('fastify').FastifyRequest) => {
    if (!req.session || !req.ctx.actor) throw new AppError('UNAUTHENTICATED');
    return {
      sessionId: req.session.id,
      userId: req.ctx.actor.id,
      userAgent: req.headers['user-agent'] ?? '',
    };
  };

  r.get(
    '/api/account',
    {
      config: { auth: 'partial' },
      schema: {
        tags: ['个人设置'],
        summary: '我的账号与密码策略',
        response: {
          200: z.object({
            user: userView,
            passwordExpiresAt: z.string().nullable(),
            totpRequired: z.boolean(),
            policy: z.object({ minLength: z.number(), minClasses: z.number(), historyCount: z.number() }),
          }),
        },
      },
    },
    async (req) => {
      const { userId } = ref(req);
      const user = await findUserById(app.deps.db, userId);
      if (!user) throw new AppError('UNAUTHENTICATED');
      const roles = await rolesOf(app.deps.db, userId);
      const policy = await getSecurityPolicy(app.deps.db);
      const at = req.ctx.clock.now();
      const expires =
        policy.maxAgeDays > 0
          ? new Date(
              new Date(user.password_changed_at).getTime() + policy.maxAgeDays * 86_400_000,
            ).toISOString()
          : null;
      return {
        user: presentUser(user, roles, at.toISOString()),
        passwordExpiresAt: expires,
        totpRequired: roles.some((role) => policy.totpRequiredRoles.includes(role)),
        policy: {
          minLength: policy.minLength,
          minClasses: policy.minClasses,
          historyCount: policy.historyCount,
        },
      };
    },
  );

  r.post(
    '/api/account/password',
    {
      config: { auth: 'partial' },
      schema: {
        tags: ['个人设置'],
        summary: '修改密码',
        body: z.object({
          currentPassword: z.string().min(1).max(128),
          newPassword: z.string().min(1).max(128),
        }),
        response: { 200: stageView },
      },
    },
    async (req, reply) => {
      if (req.session?.stage === 'totp') throw new AppError('TOTP_REQUIRED');
      const result = await changeOwnPassword(
        app.deps.db,
        req.ctx,
        ref(req),
        req.body.currentPassword,
        req.body.newPassword,
      );
      setSessionCookies(reply, app.deps.config, result.token, result.csrfToken);
      return { stage: result.stage };
    },
  );

  r.post(
    '/api/account/totp/setup',
    {
      config: { auth: 'partial' },
      schema: {
        tags: ['个人设置'],
        summary: '开始绑定动态验证码',
        response: { 200: z.object({ secret: z.string(), uri: z.string() }) },
      },
    },
    async (req) => {
      if (req.session?.stage !== 'full' && req.session?.stage !== 'enroll_totp')
        throw new AppError('INVALID_STATE', '请先完成登录');
      return beginTotpEnrolment(app.deps.db, req.ctx, ref(req).userId);
    },
  );

  r.post(
    '/api/account/totp/confirm',
    {
      config: { auth: 'partial' },
      schema: {
        tags: ['个人设置'],
        summary: '确认绑定动态验证码',
        body: z.object({ totpCode }),
        response: { 200: stageView },
      },
    },
    async (req, reply) => {
      if (req.session?.stage !== 'full' && req.session?.stage !== 'enroll_totp')
        throw new AppError('INVALID_STATE', '请先完成登录');
      const result = await confirmTotpEnrolment(app.deps.db, req.ctx, ref(req), req.body.totpCode);
      setSessionCookies(reply, app.deps.config, result.token, result.csrfToken);
      return { stage: result.stage };
    },
  );

  r.post(
    '/api/account/totp/disable',
    {
      schema: {
        tags: ['个人设置'],
        summary: '解除动态验证码',
        body: z.object({ totpCode }),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await disableOwnTotp(app.deps.db, req.ctx, ref(req).userId, req.body.totpCode);
      return reply.code(204).send(null);
    },
  );
}
