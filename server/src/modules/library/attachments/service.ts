import { nowIso, type Ctx } from '../../../platform/context.js';
import type { Db, Executor, Tx } from '../../../platform/db/schema.js';
import type { StoredFile } from '../../../platform/files/index.js';
import { notFound, stale } from '../../../platform/http/errors.js';
import { recordAudit } from '../../audit/index.js';
import { canAccess } from '../access/index.js';
import { loadMaterialRef, mayEditMaterials, mayReadLibrary, type MaterialRef } from '../materials/index.js';
import { isEditor, mayDownloadAttachment, mayListAttachments } from './policy.js';
import { presentAttachment, type AttachmentView } from './presenter.js';
import {
  attachmentsOfMaterial,
  findAttachment,
  insertAttachment,
  markDeleted,
  type AttachmentRow,
} from './repository.js';

async function materialRef(db: Executor, id: number): Promise<MaterialRef> {
  const ref = await loadMaterialRef(db, id);
  if (!ref) throw notFound('资料');
  return ref;
}

/** An editor's material of any status, checked before an upload's bytes are read and again when recorded. */
export async function checkUpload(db: Executor, ctx: Ctx, materialId: number): Promise<MaterialRef> {
  mayEditMaterials(ctx.actor, '上传附件');
  return materialRef(db, materialId);
}

export async function addAttachment(
  trx: Tx,
  ctx: Ctx,
  materialId: number,
  file: StoredFile & { name: string },
): Promise<AttachmentView> {
  await checkUpload(trx, ctx, materialId);
  const row = {
    material_id: materialId,
    file_hash: file.hash,
    name: file.name,
    mime_type: file.mime,
    size: file.size,
    uploaded_by: ctx.actor?.id ?? 0,
    uploaded_at: nowIso(ctx),
  };
  const id = await insertAttachment(trx, row);
  await recordAudit(trx, ctx, {
    action: 'library.attachment.add',
    objectType: 'library_attachment',
    objectId: id,
    changes: { materialId, name: file.name, hash: file.hash, size: file.size, type: file.type },
  });
  return presentAttachment({ ...row, id, deleted_at: null, deleted_by: null, version: 1 }, false);
}

export async function deleteAttachment(trx: Tx, ctx: Ctx, id: number, version: number): Promise<void> {
  const actor = mayEditMaterials(ctx.actor, '删除附件');
  const attachment = await findAttachment(trx, id);
  if (!attachment) throw notFound('附件');
  if (!(await markDeleted(trx, id, version, actor.id, nowIso(ctx)))) throw stale();
  await recordAudit(trx, ctx, {
    action: 'library.attachment.delete',
    objectType: 'library_attachment',
    objectId: id,
    changes: { materialId: attachment.material_id, name: attachment.name, hash: attachment.file_hash },
  });
}

/** The material's files as this person sees them: names and sizes, locked where canAccess refuses. */
export async function listAttachments(db: Executor, ctx: Ctx, materialId: number): Promise<AttachmentView[]> {
  const actor = mayReadLibrary(ctx.actor);
  const material = await materialRef(db, materialId);
  mayListAttachments(actor, material);
  const rows = await attachmentsOfMaterial(db, materialId);
  if (rows.length === 0) return [];
  const open = await canAccess(db, actor.id, material, ctx.clock.now());
  return rows.map((row) => presentAttachment(row, !open && !isEditor(actor)));
}

/** Taking a file out of the library is an export: checked through canAccess and audited before sending. */
export async function attachmentForDownload(db: Db, ctx: Ctx, id: number): Promise<AttachmentRow> {
  return db.transaction().execute(async (trx) => {
    const actor = mayReadLibrary(ctx.actor);
    const attachment = await findAttachment(trx, id);
    if (!attachment) throw notFound('附件');
    const material = await materialRef(trx, attachment.material_id);
    mayDownloadAttachment(actor, material, await canAccess(trx, actor.id, material, ctx.clock.now()));
    await recordAudit(trx, ctx, {
      action: 'export',
      objectType: 'library_attachment',
      objectId: id,
      changes: {
        what: 'library_attachment',
        materialId: attachment.material_id,
        name: attachment.name,
        hash: attachment.file_hash,
      },
    });
    return attachment;
  });
}
