import type { Actor } from '../../../platform/context.js';
import { AppError, notFound } from '../../../platform/http/errors.js';
import type { MaterialRef } from '../materials/index.js';

/**
 * Editors (资料编辑) add and remove files and download any of them, drafts included; a reader sees the
 * files of published materials only, and downloads them only where canAccess opens the material.
 */
export const isEditor = (actor: Actor): boolean => actor.roles.includes('editor');

/** A draft, scheduled or withdrawn material's files do not exist for readers. */
export function mayListAttachments(actor: Actor, material: MaterialRef): void {
  if (material.publishedAt === null && !isEditor(actor)) throw notFound('资料');
}

export function mayDownloadAttachment(actor: Actor, material: MaterialRef, open: boolean): void {
  if (isEditor(actor)) return;
  if (material.publishedAt === null) throw notFound('附件');
  if (!open)
    throw new AppError('MEMBERSHIP_REQUIRED', '下载附件：本资料为会员资料，开通会员后方可下载', {
      materialId: material.id,
    });
}
