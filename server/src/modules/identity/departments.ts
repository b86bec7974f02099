import type { Executor } from '../../platform/db/schema.js';
import { nowIso, type Ctx } from '../../platform/context.js';
import { AppError, notFound, stale } from '../../platform/http/errors.js';
import { diff, recordAudit } from '../audit/index.js';
import {
  deleteDepartmentRow,
  departmentUsage,
  findDepartment,
  findDepartmentByCode,
  insertDepartment,
  listDepartments,
  updateDepartmentVersioned,
} from './departments-repository.js';

export interface DepartmentInput {
  name: string;
  code: string;
  parentId: number | null;
  sortOrder?: number | undefined;
}

async function checkParent(trx: Executor, id: number | null, parentId: number | null): Promise<void> {
  if (parentId === null) return;
  if (!(await findDepartment(trx, parentId)))
    throw new AppError('VALIDATION_FAILED', '上级部门：不存在', { field: 'parentId' });
  if (id === null) return;
  // Walk up from the new parent: reaching the department itself would make a cycle.
  const all = new Map((await listDepartments(trx)).map((d) => [d.id, d.parent_id]));
  for (let at: number | null | undefined = parentId; at != null; at = all.get(at)) {
    if (at === id)
      throw new AppError('VALIDATION_FAILED', '上级部门：不能设为自身或其下级部门', { field: 'parentId' });
  }
}

export async function createDepartment(trx: Executor, ctx: Ctx, input: DepartmentInput): Promise<number> {
  if (await findDepartmentByCode(trx, input.code))
    throw new AppError('CONFLICT_DUPLICATE', `编码：「${input.code}」已被使用`, { field: 'code' });
  await checkParent(trx, null, input.parentId);
  const at = nowIso(ctx);
  const id = await insertDepartment(trx, {
    name: input.name,
    code: input.code,
    parent_id: input.parentId,
    sort_order: input.sortOrder ?? 0,
    created_at: at,
    updated_at: at,
  });
  await recordAudit(trx, ctx, {
    action: 'department.create',
    objectType: 'department',
    objectId: id,
    changes: { ...input },
  });
  return id;
}

export async function editDepartment(
  trx: Executor,
  ctx: Ctx,
  id: number,
  input: Partial<DepartmentInput> & { version: number },
): Promise<void> {
  const current = await findDepartment(trx, id);
  if (!current) throw notFound('部门');
  if (
    input.code !== undefined &&
    input.code !== current.code &&
    (await findDepartmentByCode(trx, input.code))
  ) {
    throw new AppError('CONFLICT_DUPLICATE', `编码：「${input.code}」已被使用`, { field: 'code' });
  }
  if (input.parentId !== undefined) await checkParent(trx, id, input.parentId);
  const changes = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.code !== undefined ? { code: input.code } : {}),
    ...(input.parentId !== undefined ? { parent_id: input.parentId } : {}),
    ...(input.sortOrder !== undefined ? { sort_order: input.sortOrder } : {}),
  };
  if (!(await updateDepartmentVersioned(trx, id, input.version, { ...changes, updated_at: nowIso(ctx) })))
    throw stale();
  await recordAudit(trx, ctx, {
    action: 'department.update',
    objectType: 'department',
    objectId: id,
    changes: diff(current, changes),
  });
}

export async function removeDepartment(trx: Executor, ctx: Ctx, id: number, version: number): Promise<void> {
  const current = await findDepartment(trx, id);
  if (!current) throw notFound('部门');
  if (current.version !== version) throw stale();
  const usage = await departmentUsage(trx, id);
  if (usage.children + usage.users + usage.branches > 0) {
    throw new AppError(
      'INVALID_STATE',
      `部门「${current.name}」下还有 ${usage.children} 个下级部门、${usage.users} 名用户、${usage.branches} 个党支部，不能删除`,
      usage,
    );
  }
  await deleteDepartmentRow(trx, id);
  await recordAudit(trx, ctx, {
    action: 'department.delete',
    objectType: 'department',
    objectId: id,
    changes: { name: current.name, code: current.code },
  });
}
