import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Grid, Segmented, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { MATERIAL_STATUSES, type MaterialStatus } from '../../../../shared/src/library.js';
import { api } from '../../api/client.js';
import { errorText } from '../../api/errors.js';
import { PageTitle } from '../../layout/PageTitle.js';
import { formatTime, STATUS_COLORS } from './labels.js';
import type { EditorSummary } from './types.js';

const FILTERS = [{ value: '', label: '全部' }].concat(
  Object.entries(MATERIAL_STATUSES).map(([value, label]) => ({ value, label })),
);

/** 编辑工作台: every material by status, newest change first. */
export default function EditorWorkspacePage() {
  const navigate = useNavigate();
  const isPhone = Grid.useBreakpoint().md === false;
  const [params, setParams] = useSearchParams();
  const status = Object.hasOwn(MATERIAL_STATUSES, params.get('status') ?? '')
    ? (params.get('status') as MaterialStatus)
    : undefined;
  const list = useQuery({
    queryKey: ['library', 'editor', 'list', status ?? ''],
    queryFn: () => api<{ items: EditorSummary[] }>('/api/library/editor/materials', { query: { status } }),
  });

  return (
    <>
      <PageTitle
        title="编辑工作台"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/library/editor/new')}>
            新建资料
          </Button>
        }
      />
      <Segmented
        style={{ marginBottom: 12, maxWidth: '100%', overflowX: 'auto' }}
        value={status ?? ''}
        options={FILTERS}
        onChange={(v) => setParams(v ? { status: String(v) } : {})}
      />
      {list.isError && <Alert type="error" showIcon title={errorText(list.error)} />}
      <Table<EditorSummary>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={isPhone ? undefined : { x: 720 }}
        locale={{ emptyText: '还没有资料，点击“新建资料”' }}
        columns={(
          [
            {
              key: 'title',
              title: '标题',
              dataIndex: 'title',
              render: (title: string, m) => (
                <>
                  <Link to={`/library/editor/${m.id}`}>{title}</Link>
                  {isPhone && (
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                      {m.type} · {m.tier === 'member' ? '会员' : '免费'} · 第{m.revision}版
                    </Typography.Text>
                  )}
                </>
              ),
            },
            { title: '文种', dataIndex: 'type', width: 110 },
            {
              title: '级别',
              dataIndex: 'tier',
              width: 70,
              render: (t: string) =>
                t === 'member' ? <Tag color="gold">会员</Tag> : <Tag color="green">免费</Tag>,
            },
            {
              key: 'status',
              title: '状态',
              dataIndex: 'status',
              width: 100,
              render: (s: MaterialStatus) => <Tag color={STATUS_COLORS[s]}>{MATERIAL_STATUSES[s]}</Tag>,
            },
            { title: '版本', dataIndex: 'revision', width: 60, render: (r: number) => `第${r}版` },
            {
              title: '发布时间',
              width: 170,
              render: (_: unknown, m) =>
                m.status === 'scheduled' ? `定于 ${formatTime(m.scheduledAt)}` : formatTime(m.publishedAt),
            },
            { title: '最后修改', dataIndex: 'updatedAt', width: 170, render: formatTime },
          ] as TableColumnsType<EditorSummary>
        ).filter((c) => !isPhone || c.key === 'title' || c.key === 'status')}
      />
    </>
  );
}
