import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, Grid, Select, Table } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ACCOUNTABILITY_STATUSES } from '../../../../shared/src/supervision.js';
import { api } from '../../api/client.js';
import { errorText } from '../../api/errors.js';
import type { Page } from '../../api/types.js';
import { hasAnyRole, useCurrentUser } from '../../layout/current-user.js';
import { PageTitle } from '../../layout/PageTitle.js';
import { DepartmentSelect } from '../departments/DepartmentSelect.js';
import { PromptModal, type Prompt } from '../supervision/detail/PromptModal.js';
import { recordColumns, RecordDetails } from './columns.js';
import { CreateAccountabilityModal } from './CreateAccountabilityModal.js';
import type { AccountabilityRecord } from './types.js';
import { useRecordAction } from './useRecordAction.js';

const PAGE_SIZE = 20;
const positive = (value: string | null) => {
  const n = Number(value);
  return value && Number.isInteger(n) && n > 0 ? n : undefined;
};

/** 责任追究: leaders and supervisors see and decide every record; a department sees and rectifies its own. */
export default function AccountabilityPage() {
  const me = useCurrentUser();
  const decides = hasAnyRole(me, ['leader', 'supervisor']);
  const isPhone = Grid.useBreakpoint().md === false;
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const [prompt, setPrompt] = useState<Prompt | null>(null);
  const raw = params.get('status');
  const status = raw !== null && Object.hasOwn(ACCOUNTABILITY_STATUSES, raw) ? raw : undefined;
  const departmentId = decides ? positive(params.get('departmentId')) : undefined;
  const page = positive(params.get('page')) ?? 1;
  const query = { status, departmentId, page, pageSize: PAGE_SIZE };

  const list = useQuery({
    queryKey: ['accountability', 'list', query],
    queryFn: () => api<Page<AccountabilityRecord>>('/api/accountability', { query }),
    placeholderData: keepPreviousData,
  });
  const act = useRecordAction(() => void client.invalidateQueries({ queryKey: ['accountability', 'list'] }));
  const change = (next: Record<string, string | number | undefined>) => {
    const merged: Record<string, string | number | undefined> = { status, departmentId, ...next };
    const out = new URLSearchParams();
    for (const [k, v] of Object.entries(merged)) if (v !== undefined && v !== 1) out.set(k, String(v));
    setParams(out);
  };

  const mayRectify = (r: AccountabilityRecord) =>
    hasAnyRole(me, ['supervisor']) ||
    (me.departmentId === r.department.id && hasAnyRole(me, ['department_head', 'handler']));
  const ask = (r: AccountabilityRecord, step: 'rectify' | 'close') =>
    setPrompt({
      title: step === 'rectify' ? '报送整改情况' : '结束责任追究',
      okText: step === 'rectify' ? '报送' : '结束',
      hint: `${r.item.number} ${r.item.title} · ${r.department.name} · ${r.kindLabel}`,
      fields: [
        {
          name: 'note',
          label: step === 'rectify' ? '整改情况' : '结论',
          kind: 'text',
          required: true,
        },
      ],
      submit: (v) =>
        act(step === 'rectify' ? '已报送整改情况' : '已结束责任追究', () =>
          api(`/api/accountability/${r.id}/${step}`, {
            method: 'POST',
            body: { version: r.version, note: v.note },
          }),
        ),
    });

  const actions = (r: AccountabilityRecord) => (
    <Flex wrap gap={4}>
      {r.status === 'open' && mayRectify(r) && (
        <Button size="small" onClick={() => ask(r, 'rectify')}>
          报送整改
        </Button>
      )}
      {r.status === 'rectifying' && decides && (
        <Button size="small" onClick={() => ask(r, 'close')}>
          结束
        </Button>
      )}
    </Flex>
  );

  return (
    <>
      <PageTitle
        title="责任追究"
        extra={
          decides && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              启动责任追究
            </Button>
          )
        }
      />
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Select
          aria-label="状态"
          allowClear
          placeholder="全部状态"
          style={{ width: isPhone ? '100%' : 160 }}
          value={status}
          options={Object.entries(ACCOUNTABILITY_STATUSES).map(([value, label]) => ({ value, label }))}
          onChange={(v?: string) => change({ status: v, page: undefined })}
        />
        {decides && (
          <div style={{ width: isPhone ? '100%' : 240 }}>
            <DepartmentSelect
              placeholder="全部部门"
              value={departmentId ?? null}
              onChange={(v) => change({ departmentId: v ?? undefined, page: undefined })}
            />
          </div>
        )}
      </Flex>
      {list.isError && (
        <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 16 }} />
      )}
      <Table<AccountabilityRecord>
        rowKey="id"
        size={isPhone ? 'small' : 'middle'}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        locale={{ emptyText: '没有责任追究记录' }}
        expandable={{ expandedRowRender: (r) => <RecordDetails record={r} /> }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => `共 ${total} 条`,
          onChange: (p) => change({ page: p }),
        }}
        columns={recordColumns(isPhone, actions)}
      />
      <PromptModal prompt={prompt} onClose={() => setPrompt(null)} />
      <CreateAccountabilityModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
