import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Typography, Upload } from 'antd';
import { errorText } from '../../api/errors.js';
import { refusedUpload, uploadHint, type UploadLimits } from '../../api/upload.js';

export interface FileUploadProps {
  /** The server's limits; until they arrive nothing is refused here (the server checks anyway). */
  limits: UploadLimits | undefined;
  upload: (file: File) => Promise<{ name: string }>;
  onUploaded: () => void;
  /** Show the files uploaded here below the button (a form), or leave that to a list. */
  showList?: boolean;
  label?: string;
}

/**
 * Pick files and upload each at once. Type and size are hinted and checked here for a quick answer;
 * the server checks both again from the bytes.
 */
export function FileUpload({
  limits,
  upload,
  onUploaded,
  showList = false,
  label = '上传附件',
}: FileUploadProps) {
  const { message } = App.useApp();
  const hint = limits ? uploadHint(limits) : undefined;
  return (
    <div>
      <Upload
        multiple
        accept={(limits?.extensions ?? []).map((e) => `.${e}`).join(',')}
        showUploadList={showList ? { showRemoveIcon: false } : false}
        beforeUpload={(file) => {
          const refusal = limits ? refusedUpload(file, limits) : null;
          if (refusal === null) return true;
          void message.error(refusal);
          return Upload.LIST_IGNORE;
        }}
        customRequest={({ file, onSuccess, onError }) => {
          upload(file as File)
            .then((created) => {
              onSuccess?.(created);
              void message.success(`已上传「${created.name}」`);
              onUploaded();
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
