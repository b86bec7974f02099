import { useQueryClient } from '@tanstack/react-query';
import { AttachmentsCard } from '../../../components/attachments/AttachmentsCard.js';
import {
  attachmentsKey,
  deleteMaterialAttachment,
  downloadPath,
  uploadMaterialAttachment,
  useMaterialAttachments,
  type LibraryAttachment,
} from './api.js';

/**
 * 附件 in the editor's workspace: upload, download and delete. Readers see them once the material is
 * published.
 */
export function EditorAttachments({ materialId }: { materialId: number }) {
  const client = useQueryClient();
  return (
    <AttachmentsCard<LibraryAttachment>
      list={useMaterialAttachments(materialId)}
      downloadPath={downloadPath}
      upload={(file) => uploadMaterialAttachment(materialId, file)}
      remove={deleteMaterialAttachment}
      mayDelete={() => true}
      onChanged={() => void client.invalidateQueries({ queryKey: attachmentsKey(materialId) })}
      testId="library-editor-attachments"
      style={{ marginTop: 16 }}
    />
  );
}
