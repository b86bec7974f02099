import { z } from 'zod';
import type { Actor } from '../../../platform/context.js';
import type { Executor } from '../../../platform/db/schema.js';
import { ATTACHMENT_KINDS } from '../../../../../shared/src/attachments.js';
import { namesOfUsers } from '../../identity/index.js';
import type { ItemRow } from '../items-repository.js';
import { attachmentsOfItem, type AttachmentRow } from './repository.js';

export const attachmentView = z.object({
  id: z.number(),
  itemId: z.number(),
  assignmentId: z.number().nullable(),
  feedbackId: z.number().nullable(),
  kind: z.enum(Object.keys(ATTACHMENT_KINDS) as [keyof typeof ATTACHMENT_KINDS]),
  name: z.string(),
  mimeType: z.string(),
  size: z.number(),
  uploadedBy: z.object({ id: z.number(), name: z.string() }),
  uploadedAt: z.string(),
  version: z.number(),
  /** Whether this person may delete it now: the same rule the DELETE route checks. */
  mayDelete: z.boolean(),
});
export type AttachmentView = z.infer<typeof attachmentView>;

function present(
  row: AttachmentRow,
  names: Map<number, string>,
  actor: Actor,
  item: ItemRow,
): AttachmentView {
  const open = item.status !== 'closed' && item.status !== 'suspended';
  return {
    id: row.id,
    itemId: row.item_id,
    assignmentId: row.assignment_id,
    feedbackId: row.feedback_id,
    kind: row.kind,
    name: row.name,
    mimeType: row.mime_type,
    size: row.size,
    uploadedBy: { id: row.uploaded_by, name: names.get(row.uploaded_by) ?? '' },
    uploadedAt: row.uploaded_at,
    version: row.version,
    mayDelete: open && (row.uploaded_by === actor.id || actor.roles.includes('supervisor')),
  };
}

/** The item's attachments as the actor sees them, or only the one with the given id. */
export async function attachmentViews(
  db: Executor,
  actor: Actor,
  item: ItemRow,
  only?: number,
): Promise<AttachmentView[]> {
  const rows = (await attachmentsOfItem(db, item.id)).filter((r) => only === undefined || r.id === only);
  const names = new Map(
    (await namesOfUsers(db, [...new Set(rows.map((r) => r.uploaded_by))])).map((u) => [u.id, u.name]),
  );
  return rows.map((r) => present(r, names, actor, item));
}
