import { ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Popconfirm, Select, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api } from '../../api/client.js';
import { errorText, useReportError } from '../../api/errors.js';
import type { Page } from '../../api/types.js';
import { PageTitle } from '../../layout/PageTitle.js';

type JobStatus = 'queued' | 'running' | 'done' | 'failed';

interface Job {
  id: number;
  name: string;
  status: JobStatus;
  attempts: number;
  maxAttempts: number;
  runAt: string;
  lockedBy: string | null;
  lockedUntil: string | null;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
}

const STATUS: Record<JobStatus, { label: string; color: string }> = {
  queued: { label: '排队中', color: 'default' },
  running: { label: '执行中', color: 'processing' },
  done: { label: '已完成', color: 'success' },
  failed: { label: '失败', color: 'error' },
};

/** Chinese names of the jobs the server schedules; an unknown one shows its code only. */
const JOB_NAMES: Record<string, string> = {
  'supervision.reminders': '督办提醒与催办',
  'sessions.purge': '清理过期会话',
  'idempotency.purge': '清理幂等记录',
  'audit.checkpoint': '审计日志签名检查点',
};

const time = (at: string | null) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm:ss') : '—');

function columns(onRetry: (job: Job) => void, retrying: number | null): TableColumnsType<Job> {
  return [
    { title: '编号', dataIndex: 'id', key: 'id', width: 72 },
    {
      title: '任务',
      key: 'name',
      render: (_, job) => (
        <>
          {JOB_NAMES[job.name] && <div>{JOB_NAMES[job.name]}</div>}
          <Typography.Text code style={{ fontSize: 12 }}>
            {job.name}
          </Typography.Text>
        </>
      ),
    },
    {
      title: '状态',
      key: 'status',
      render: (_, job) => <Tag color={STATUS[job.status].color}>{STATUS[job.status].label}</Tag>,
    },
    { title: '尝试次数', key: 'attempts', render: (_, job) => `${job.attempts} / ${job.maxAttempts}` },
    { title: '计划执行', key: 'runAt', responsive: ['md'], render: (_, job) => time(job.runAt) },
    { title: '更新时间', key: 'updatedAt', responsive: ['lg'], render: (_, job) => time(job.updatedAt) },
    {
      title: '最近错误',
      key: 'lastError',
      responsive: ['sm'],
      render: (_, job) =>
        job.lastError ? (
          <Tooltip title={job.lastError}>
            <Typography.Text type="danger" ellipsis style={{ maxWidth: 320 }}>
              {job.lastError}
            </Typography.Text>
          </Tooltip>
        ) : (
          '—'
        ),
    },
    {
      title: '操作',
      key: 'actions',
      render: (_, job) =>
        job.status === 'failed' ? (
          <Popconfirm
            title="重试任务"
            description={`重新执行任务 #${job.id}？`}
            okText="重试"
            cancelText="取消"
            onConfirm={() => onRetry(job)}
          >
            <Button size="small" loading={retrying === job.id}>
              重试
            </Button>
          </Popconfirm>
        ) : null,
    },
  ];
}

/** 后台任务: the job queue as the system administrator sees it; failed jobs can be run again. */
export default function JobsPage() {
  const client = useQueryClient();
  const { message } = App.useApp();
  const report = useReportError();
  const [status, setStatus] = useState<JobStatus | null>(null);
  const [paging, setPaging] = useState({ page: 1, pageSize: 50 });
  const [retrying, setRetrying] = useState<number | null>(null);

  const jobs = useQuery({
    queryKey: ['jobs', status, paging],
    queryFn: () => api<Page<Job>>('/api/jobs', { query: { status, ...paging } }),
    placeholderData: keepPreviousData,
  });
  const retry = (job: Job) => {
    setRetrying(job.id);
    api<Job>(`/api/jobs/${job.id}/retry`, { method: 'POST' })
      .then(() => void message.success(`任务 #${job.id} 已重新排队`))
      .catch(report)
      .finally(() => {
        setRetrying(null);
        void client.invalidateQueries({ queryKey: ['jobs'] });
      });
  };

  return (
    <>
      <PageTitle
        title="后台任务"
        extra={
          <>
            <Select<JobStatus>
              allowClear
              placeholder="全部状态"
              aria-label="任务状态"
              style={{ width: 140 }}
              value={status ?? undefined}
              onChange={(s) => {
                setStatus(s ?? null);
                setPaging((p) => ({ ...p, page: 1 }));
              }}
              options={(Object.keys(STATUS) as JobStatus[]).map((s) => ({
                value: s,
                label: STATUS[s].label,
              }))}
            />
            <Button icon={<ReloadOutlined />} onClick={() => void jobs.refetch()} loading={jobs.isFetching}>
              刷新
            </Button>
          </>
        }
      />
      {jobs.isError && (
        <Alert type="error" showIcon title={errorText(jobs.error)} style={{ marginBottom: 16 }} />
      )}
      <Table<Job>
        rowKey="id"
        size="middle"
        columns={columns(retry, retrying)}
        dataSource={jobs.data?.items ?? []}
        loading={jobs.isFetching}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: '暂无后台任务' }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: jobs.data?.total ?? 0,
          showTotal: (total) => `共 ${total} 个任务`,
          onChange: (page, pageSize) =>
            setPaging((p) => ({ page: pageSize === p.pageSize ? page : 1, pageSize })),
        }}
      />
    </>
  );
}
