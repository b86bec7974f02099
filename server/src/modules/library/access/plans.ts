import { nowIso, type Ctx } from '../../../platform/context.js';
import type { Executor, Tx } from '../../../platform/db/schema.js';
import { AppError, notFound, stale } from '../../../platform/http/errors.js';
import { diff, recordAudit } from '../../audit/index.js';
import { mayAdministerAccess } from './policy.js';
import {
  findPlan,
  findPlanByName,
  insertPlan,
  listPlans,
  updatePlanVersioned,
  type PlanRow,
} from './plans-repository.js';
import type { LibraryPlanTable } from './tables.js';

export type PlanInput = Pick<
  LibraryPlanTable,
  'name' | 'tier' | 'period_unit' | 'period_count' | 'price_cents' | 'active'
> & { back_years: number };

/** Members see the plans on offer; the system administrator sees retired ones too. */
export function visiblePlans(db: Executor, ctx: Ctx): Promise<PlanRow[]> {
  return listPlans(db, !ctx.actor?.roles.includes('system_admin'));
}

export async function loadPlan(db: Executor, id: number): Promise<PlanRow> {
  const plan = await findPlan(db, id);
  if (!plan) throw notFound('方案');
  return plan;
}

async function refuseDuplicateName(trx: Tx, name: string, id: number | null): Promise<void> {
  const same = await findPlanByName(trx, name);
  if (same && same.id !== id) throw new AppError('CONFLICT_DUPLICATE', `方案名称：“${name}”已存在`);
}

export async function createPlan(trx: Tx, ctx: Ctx, input: PlanInput): Promise<number> {
  mayAdministerAccess(ctx.actor, '设置方案');
  await refuseDuplicateName(trx, input.name, null);
  const now = nowIso(ctx);
  const id = await insertPlan(trx, { ...input, created_at: now, updated_at: now });
  await recordAudit(trx, ctx, {
    action: 'library.plan.create',
    objectType: 'library_plan',
    objectId: id,
    changes: input,
  });
  return id;
}

export async function editPlan(
  trx: Tx,
  ctx: Ctx,
  id: number,
  version: number,
  change: Partial<PlanInput>,
): Promise<void> {
  mayAdministerAccess(ctx.actor, '设置方案');
  const plan = await loadPlan(trx, id);
  if (change.name !== undefined) await refuseDuplicateName(trx, change.name, id);
  if (!(await updatePlanVersioned(trx, id, version, { ...change, updated_at: nowIso(ctx) }))) throw stale();
  await recordAudit(trx, ctx, {
    action: 'library.plan.update',
    objectType: 'library_plan',
    objectId: id,
    changes: diff(plan, change),
  });
}

/** End of a period that starts at `startsAt`; a month from 31 January ends on the last day of February. */
export function addPeriod(startsAt: string, plan: Pick<PlanRow, 'period_unit' | 'period_count'>): string {
  const start = new Date(startsAt);
  if (plan.period_unit === 'day')
    return new Date(start.getTime() + plan.period_count * 86_400_000).toISOString();
  const end = new Date(start);
  end.setUTCDate(1);
  end.setUTCMonth(end.getUTCMonth() + plan.period_count);
  const lastDay = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + 1, 0)).getUTCDate();
  end.setUTCDate(Math.min(start.getUTCDate(), lastDay));
  return end.toISOString();
}
