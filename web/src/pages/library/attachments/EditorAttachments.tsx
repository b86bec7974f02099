import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, List, Popconfirm, Space, Typography, Upload } from 'antd';
import dayjs from 'dayjs';
import { errorText } from '../../../api/errors.js';
import { formatSize, refusedUpload, uploadHint } from '../../../api/upload.js';
import {
  attachmentsKey,
  deleteMaterialAttachment,
  uploadMaterialAttachment,
  useMaterialAttachments,
  type LibraryAttachment,
} from './api.js';
import { DownloadButton } from './DownloadButton.js';

/**
 * 附件 in the editor's workspace: upload (type and size hinted here, checked again by the server from
 * the bytes), download and delete. Readers see them once the material is published.
 */
export function EditorAttachments({ materialId }: { materialId: number }) {
  const client = useQueryClient();
  const { message } = App.useApp();
  const list = useMaterialAttachments(materialId);
  const limits = list.data;
  const extensions = limits?.extensions ?? [];
  const hint = limits ? uploadHint(limits) : undefined;
  const refresh = () => client.invalidateQueries({ queryKey: attachmentsKey(materialId) });

  const remove = async (a: LibraryAttachment) => {
    try {
      await deleteMaterialAttachment(a);
      void message.success(`已删除「${a.name}」`);
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      void refresh();
    }
  };

  return (
    <Card
      size="small"
      title={
        <Space>
          <PaperClipOutlined />
          附件
        </Space>
      }
      style={{ marginTop: 16 }}
      data-testid="library-editor-attachments"
    >
      <Upload
        multiple
        accept={extensions.map((e) => `.${e}`).join(',')}
        showUploadList={false}
        beforeUpload={(file) => {
          const refusal = limits ? refusedUpload(file, limits) : null;
          if (refusal === null) return true;
          void message.error(refusal);
          return Upload.LIST_IGNORE;
        }}
        customRequest={({ file, onSuccess, onError }) => {
          uploadMaterialAttachment(materialId, file as File)
            .then((created) => {
              onSuccess?.(created);
              void message.success(`已上传「${created.name}」`);
              void refresh();
            })
            .catch((error: unknown) => {
              void message.error(errorText(error));
              onError?.(error instanceof Error ? error : new Error(errorText(error)));
            });
        }}
      >
        <Button icon={<UploadOutlined />}>上传附件</Button>
      </Upload>
      {hint && (
        <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 4 }}>
          {hint}
        </Typography.Text>
      )}
      {list.isError ? (
        <Typography.Text type="danger">{errorText(list.error)}</Typography.Text>
      ) : (
        <List<LibraryAttachment>
          size="small"
          loading={list.isPending}
          dataSource={list.data?.attachments ?? []}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无附件" /> }}
          renderItem={(a) => (
            <List.Item
              actions={[
                <DownloadButton key="download" attachment={a} />,
                <Popconfirm
                  key="delete"
                  title={`删除「${a.name}」？`}
                  okText="删除"
                  cancelText="取消"
                  okButtonProps={{ danger: true }}
                  onConfirm={() => remove(a)}
                >
                  <Button
                    type="link"
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={`删除 ${a.name}`}
                  >
                    删除
                  </Button>
                </Popconfirm>,
              ]}
            >
              <List.Item.Meta
                title={<span style={{ wordBreak: 'break-all' }}>{a.name}</span>}
                description={
                  <Space size={[8, 0]} wrap style={{ fontSize: 12 }}>
                    <span>{formatSize(a.size)}</span>
                    <span>{dayjs(a.uploadedAt).format('YYYY-MM-DD HH:mm')}</span>
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
