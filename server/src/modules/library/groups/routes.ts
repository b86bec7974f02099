import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createOnce } from '../../../platform/http/idempotency.js';
import { adminGroupView, myGroupView, presentAdminGroup, presentMyGroup } from './presenter.js';
import {
  createGroup,
  editGroup,
  groupsFor,
  listGroupsForAdmin,
  loadGroupForAdmin,
  removeGroup,
} from './service.js';

const idParam = z.object({ id: z.coerce.number().int().positive() });
const version = z.number().int().min(1);
const groupInput = z.object({
  tier: z.enum(['free', 'member'], { error: '请选择群组类别（会员群或免费群）' }),
  name: z.string().trim().min(1, '请填写群名称').max(40, '群名称不超过 40 个字'),
  joinLink: z
    .string()
    .trim()
    .min(1, '请填写加群链接')
    .max(500, '加群链接不超过 500 个字符')
    .refine((s) => /^https?:\/\/\S+$/.test(s), '加群链接须以 http:// 或 https:// 开头'),
  notes: z.string().trim().max(500, '说明不超过 500 个字').default(''),
});

/** 会员群 and 免费群: readers see the links of the tiers they hold now; the system administrator keeps them. */
export function groupRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;
  const tags = ['资料库群组'];
  const admin = '/api/library/admin/groups';

  r.get(
    '/api/library/groups',
    {
      schema: {
        tags,
        summary: '我的群组：会员群仅在会员权益有效期内给出链接，免费群对所有业务用户开放',
        response: { 200: z.object({ items: z.array(myGroupView) }) },
      },
    },
    async (req) => ({
      items: (await groupsFor(db, req.ctx)).map(({ row, entitled }) => presentMyGroup(row, entitled)),
    }),
  );

  r.get(
    admin,
    {
      schema: {
        tags,
        summary: '全部群组（系统管理员）',
        response: { 200: z.object({ items: z.array(adminGroupView) }) },
      },
    },
    async (req) => ({ items: (await listGroupsForAdmin(db, req.ctx)).map(presentAdminGroup) }),
  );

  r.post(
    admin,
    {
      schema: {
        tags,
        summary: '新建群组（系统管理员）',
        body: groupInput,
        response: { 201: adminGroupView },
      },
    },
    async (req, reply) => {
      const created = await createOnce(req, db, req.ctx, (trx) => createGroup(trx, req.ctx, req.body));
      return reply.code(201).send(presentAdminGroup(await loadGroupForAdmin(db, req.ctx, created.body)));
    },
  );

  r.put(
    `${admin}/:id`,
    {
      schema: {
        tags,
        summary: '修改群组（系统管理员）',
        params: idParam,
        body: groupInput.extend({ version }),
        response: { 200: adminGroupView },
      },
    },
    async (req) => {
      const { version: expected, ...input } = req.body;
      await db.transaction().execute((trx) => editGroup(trx, req.ctx, req.params.id, expected, input));
      return presentAdminGroup(await loadGroupForAdmin(db, req.ctx, req.params.id));
    },
  );

  r.post(
    `${admin}/:id/delete`,
    {
      schema: {
        tags,
        summary: '删除群组（系统管理员）',
        params: idParam,
        body: z.object({ version }),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await db.transaction().execute((trx) => removeGroup(trx, req.ctx, req.params.id, req.body.version));
      return reply.code(204).send(null);
    },
  );
}
