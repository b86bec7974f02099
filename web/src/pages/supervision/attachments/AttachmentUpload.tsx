import { UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Typography, Upload } from 'antd';
import type { AttachmentKind } from '../../../../../shared/src/attachments.js';
import { errorText } from '../../../api/errors.js';
import { attachmentsKey, formatSize, uploadAttachment, useAttachments } from './api.js';

export interface AttachmentUploadProps {
  itemId: number;
  kind: AttachmentKind;
  assignmentId?: number;
  /** Show the files uploaded here below the button (the 申请办结 form), or leave that to the list. */
  showList?: boolean;
  label?: string;
}

/**
 * Pick files and upload each at once. Type and size are hinted and checked here for a quick answer;
 * the server checks both again from the bytes.
 */
export function AttachmentUpload({
  itemId,
  kind,
  assignmentId,
  showList = false,
  label = '上传附件',
}: AttachmentUploadProps) {
  const client = useQueryClient();
  const { message } = App.useApp();
  const limits = useAttachments(itemId).data;
  const extensions = limits?.extensions ?? [];
  const hint = limits
    ? `支持 ${extensions.join('、')}，单个文件不超过 ${formatSize(limits.maxBytes)}`
    : undefined;

  return (
    <div>
      <Upload
        multiple
        accept={extensions.map((e) => `.${e}`).join(',')}
        showUploadList={showList ? { showRemoveIcon: false } : false}
        beforeUpload={(file) => {
          const ext = file.name.includes('.') ? (file.name.split('.').pop() ?? '').toLowerCase() : '';
          if (limits && !extensions.includes(ext)) {
            void message.error(`文件「${file.name}」的类型不受支持，${hint ?? ''}`);
            return Upload.LIST_IGNORE;
          }
          if (limits && file.size > limits.maxBytes) {
            void message.error(`文件「${file.name}」超过 ${formatSize(limits.maxBytes)} 的上限`);
            return Upload.LIST_IGNORE;
          }
          return true;
        }}
        customRequest={({ file, onSuccess, onError }) => {
          uploadAttachment(itemId, file as File, { kind, assignmentId })
            .then((created) => {
              onSuccess?.(created);
              void message.success(`已上传「${created.name}」`);
              void client.invalidateQueries({ queryKey: attachmentsKey(itemId) });
              void client.invalidateQueries({ queryKey: ['supervision', 'item', itemId] });
            })
            .catch((error: unknown) => {
              void message.error(errorText(error));
              onError?.(error instanceof Error ? error : new Error(errorText(error)));
            });
        }}
      >
        <Button icon={<UploadOutlined />}>{label}</Button>
      </Upload>
      {hint && (
        <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 4 }}>
          {hint}
        </Typography.Text>
      )}
    </div>
  );
}
