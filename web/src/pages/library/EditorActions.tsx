import { ClockCircleOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, DatePicker, Flex, List, Modal, Popconfirm, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { MATERIAL_STATUSES } from '../../../../shared/src/library.js';
import { api } from '../../api/client.js';
import { formatTime, STATUS_COLORS } from './labels.js';
import { toMarkup } from './markup.js';
import type { EditorDetail, VersionText } from './types.js';

interface Props {
  material: EditorDetail;
  busy: string | null;
  /** Unsaved changes: publishing would publish the saved text, so the editor saves first. */
  dirty: boolean;
  onAction: (path: 'publish' | 'withdraw' | 'schedule', body?: { publishAt: string }) => void;
}

/** Status and the publishing actions: publish now, schedule, withdraw or cancel a schedule. */
export function PublishBar({ material: m, busy, dirty, onAction }: Props) {
  const [at, setAt] = useState<Dayjs | null>(null);
  const canPublish = m.status !== 'published';
  const hint = dirty ? '请先保存修改' : undefined;
  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="material-publish">
      <Flex wrap gap={8} align="center">
        <Tag color={STATUS_COLORS[m.status]} data-testid="material-status">
          {MATERIAL_STATUSES[m.status]}
        </Tag>
        <Typography.Text type="secondary">
          第{m.revision}版{m.status === 'scheduled' && ` · 定于 ${formatTime(m.scheduledAt)} 发布`}
          {m.publishedAt && m.status === 'published' && ` · ${formatTime(m.publishedAt)} 发布`}
        </Typography.Text>
        <Flex wrap gap={8} style={{ marginLeft: 'auto' }}>
          {canPublish && (
            <Popconfirm
              title="立即发布后读者即可看到，确定发布？"
              onConfirm={() => onAction('publish')}
              okText="发布"
              cancelText="取消"
            >
              <Button
                type="primary"
                icon={<SendOutlined />}
                loading={busy === 'publish'}
                disabled={dirty}
                title={hint}
              >
                立即发布
              </Button>
            </Popconfirm>
          )}
          {(m.status === 'draft' || m.status === 'scheduled') && (
            <>
              <DatePicker
                showTime={{ format: 'HH:mm' }}
                format="YYYY-MM-DD HH:mm"
                placeholder="选择发布时间"
                aria-label="定时发布时间"
                value={at}
                disabledDate={(d) => d.isBefore(dayjs(), 'day')}
                onChange={setAt}
              />
              <Button
                icon={<ClockCircleOutlined />}
                disabled={!at || dirty}
                title={hint}
                loading={busy === 'schedule'}
                onClick={() => at && onAction('schedule', { publishAt: at.toISOString() })}
              >
                定时发布
              </Button>
            </>
          )}
          {(m.status === 'published' || m.status === 'scheduled') && (
            <Popconfirm
              title={
                m.status === 'published'
                  ? '撤回后读者将看不到本资料，确定撤回？'
                  : '取消定时发布，资料回到草稿？'
              }
              onConfirm={() => onAction('withdraw')}
              okText="确定"
              cancelText="取消"
            >
              <Button danger icon={<RollbackOutlined />} loading={busy === 'withdraw'}>
                {m.status === 'published' ? '撤回' : '取消定时'}
              </Button>
            </Popconfirm>
          )}
        </Flex>
      </Flex>
    </Card>
  );
}

/** 版本记录: every saved version, newest first; one opens read-only. */
export function VersionsCard({ material }: { material: EditorDetail }) {
  const [open, setOpen] = useState<number | null>(null);
  const version = useQuery({
    queryKey: ['library', 'editor', material.id, 'version', open],
    queryFn: () => api<VersionText>(`/api/library/editor/materials/${material.id}/versions/${open ?? 0}`),
    enabled: open !== null,
  });
  return (
    <Card size="small" title="版本记录" style={{ marginTop: 16 }} data-testid="material-versions">
      <List
        size="small"
        dataSource={material.versions}
        renderItem={(v) => (
          <List.Item
            actions={[
              <a key="view" onClick={() => setOpen(v.revision)}>
                查看
              </a>,
            ]}
          >
            第{v.revision}版 · {v.title} · {v.editorName} · {formatTime(v.editedAt)}
          </List.Item>
        )}
      />
      <Modal
        open={open !== null}
        title={version.data ? `第${version.data.revision}版：${version.data.title}` : '版本'}
        footer={null}
        width={760}
        onCancel={() => setOpen(null)}
      >
        {version.data && (
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', maxHeight: '60vh', overflow: 'auto' }}>
            {toMarkup(version.data.body, version.data.headings)}
          </Typography.Paragraph>
        )}
      </Modal>
    </Card>
  );
}
