import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Grid, Select, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client.js';
import { errorText } from '../../api/errors.js';
import type { Page } from '../../api/types.js';
import { hasAnyRole, useCurrentUser } from '../../layout/current-user.js';
import { PageTitle } from '../../layout/PageTitle.js';
import { SOURCE_TYPES, labelOf } from '../supervision/labels.js';
import { GenerateModal } from './GenerateModal.js';
import { CIRCULAR_KINDS, CIRCULAR_STATUSES, CIRCULAR_STATUS_COLORS } from './labels.js';
import type { CircularSummary } from './types.js';

const PAGE_SIZE = 20;
const oneOf = (labels: Record<string, string>, value: string | null) =>
  value !== null && Object.hasOwn(labels, value) ? value : undefined;

/** 督查通报: leaders and supervisors see every circular, others those published to their department. */
export default function CircularsPage() {
  const me = useCurrentUser();
  const manages = hasAnyRole(me, ['supervisor']);
  const isPhone = Grid.useBreakpoint().md === false;
  const [params, setParams] = useSearchParams();
  const [generating, setGenerating] = useState(false);
  const status = oneOf(CIRCULAR_STATUSES, params.get('status'));
  const kind = oneOf(CIRCULAR_KINDS, params.get('kind'));
  const page = Math.max(1, Number(params.get('page')) || 1);
  const query = { status, kind, page, pageSize: PAGE_SIZE };

  const list = useQuery({
    queryKey: ['circulars', 'list', query],
    queryFn: () => api<Page<CircularSummary>>('/api/circulars', { query }),
    placeholderData: keepPreviousData,
  });
  const emptyText =
    status || kind
      ? '没有符合条件的通报'
      : manages
        ? '还没有通报，点击“生成通报”'
        : hasAnyRole(me, ['leader'])
          ? '还没有通报'
          : '没有印发给本部门的通报';
  const change = (next: Record<string, string | number | undefined>) => {
    const merged: Record<string, string | number | undefined> = { status, kind, ...next };
    const out = new URLSearchParams();
    for (const [k, v] of Object.entries(merged)) if (v !== undefined && v !== 1) out.set(k, String(v));
    setParams(out);
  };

  return (
    <>
      <PageTitle
        title="督查通报"
        extra={
          manages && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setGenerating(true)}>
              生成通报
            </Button>
          )
        }
      />
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Select
          aria-label="状态"
          allowClear
          placeholder="全部状态"
          style={{ width: isPhone ? '48%' : 160 }}
          value={status}
          options={Object.entries(CIRCULAR_STATUSES).map(([value, label]) => ({ value, label }))}
          onChange={(v?: string) => change({ status: v, page: undefined })}
        />
        <Select
          aria-label="通报类型"
          allowClear
          placeholder="全部类型"
          style={{ width: isPhone ? '48%' : 160 }}
          value={kind}
          options={Object.entries(CIRCULAR_KINDS).map(([value, label]) => ({ value, label: `${label}通报` }))}
          onChange={(v?: string) => change({ kind: v, page: undefined })}
        />
      </Flex>
      {list.isError && (
        <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 16 }} />
      )}
      <Table<CircularSummary>
        rowKey="id"
        size={isPhone ? 'small' : 'middle'}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        locale={{ emptyText }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => `共 ${total} 份`,
          onChange: (p) => change({ page: p }),
        }}
        columns={[
          {
            title: '标题',
            key: 'title',
            render: (_, c) => (
              <Flex vertical gap={2}>
                <Link to={`/circulars/${c.id}`}>{c.title}</Link>
                {isPhone && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {c.kindLabel} · {c.periodLabel}
                  </Typography.Text>
                )}
              </Flex>
            ),
          },
          { title: '类型', dataIndex: 'kindLabel', key: 'kind', responsive: ['md'] },
          {
            title: '统计期间',
            key: 'period',
            responsive: ['md'],
            render: (_, c) => (
              <Flex vertical>
                <span>{c.periodLabel}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {c.periodStart} 至 {c.periodEnd}
                </Typography.Text>
              </Flex>
            ),
          },
          {
            title: '范围',
            key: 'scope',
            responsive: ['lg'],
            render: (_, c) =>
              `${c.scopeAll ? '全部部门' : '部分部门'}${c.sourceType ? ` · ${labelOf(SOURCE_TYPES, c.sourceType)}` : ''}`,
          },
          {
            title: '状态',
            key: 'status',
            render: (_, c) => (
              <Tag color={CIRCULAR_STATUS_COLORS[c.status]} style={{ marginInlineEnd: 0 }}>
                {CIRCULAR_STATUSES[c.status]}
              </Tag>
            ),
          },
          {
            title: '印发时间',
            key: 'published',
            responsive: ['lg'],
            render: (_, c) => (c.publishedAt ? dayjs(c.publishedAt).format('YYYY-MM-DD HH:mm') : '—'),
          },
        ]}
      />
      <GenerateModal open={generating} onClose={() => setGenerating(false)} />
    </>
  );
}
