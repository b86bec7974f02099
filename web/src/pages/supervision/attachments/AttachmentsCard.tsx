import { useQueryClient } from '@tanstack/react-query';
import { Tag } from 'antd';
import { ATTACHMENT_KINDS } from '../../../../../shared/src/attachments.js';
import type { SessionUser } from '../../../api/types.js';
import { AttachmentsCard as Card } from '../../../components/attachments/AttachmentsCard.js';
import { useCurrentUser } from '../../../layout/current-user.js';
import type { ItemDetail } from '../types.js';
import {
  attachmentsKey,
  deleteAttachment,
  downloadUrl,
  uploadAttachment,
  useAttachments,
  type Attachment,
} from './api.js';

/** The same rule as the server's mayUploadAttachment for plain 附件; the server still checks. */
function mayUpload(user: SessionUser, item: ItemDetail): boolean {
  if (user.roles.includes('supervisor')) return true;
  const own = item.assignments.some((a) => a.departmentId === user.departmentId);
  return own && (user.roles.includes('handler') || user.roles.includes('department_head'));
}

/** 附件 of the item: everyone who sees the item may download; the uploader or the office may delete. */
export function AttachmentsCard({ item }: { item: ItemDetail }) {
  const user = useCurrentUser();
  const client = useQueryClient();
  const departmentOf = new Map(item.assignments.map((a) => [a.id, a.departmentName]));
  // The list may predate a 销号 or 中止 done on this page; the item's own status is current.
  const open = item.status !== 'closed' && item.status !== 'suspended';
  const refresh = () => {
    void client.invalidateQueries({ queryKey: attachmentsKey(item.id) });
    void client.invalidateQueries({ queryKey: ['supervision', 'item', item.id] });
  };

  return (
    <Card<Attachment>
      list={useAttachments(item.id)}
      downloadPath={downloadUrl}
      upload={
        open && mayUpload(user, item)
          ? (file) => uploadAttachment(item.id, file, { kind: 'attachment' })
          : undefined
      }
      remove={deleteAttachment}
      mayDelete={(a) => a.mayDelete && open}
      onChanged={refresh}
      describe={(a) => (
        <>
          <Tag color={a.kind === 'completion_evidence' ? 'green' : 'blue'} style={{ marginInlineEnd: 0 }}>
            {ATTACHMENT_KINDS[a.kind]}
          </Tag>
          {a.assignmentId !== null && departmentOf.has(a.assignmentId) && (
            <span>{departmentOf.get(a.assignmentId)}</span>
          )}
        </>
      )}
      testId="attachments"
      style={{ marginBottom: 16 }}
    />
  );
}
