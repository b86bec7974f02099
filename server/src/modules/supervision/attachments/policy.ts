import type { Actor } from '../../../platform/context.js';
import { AppError } from '../../../platform/http/errors.js';
import type { AssignmentRow } from '../assignments-repository.js';
import type { ItemRow } from '../items-repository.js';
import { mayActForAssignment } from '../policy.js';
import type { AttachmentRow } from './repository.js';

/** Who may add and remove files on an item; seeing the item at all is mayViewItem's question (404). */

const has = (actor: Actor, role: Actor['roles'][number]) => actor.roles.includes(role);

/** A closed or suspended item is a record: its files no longer change. */
export function mayChangeFilesOf(item: ItemRow): void {
  if (item.status === 'closed' || item.status === 'suspended')
    throw new AppError('INVALID_STATE', '事项已销号或已中止，附件不能再增删', { status: item.status });
}

/**
 * 附件 on the item: the supervision office, or a handler or head of an assigned department. Evidence and
 * feedback material belong to one assignment: only its department files them (mayActForAssignment).
 */
export function mayUploadAttachment(
  actor: Actor,
  item: ItemRow,
  assignments: readonly AssignmentRow[],
  target: AssignmentRow | null,
  kind: string,
): void {
  mayChangeFilesOf(item);
  if (target) return mayActForAssignment(actor, target, '上传材料');
  if (kind !== 'attachment')
    throw new AppError('VALIDATION_FAILED', 'assignmentId：办结佐证和反馈材料须指明承办任务', {
      field: 'assignmentId',
    });
  if (has(actor, 'supervisor')) return;
  const own = assignments.some((a) => a.department_id === actor.departmentId);
  if (own && (has(actor, 'handler') || has(actor, 'department_head'))) return;
  throw new AppError('FORBIDDEN', '无权上传附件：仅限督查员或承办部门');
}

/** The uploader takes back their own file; the supervision office tidies any. */
export function mayDeleteAttachment(actor: Actor, item: ItemRow, attachment: AttachmentRow): void {
  if (attachment.uploaded_by !== actor.id && !has(actor, 'supervisor'))
    throw new AppError('FORBIDDEN', '无权删除附件：仅限上传人或督查员');
  mayChangeFilesOf(item);
}
