import { DownloadOutlined, SafetyOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Grid, Table } from 'antd';
import { useState } from 'react';
import { api, withQuery } from '../../api/client.js';
import { errorText } from '../../api/errors.js';
import type { AuditEntry, AuditVerifyResult, Page } from '../../api/types.js';
import { PageTitle } from '../../layout/PageTitle.js';
import { AuditFilters, type AuditFilter } from './AuditFilters.js';
import { ChangesView, auditColumns } from './columns.js';

type Verified = { result: AuditVerifyResult } | { error: string };

function VerifyAlert({ verified, onClose }: { verified: Verified; onClose: () => void }) {
  const closable = { onClose };
  if ('error' in verified)
    return (
      <Alert
        type="error"
        showIcon
        title="校验失败"
        description={verified.error}
        closable={closable}
        style={{ marginBottom: 16 }}
      />
    );
  const { ok, rows, checkpoints, firstBad } = verified.result;
  if (ok) {
    return (
      <Alert
        type="success"
        showIcon
        title="审计日志完整，未发现篡改"
        description={`已校验 ${rows} 条记录、${checkpoints} 个签名检查点。`}
        closable={closable}
        style={{ marginBottom: 16 }}
      />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      title="审计日志校验未通过"
      description={
        firstBad
          ? `第 ${firstBad.seq} 条记录起异常：${firstBad.reason}（已校验 ${rows} 条记录、${checkpoints} 个检查点）`
          : `已校验 ${rows} 条记录、${checkpoints} 个检查点。`
      }
      closable={closable}
      style={{ marginBottom: 16 }}
    />
  );
}

export default function AuditPage() {
  const [filter, setFilter] = useState<AuditFilter>({});
  const [page, setPage] = useState({ page: 1, pageSize: 50 });
  const [verifying, setVerifying] = useState(false);
  const [verified, setVerified] = useState<Verified | null>(null);
  const compact = Grid.useBreakpoint().md === false;

  const entries = useQuery({
    queryKey: ['audit', filter, page],
    queryFn: () => api<Page<AuditEntry>>('/api/audit', { query: { ...filter, ...page } }),
    placeholderData: keepPreviousData,
  });

  const verify = async () => {
    setVerifying(true);
    try {
      setVerified({ result: await api<AuditVerifyResult>('/api/audit/verify') });
    } catch (error) {
      setVerified({ error: errorText(error) });
    } finally {
      setVerifying(false);
    }
  };

  return (
    <>
      <PageTitle
        title="审计日志"
        extra={
          <>
            <Button icon={<SafetyOutlined />} loading={verifying} onClick={() => void verify()}>
              校验
            </Button>
            <Button
              icon={<DownloadOutlined />}
              href={withQuery('/api/audit/export.csv', { ...filter })}
              download
            >
              导出 CSV
            </Button>
          </>
        }
      />
      {verified && <VerifyAlert verified={verified} onClose={() => setVerified(null)} />}
      <AuditFilters
        onApply={(next) => {
          setFilter(next);
          setPage((p) => ({ ...p, page: 1 }));
        }}
      />
      {entries.isError && (
        <Alert type="error" showIcon title={errorText(entries.error)} style={{ marginBottom: 16 }} />
      )}
      <Table<AuditEntry>
        rowKey="seq"
        size="middle"
        columns={auditColumns(compact)}
        dataSource={entries.data?.items ?? []}
        loading={entries.isFetching}
        scroll={{ x: 'max-content' }}
        expandable={{ expandedRowRender: (row) => <ChangesView row={row} /> }}
        locale={{ emptyText: '没有符合条件的审计记录' }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: entries.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (total) => `共 ${total} 条`,
          onChange: (p, pageSize) =>
            setPage((cur) => ({ page: pageSize === cur.pageSize ? p : 1, pageSize })),
        }}
      />
    </>
  );
}
