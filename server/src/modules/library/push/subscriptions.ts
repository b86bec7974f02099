import { MATERIAL_TYPES } from '../../../../../shared/src/library.js';
import type { Executor } from '../../../platform/db/schema.js';
import { nowIso, type Ctx } from '../../../platform/context.js';
import { invalid } from '../../../platform/http/errors.js';
import { recordAudit } from '../../audit/index.js';
import { mayReadLibrary } from '../materials/policy.js';
import { replaceSubscriptions, subscriptionsOf } from './repository.js';

/** What a person follows: topics/campaigns and material types. */
export interface Subscriptions {
  topics: string[];
  types: string[];
}

export async function mySubscriptions(db: Executor, ctx: Ctx): Promise<Subscriptions> {
  const actor = mayReadLibrary(ctx.actor);
  const rows = await subscriptionsOf(db, actor.id);
  return {
    topics: rows.filter((r) => r.kind === 'topic').map((r) => r.value),
    types: rows.filter((r) => r.kind === 'type').map((r) => r.value),
  };
}

/** Replace the whole list (the 订阅 control sends what is ticked); duplicates collapse. */
export async function setSubscriptions(
  trx: Executor,
  ctx: Ctx,
  input: Subscriptions,
): Promise<Subscriptions> {
  const actor = mayReadLibrary(ctx.actor);
  const topics = [...new Set(input.topics)];
  const types = [...new Set(input.types)];
  const unknown = types.find((t) => !(MATERIAL_TYPES as readonly string[]).includes(t));
  if (unknown !== undefined) throw invalid('资料类型', `「${unknown}」不是资料库的资料类型`);
  const before = await mySubscriptions(trx, ctx);
  await replaceSubscriptions(
    trx,
    actor.id,
    [
      ...topics.map((value) => ({ kind: 'topic' as const, value })),
      ...types.map((value) => ({ kind: 'type' as const, value })),
    ],
    nowIso(ctx),
  );
  await recordAudit(trx, ctx, {
    action: 'library.subscriptions.update',
    objectType: 'user',
    objectId: actor.id,
    changes: { before, after: { topics, types } },
  });
  return { topics, types };
}
