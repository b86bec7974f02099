import { DeleteOutlined, PaperClipOutlined } from '@ant-design/icons';
import type { UseQueryResult } from '@tanstack/react-query';
import { App, Button, Card, Empty, List, Popconfirm, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import type { CSSProperties, ReactNode } from 'react';
import { errorText } from '../../api/errors.js';
import { formatSize, type UploadLimits } from '../../api/upload.js';
import { DownloadButton } from './DownloadButton.js';
import { FileUpload } from './FileUpload.js';

/** What the card shows of a file; each module's attachment has at least this. */
export interface ListedAttachment {
  id: number;
  name: string;
  size: number;
  uploadedAt: string;
  version: number;
  uploadedBy?: { name: string };
}

export interface AttachmentsCardProps<A extends ListedAttachment> {
  list: UseQueryResult<UploadLimits & { attachments: A[] }>;
  downloadPath: (a: A) => string;
  /** Absent where this person may not add files now. */
  upload?: ((file: File) => Promise<A>) | undefined;
  remove: (a: A) => Promise<unknown>;
  mayDelete: (a: A) => boolean;
  /** Refetch what an upload or a deletion changed. */
  onChanged: () => void;
  /** Shown before the size, such as the kind of file and whose it is. */
  describe?: (a: A) => ReactNode;
  testId: string;
  style?: CSSProperties;
}

/** 附件: upload (checked here and again by the server), list, download, delete after confirmation. */
export function AttachmentsCard<A extends ListedAttachment>(props: AttachmentsCardProps<A>) {
  const { list, upload, onChanged } = props;
  const { message } = App.useApp();

  const remove = async (a: A) => {
    try {
      await props.remove(a);
      void message.success(`已删除「${a.name}」`);
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      onChanged();
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
      style={props.style}
      data-testid={props.testId}
    >
      {upload && (
        <div style={{ marginBottom: 12 }}>
          <FileUpload limits={list.data} upload={upload} onUploaded={onChanged} />
        </div>
      )}
      {list.isError ? (
        <Typography.Text type="danger">{errorText(list.error)}</Typography.Text>
      ) : (
        <List<A>
          size="small"
          loading={list.isPending}
          dataSource={list.data?.attachments ?? []}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无附件" /> }}
          renderItem={(a) => (
            <List.Item
              actions={[
                <DownloadButton key="download" name={a.name} path={props.downloadPath(a)} />,
                props.mayDelete(a) && (
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
                  </Popconfirm>
                ),
              ].filter(Boolean)}
            >
              <List.Item.Meta
                title={<span style={{ wordBreak: 'break-all' }}>{a.name}</span>}
                description={
                  <Space size={[8, 0]} wrap style={{ fontSize: 12 }}>
                    {props.describe?.(a)}
                    <span>{formatSize(a.size)}</span>
                    {a.uploadedBy && <span>{a.uploadedBy.name}</span>}
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
