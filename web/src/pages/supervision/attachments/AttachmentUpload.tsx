import { useQueryClient } from '@tanstack/react-query';
import type { AttachmentKind } from '../../../../../shared/src/attachments.js';
import { FileUpload } from '../../../components/attachments/FileUpload.js';
import { attachmentsKey, uploadAttachment, useAttachments } from './api.js';

export interface AttachmentUploadProps {
  itemId: number;
  kind: AttachmentKind;
  assignmentId?: number;
  /** Show the files uploaded here below the button (the 申请办结 form), or leave that to the list. */
  showList?: boolean;
  label?: string;
}

/** 办结佐证 and other files of one assignment, picked in a form and uploaded at once. */
export function AttachmentUpload({ itemId, kind, assignmentId, showList, label }: AttachmentUploadProps) {
  const client = useQueryClient();
  return (
    <FileUpload
      limits={useAttachments(itemId).data}
      upload={(file) => uploadAttachment(itemId, file, { kind, assignmentId })}
      onUploaded={() => {
        void client.invalidateQueries({ queryKey: attachmentsKey(itemId) });
        void client.invalidateQueries({ queryKey: ['supervision', 'item', itemId] });
      }}
      {...(showList === undefined ? {} : { showList })}
      {...(label === undefined ? {} : { label })}
    />
  );
}
