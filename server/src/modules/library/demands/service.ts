import { DEMAND_STATUSES } from '../../../../../shared/src/library-demands.js';
import type { Executor } from '../../../platform/db/schema.js';
import { nowIso, type Ctx } from '../../../platform/context.js';
import { AppError, invalid, notFound, stale } from '../../../platform/http/errors.js';
import { recordAudit } from '../../audit/index.js';
import { notify } from '../../notify/index.js';
import { loadMaterialRef } from '../materials/index.js';
import { mayDecideDemands, mayUseDemandBoard } from './policy.js';
import {
  addVote,
  decideDemand,
  findDemand,
  insertDemand,
  materialTitle,
  removeVote,
  voterIds,
  type DemandRow,
} from './repository.js';

export interface DemandInput {
  title: string;
  description: string;
  topic: string | null;
}

async function loadDemand(db: Executor, id: number): Promise<DemandRow> {
  const row = await findDemand(db, id);
  if (!row) throw notFound('需求');
  return row;
}

function requireOpen(row: DemandRow, what: string): void {
  if (row.status !== 'open')
    throw new AppError('INVALID_STATE', `该需求${DEMAND_STATUSES[row.status]}，不能${what}`, {
      status: row.status,
    });
}

/** 提出需求: any business user asks for materials the library lacks. */
export async function postDemand(trx: Executor, ctx: Ctx, input: DemandInput): Promise<number> {
  const actor = mayUseDemandBoard(ctx.actor, '提出需求');
  const at = nowIso(ctx);
  const id = await insertDemand(trx, {
    ...input,
    status: 'open',
    requested_by: actor.id,
    material_id: null,
    answer_note: null,
    close_reason: null,
    decided_by: null,
    decided_at: null,
    created_at: at,
    updated_at: at,
  });
  await recordAudit(trx, ctx, {
    action: 'library.demand.create',
    objectType: 'library_demand',
    objectId: id,
    changes: { ...input },
  });
  return id;
}

/** One vote per person on an open demand; voting again, or withdrawing twice, changes nothing. */
export async function setVote(trx: Executor, ctx: Ctx, id: number, on: boolean): Promise<void> {
  const actor = mayUseDemandBoard(ctx.actor, on ? '投票' : '撤回投票');
  const row = await loadDemand(trx, id);
  requireOpen(row, on ? '投票' : '撤回投票');
  if (on && row.requested_by === actor.id) throw new AppError('INVALID_STATE', '不能为自己提出的需求投票');
  const changed = on ? await addVote(trx, id, actor.id, nowIso(ctx)) : await removeVote(trx, id, actor.id);
  if (!changed) return;
  await recordAudit(trx, ctx, {
    action: on ? 'library.demand.vote' : 'library.demand.unvote',
    objectType: 'library_demand',
    objectId: id,
    changes: { votes: row.votes + (on ? 1 : -1) },
  });
}

/**
 * 回应: the editor links a published material; the requester and everyone who voted get an in-app
 * notice with the material's title and link only, in the same transaction.
 */
export async function answerDemand(
  trx: Executor,
  ctx: Ctx,
  id: number,
  input: { version: number; materialId: number; note: string },
): Promise<void> {
  const actor = mayDecideDemands(ctx.actor, '回应需求');
  const row = await loadDemand(trx, id);
  requireOpen(row, '回应');
  const ref = await loadMaterialRef(trx, input.materialId);
  const at = nowIso(ctx);
  if (!ref?.publishedAt || ref.publishedAt > at) throw invalid('回应资料', '须为已发布的资料');
  const ok = await decideDemand(trx, id, input.version, {
    status: 'answered',
    material_id: ref.id,
    answer_note: input.note || null,
    decided_by: actor.id,
    decided_at: at,
    updated_at: at,
  });
  if (!ok) throw stale();
  await notify(trx, ctx, {
    userIds: [row.requested_by, ...(await voterIds(trx, id))],
    kind: 'library.demand.answered',
    title: `需求「${row.title}」已有资料回应`,
    body: `《${await materialTitle(trx, ref.id)}》`,
    link: `/library/materials/${ref.id}`,
    dedupeKey: `library.demand.answered:${id}`,
  });
  await recordAudit(trx, ctx, {
    action: 'library.demand.answer',
    objectType: 'library_demand',
    objectId: id,
    changes: { materialId: ref.id, note: input.note },
  });
}

/** 关闭: the editor ends an open demand with a reason the board shows. */
export async function closeDemand(
  trx: Executor,
  ctx: Ctx,
  id: number,
  input: { version: number; reason: string },
): Promise<void> {
  const actor = mayDecideDemands(ctx.actor, '关闭需求');
  const row = await loadDemand(trx, id);
  requireOpen(row, '关闭');
  const at = nowIso(ctx);
  const ok = await decideDemand(trx, id, input.version, {
    status: 'closed',
    close_reason: input.reason,
    decided_by: actor.id,
    decided_at: at,
    updated_at: at,
  });
  if (!ok) throw stale();
  await recordAudit(trx, ctx, {
    action: 'library.demand.close',
    objectType: 'library_demand',
    objectId: id,
    changes: { reason: input.reason },
  });
}
