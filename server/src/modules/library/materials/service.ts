import { MATERIAL_STATUSES, type MaterialStatus } from '../../../../../shared/src/library.js';
import type { Executor } from '../../../platform/db/schema.js';
import { nowIso, type Ctx } from '../../../platform/context.js';
import { AppError, invalid, notFound, stale } from '../../../platform/http/errors.js';
import { diff, recordAudit } from '../../audit/index.js';
import { indexMaterial, unindexMaterial } from '../search/index.js';
import { mayEditMaterials } from './policy.js';
import {
  findMaterial,
  insertMaterial,
  insertOutbox,
  insertVersion,
  replaceTopics,
  updateMaterialVersioned,
  type MaterialRow,
} from './repository.js';
import { fromStored, textOf, toStored, type MaterialInput } from './text.js';

/** The editor's material: any status, 404 when it does not exist. */
export async function loadForEditor(db: Executor, ctx: Ctx, id: number, what = '查看资料') {
  mayEditMaterials(ctx.actor, what);
  const row = await findMaterial(db, id);
  if (!row) throw notFound('资料');
  return row;
}

function requireStatus(row: MaterialRow, allowed: readonly MaterialStatus[], what: string): void {
  if (!allowed.includes(row.status))
    throw new AppError('INVALID_STATE', `当前状态「${MATERIAL_STATUSES[row.status]}」不能${what}`, {
      status: row.status,
    });
}

/** The search document of the material's latest text; notes are the 导读 and the key points. */
function searchDoc(row: MaterialRow, publishedAt: string) {
  const c = fromStored(row);
  return {
    materialId: row.id,
    title: c.title,
    body: c.body,
    notes: [c.note, ...c.keyPoints].filter(Boolean).join('\n'),
    type: c.type,
    topics: c.topics,
    tier: c.tier,
    publishedAt,
  };
}

/** A new draft, as version 1 of its text. */
export async function createMaterial(trx: Executor, ctx: Ctx, input: MaterialInput): Promise<number> {
  const actor = mayEditMaterials(ctx.actor, '新建资料');
  const text = toStored(input);
  const at = nowIso(ctx);
  const id = await insertMaterial(trx, {
    ...text,
    status: 'draft',
    revision: 1,
    scheduled_at: null,
    published_at: null,
    withdrawn_at: null,
    created_by: actor.id,
    created_at: at,
    updated_at: at,
  });
  await insertVersion(trx, id, 1, text, actor.id, at);
  await replaceTopics(trx, id, JSON.parse(text.topics) as string[]);
  await recordAudit(trx, ctx, {
    action: 'library.material.create',
    objectType: 'library_material',
    objectId: id,
    changes: { title: text.title, type: text.type, tier: text.tier },
  });
  return id;
}

/**
 * Every edit is a new version of the text; the earlier ones stay in the history. A published material
 * shows the new text to readers at once, so its search entry is renewed in the same transaction.
 */
export async function editMaterial(
  trx: Executor,
  ctx: Ctx,
  id: number,
  version: number,
  input: MaterialInput,
): Promise<void> {
  const actor = mayEditMaterials(ctx.actor, '修改资料');
  const row = await loadForEditor(trx, ctx, id, '修改资料');
  const text = toStored(input);
  const at = nowIso(ctx);
  const revision = row.revision + 1;
  const ok = await updateMaterialVersioned(trx, id, version, [row.status], {
    ...text,
    revision,
    updated_at: at,
  });
  if (!ok) throw stale();
  await insertVersion(trx, id, revision, text, actor.id, at);
  await replaceTopics(trx, id, JSON.parse(text.topics) as string[]);
  if (row.status === 'published' && row.published_at)
    await indexMaterial(trx, searchDoc({ ...row, ...text, revision }, row.published_at));
  await recordAudit(trx, ctx, {
    action: 'library.material.update',
    objectType: 'library_material',
    objectId: id,
    changes: { revision, ...diff(textOf(row) as unknown as Record<string, unknown>, { ...text }) },
  });
}

/** 定时发布: a draft (or an already scheduled material) waits for the publishing job. */
export async function scheduleMaterial(
  trx: Executor,
  ctx: Ctx,
  id: number,
  version: number,
  publishAt: string,
): Promise<void> {
  const row = await loadForEditor(trx, ctx, id, '定时发布资料');
  requireStatus(row, ['draft', 'scheduled'], '定时发布');
  if (publishAt <= nowIso(ctx)) throw invalid('发布时间', '应晚于当前时间');
  const ok = await updateMaterialVersioned(trx, id, version, [row.status], {
    status: 'scheduled',
    scheduled_at: publishAt,
    updated_at: nowIso(ctx),
  });
  if (!ok) throw stale();
  await recordAudit(trx, ctx, {
    action: 'library.material.schedule',
    objectType: 'library_material',
    objectId: id,
    changes: { from: row.status, publishAt },
  });
}

/**
 * Publish the row as read in this transaction: status, search entry and the outbox row the real-time
 * push consumes commit together. A material published before (then withdrawn) keeps its first date.
 */
export async function publishRow(trx: Executor, ctx: Ctx, row: MaterialRow): Promise<boolean> {
  const at = nowIso(ctx);
  const publishedAt = row.published_at ?? at;
  const ok = await updateMaterialVersioned(trx, row.id, row.version, [row.status], {
    status: 'published',
    published_at: publishedAt,
    scheduled_at: null,
    withdrawn_at: null,
    updated_at: at,
  });
  if (!ok) return false;
  await insertOutbox(trx, row.id, row.revision, at);
  await indexMaterial(trx, searchDoc(row, publishedAt));
  await recordAudit(trx, ctx, {
    action: 'library.material.publish',
    objectType: 'library_material',
    objectId: row.id,
    changes: { from: row.status, revision: row.revision, scheduled: row.status === 'scheduled' },
  });
  return true;
}

export async function publishMaterial(trx: Executor, ctx: Ctx, id: number, version: number): Promise<void> {
  const row = await loadForEditor(trx, ctx, id, '发布资料');
  requireStatus(row, ['draft', 'scheduled', 'withdrawn'], '发布');
  if (row.version !== version || !(await publishRow(trx, ctx, row))) throw stale();
}

/** 撤回: readers no longer find or open it; the editor may edit and publish it again. */
export async function withdrawMaterial(trx: Executor, ctx: Ctx, id: number, version: number): Promise<void> {
  const row = await loadForEditor(trx, ctx, id, '撤回资料');
  requireStatus(row, ['published', 'scheduled'], '撤回');
  const at = nowIso(ctx);
  const to = row.status === 'scheduled' ? 'draft' : 'withdrawn';
  const ok = await updateMaterialVersioned(trx, id, version, [row.status], {
    status: to,
    scheduled_at: null,
    ...(to === 'withdrawn' ? { withdrawn_at: at } : {}),
    updated_at: at,
  });
  if (!ok) throw stale();
  if (row.status === 'published') await unindexMaterial(trx, id);
  await recordAudit(trx, ctx, {
    action: 'library.material.withdraw',
    objectType: 'library_material',
    objectId: id,
    changes: { from: row.status, to },
  });
}
