import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { BUSINESS_ROLES, ROLES } from '../../../../../shared/src/roles.js';
import { createOnce } from '../../../platform/http/idempotency.js';
import { notFound } from '../../../platform/http/errors.js';
import {
  mayAssignRoles,
  mayListUsers,
  mayManageAccounts,
  mayUnlockAccounts,
  mayViewUser,
} from '../policy.js';
import { colleagueView, presentUser, userView } from '../presenter.js';
import { createUser, editUser, resetPassword, setRoles, unlockUser } from '../users.js';
import { findUserById, listUsers, rolesOf, rolesOfMany } from '../users-repository.js';

const idParam = z.object({ id: z.coerce.number().int().positive() });
const login = z
  .string()
  .trim()
  .regex(/^[a-zA-Z][a-zA-Z0-9_.-]{2,31}$/, '应以字母开头，由 3～32 位字母、数字、下划线、点或连字符组成');

export function userRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;
  const now = (req: { ctx: { clock: { now(): Date } } }) => req.ctx.clock.now().toISOString();

  r.get(
    '/api/users',
    {
      schema: {
        tags: ['用户'],
        summary: '用户列表（系统管理员、安全管理员）',
        querystring: z.object({
          q: z.string().trim().max(64).optional(),
          departmentId: z.coerce.number().int().positive().optional(),
          role: z.enum(ROLES).optional(),
          status: z.enum(['active', 'disabled']).optional(),
          locked: z.enum(['1']).optional(),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: z.object({ total: z.number(), items: z.array(userView) }) },
      },
    },
    async (req) => {
      mayListUsers(req.ctx.actor);
      const { locked, ...filter } = req.query;
      const at = now(req);
      const { total, rows } = await listUsers(db, { ...filter, locked: locked ? { at } : undefined });
      const roles = await rolesOfMany(
        db,
        rows.map((u) => u.id),
      );
      return { total, items: rows.map((u) => presentUser(u, roles.get(u.id) ?? [], at)) };
    },
  );

  r.get(
    '/api/users/:id',
    {
      schema: {
        tags: ['用户'],
        summary: '用户详情',
        params: idParam,
        response: { 200: z.union([userView, colleagueView]) },
      },
    },
    async (req) => {
      const user = await findUserById(db, req.params.id);
      if (!user) throw notFound('用户');
      const actor = mayViewUser(req.ctx.actor, user);
      const roles = await rolesOf(db, user.id);
      const full = presentUser(user, roles, now(req));
      if (
        actor.id === user.id ||
        actor.roles.includes('system_admin') ||
        actor.roles.includes('security_admin')
      )
        return full;
      return {
        id: full.id,
        login: full.login,
        name: full.name,
        departmentId: full.departmentId,
        roles: full.roles,
      };
    },
  );

  r.post(
    '/api/users',
    {
      schema: {
        tags: ['用户'],
        summary: '新建用户（系统管理员），返回一次性密码',
        body: z.object({
          login,
          name: z.string().trim().min(1).max(64),
          departmentId: z.number().int().positive().nullable(),
        }),
        response: { 201: z.object({ user: userView, issuedPassword: z.string() }) },
      },
    },
    async (req, reply) => {
      mayManageAccounts(req.ctx.actor);
      const created = await createOnce(req, db, req.ctx, async (trx) => {
        const { id, issuedPassword } = await createUser(trx, req.ctx, req.body);
        const user = await findUserById(trx, id);
        if (!user) throw notFound('用户');
        return { user: presentUser(user, [], now(req)), issuedPassword: issuedPassword ?? '' };
      });
      return reply.code(created.status as 201).send(created.body);
    },
  );

  r.patch(
    '/api/users/:id',
    {
      schema: {
        tags: ['用户'],
        summary: '修改用户（系统管理员）',
        params: idParam,
        body: z.object({
          name: z.string().trim().min(1).max(64).optional(),
          departmentId: z.number().int().positive().nullable().optional(),
          status: z.enum(['active', 'disabled']).optional(),
          version: z.number().int().min(1),
        }),
        response: { 200: userView },
      },
    },
    async (req) => {
      mayManageAccounts(req.ctx.actor);
      await db.transaction().execute((trx) => editUser(trx, req.ctx, req.params.id, req.body));
      return present(req.params.id, now(req));
    },
  );

  r.post(
    '/api/users/:id/reset-password',
    {
      schema: {
        tags: ['用户'],
        summary: '重置密码（系统管理员），返回一次性密码',
        params: idParam,
        body: z.object({ version: z.number().int().min(1) }),
        response: { 200: z.object({ issuedPassword: z.string() }) },
      },
    },
    async (req) => {
      mayManageAccounts(req.ctx.actor);
      const issuedPassword = await db
        .transaction()
        .execute((trx) => resetPassword(trx, req.ctx, req.params.id, req.body.version));
      return { issuedPassword };
    },
  );

  r.put(
    '/api/users/:id/roles',
    {
      schema: {
        tags: ['用户'],
        summary: '分配业务角色（安全管理员）',
        params: idParam,
        body: z.object({
          roles: z.array(z.enum(BUSINESS_ROLES)).max(BUSINESS_ROLES.length),
          version: z.number().int().min(1),
        }),
        response: { 200: userView },
      },
    },
    async (req) => {
      mayAssignRoles(req.ctx.actor);
      await db
        .transaction()
        .execute((trx) => setRoles(trx, req.ctx, req.params.id, req.body.roles, req.body.version));
      return present(req.params.id, now(req));
    },
  );

  r.post(
    '/api/users/:id/unlock',
    {
      schema: {
        tags: ['用户'],
        summary: '解锁账号（安全管理员）',
        params: idParam,
        response: { 200: userView },
      },
    },
    async (req) => {
      mayUnlockAccounts(req.ctx.actor);
      await db.transaction().execute((trx) => unlockUser(trx, req.ctx, req.params.id));
      return present(req.params.id, now(req));
    },
  );

  async function present(id: number, at: string) {
    const user = await findUserById(db, id);
    if (!user) throw notFound('用户');
    return presentUser(user, await rolesOf(db, id), at);
  }
}
