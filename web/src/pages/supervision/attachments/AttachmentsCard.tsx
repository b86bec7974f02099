import { DeleteOutlined, DownloadOutlined, PaperClipOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, List, Popconfirm, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { ATTACHMENT_KINDS } from '../../../../../shared/src/attachments.js';
import type { SessionUser } from '../../../api/types.js';
import { errorText } from '../../../api/errors.js';
import { useCurrentUser } from '../../../layout/current-user.js';
import type { ItemDetail } from '../types.js';
import {
  attachmentsKey,
  deleteAttachment,
  downloadUrl,
  formatSize,
  useAttachments,
  type Attachment,
} from './api.js';
import { AttachmentUpload } from './AttachmentUpload.js';

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
  const { message } = App.useApp();
  const list = useAttachments(item.id);
  const departmentOf = new Map(item.assignments.map((a) => [a.id, a.departmentName]));
  // The list may predate a 销号 or 中止 done on this page; the item's own status is current.
  const open = item.status !== 'closed' && item.status !== 'suspended';

  const remove = async (a: Attachment) => {
    try {
      await deleteAttachment(a);
      void message.success(`已删除「${a.name}」`);
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      void client.invalidateQueries({ queryKey: attachmentsKey(item.id) });
      void client.invalidateQueries({ queryKey: ['supervision', 'item', item.id] });
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
      style={{ marginBottom: 16 }}
      data-testid="attachments"
    >
      {open && mayUpload(user, item) && (
        <div style={{ marginBottom: 12 }}>
          <AttachmentUpload itemId={item.id} kind="attachment" />
        </div>
      )}
      {list.isError ? (
        <Typography.Text type="danger">{errorText(list.error)}</Typography.Text>
      ) : (
        <List<Attachment>
          size="small"
          loading={list.isPending}
          dataSource={list.data?.attachments ?? []}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无附件" /> }}
          renderItem={(a) => (
            <List.Item
              actions={[
                <Button
                  key="download"
                  type="link"
                  size="small"
                  icon={<DownloadOutlined />}
                  href={downloadUrl(a)}
                  aria-label={`下载 ${a.name}`}
                >
                  下载
                </Button>,
                a.mayDelete && open && (
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
                title={
                  <a href={downloadUrl(a)} style={{ wordBreak: 'break-all' }}>
                    {a.name}
                  </a>
                }
                description={
                  <Space size={[8, 0]} wrap style={{ fontSize: 12 }}>
                    <Tag
                      color={a.kind === 'completion_evidence' ? 'green' : 'blue'}
                      style={{ marginInlineEnd: 0 }}
                    >
                      {ATTACHMENT_KINDS[a.kind]}
                    </Tag>
                    {a.assignmentId !== null && departmentOf.has(a.assignmentId) && (
                      <span>{departmentOf.get(a.assignmentId)}</span>
                    )}
                    <span>{formatSize(a.size)}</span>
                    <span>{a.uploadedBy.name}</span>
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
