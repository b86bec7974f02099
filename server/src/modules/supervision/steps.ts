import type { Executor } from '../../platform/db/schema.js';
import { nowIso, type Ctx } from '../../platform/context.js';
import { recordAudit } from '../audit/index.js';
import { insertEvent } from './items-repository.js';

/** Every step of an item writes its timeline entry and its audit row, in the step's transaction. */
export async function recordStep(
  trx: Executor,
  ctx: Ctx,
  step: {
    itemId: number;
    assignmentId?: number | null;
    kind: string;
    summary: string;
    changes?: Record<string, unknown>;
  },
): Promise<void> {
  await insertEvent(trx, {
    item_id: step.itemId,
    assignment_id: step.assignmentId ?? null,
    at: nowIso(ctx),
    actor_id: ctx.actor?.id ?? null,
    kind: step.kind,
    summary: step.summary,
  });
  await recordAudit(trx, ctx, {
    action: `supervision.${step.kind}`,
    objectType: step.assignmentId ? 'assignment' : 'item',
    objectId: step.assignmentId ?? step.itemId,
    changes: { itemId: step.itemId, ...step.changes },
  });
}
