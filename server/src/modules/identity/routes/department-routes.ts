import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createOnce } from '../../../platform/http/idempotency.js';
import { notFound } from '../../../platform/http/errors.js';
import { recordAudit } from '../../audit/index.js';
import { createDepartment, editDepartment, removeDepartment } from '../departments.js';
import { findDepartment, listBranches, listDepartments } from '../departments-repository.js';
import { mayManageDepartments, mayViewDepartmentMembers, mayViewDepartmentTree } from '../policy.js';
import { colleagueView, departmentView, presentDepartment } from '../presenter.js';
import { rolesOfMany, usersOfDepartment } from '../users-repository.js';
import { ROLE_LABELS } from '../../../../../shared/src/roles.js';
import { toCsv } from '../../../platform/http/csv.js';
import { attachmentDisposition } from '../../../platform/http/file-transfer.js';

const idParam = z.object({ id: z.coerce.number().int().positive() });
const code = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,32}$/, '应为 1～32 位字母、数字、下划线或连字符');

export function departmentRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;

  r.get(
    '/api/departments',
    {
      schema: {
        tags: ['部门'],
        summary: '部门树（平铺，按 parentId 组装）与党支部',
        response: {
          200: z.object({
            items: z.array(departmentView),
            branches: z.array(z.object({ id: z.number(), departmentId: z.number(), name: z.string() })),
          }),
        },
      },
    },
    async (req) => {
      mayViewDepartmentTree(req.ctx.actor);
      const branches = await listBranches(db);
      return {
        items: (await listDepartments(db)).map(presentDepartment),
        branches: branches.map((b) => ({ id: b.id, departmentId: b.department_id, name: b.name })),
      };
    },
  );

  r.post(
    '/api/departments',
    {
      schema: {
        tags: ['部门'],
        summary: '新建部门（系统管理员）',
        body: z.object({
          name: z.string().trim().min(1).max(64),
          code,
          parentId: z.number().int().positive().nullable(),
          sortOrder: z.number().int().min(0).max(9999).optional(),
        }),
        response: { 201: departmentView },
      },
    },
    async (req, reply) => {
      mayManageDepartments(req.ctx.actor);
      const created = await createOnce(req, db, req.ctx, async (trx) => {
        const id = await createDepartment(trx, req.ctx, req.body);
        const row = await findDepartment(trx, id);
        if (!row) throw notFound('部门');
        return presentDepartment(row);
      });
      return reply.code(created.status as 201).send(created.body);
    },
  );

  r.patch(
    '/api/departments/:id',
    {
      schema: {
        tags: ['部门'],
        summary: '修改部门（系统管理员）',
        params: idParam,
        body: z.object({
          name: z.string().trim().min(1).max(64).optional(),
          code: code.optional(),
          parentId: z.number().int().positive().nullable().optional(),
          sortOrder: z.number().int().min(0).max(9999).optional(),
          version: z.number().int().min(1),
        }),
        response: { 200: departmentView },
      },
    },
    async (req) => {
      mayManageDepartments(req.ctx.actor);
      await db.transaction().execute((trx) => editDepartment(trx, req.ctx, req.params.id, req.body));
      const row = await findDepartment(db, req.params.id);
      if (!row) throw notFound('部门');
      return presentDepartment(row);
    },
  );

  r.delete(
    '/api/departments/:id',
    {
      schema: {
        tags: ['部门'],
        summary: '删除部门（系统管理员）',
        params: idParam,
        querystring: z.object({ version: z.coerce.number().int().min(1) }),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      mayManageDepartments(req.ctx.actor);
      await db
        .transaction()
        .execute((trx) => removeDepartment(trx, req.ctx, req.params.id, req.query.version));
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/api/departments/:id/members',
    {
      schema: {
        tags: ['部门'],
        summary: '部门成员',
        params: idParam,
        response: { 200: z.object({ items: z.array(colleagueView) }) },
      },
    },
    async (req) => {
      mayViewDepartmentMembers(req.ctx.actor, req.params.id);
      if (!(await findDepartment(db, req.params.id))) throw notFound('部门');
      const users = await usersOfDepartment(db, req.params.id);
      const roles = await rolesOfMany(
        db,
        users.map((u) => u.id),
      );
      return {
        items: users.map((u) => ({
          id: u.id,
          login: u.login,
          name: u.name,
          departmentId: u.department_id,
          roles: roles.get(u.id) ?? [],
        })),
      };
    },
  );

  r.get(
    '/api/departments/:id/members.csv',
    { schema: { tags: ['部门'], summary: '导出部门成员（CSV，Excel 可直接打开）', params: idParam } },
    async (req, reply) => {
      mayViewDepartmentMembers(req.ctx.actor, req.params.id);
      const department = await findDepartment(db, req.params.id);
      if (!department) throw notFound('部门');
      const users = await usersOfDepartment(db, req.params.id);
      const roles = await rolesOfMany(
        db,
        users.map((u) => u.id),
      );
      await db.transaction().execute((trx) =>
        recordAudit(trx, req.ctx, {
          action: 'export',
          objectType: 'department',
          objectId: department.id,
          changes: { what: 'members', rows: users.length },
        }),
      );
      const csv = toCsv(
        ['登录名', '姓名', '角色', '状态'],
        users.map((u) => [
          u.login,
          u.name,
          (roles.get(u.id) ?? []).map((x) => ROLE_LABELS[x]).join('、'),
          u.status === 'active' ? '正常' : '停用',
        ]),
      );
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', attachmentDisposition(`${department.name}-成员.csv`))
        .send(csv);
    },
  );
}
