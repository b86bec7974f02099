import { GiftOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Checkbox, Flex, Form, Input, InputNumber, Modal, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { GRANT_SOURCES, LIBRARY_TIERS } from '../../../../shared/src/library.js';
import { api } from '../../api/client.js';
import type { Page } from '../../api/types.js';
import { PromptModal, type Prompt } from '../supervision/detail/PromptModal.js';
import { GRANT_STATES, when, type Grant } from '../membership/types.js';
import { MemberPicker } from './MemberPicker.js';
import { useAdminAction } from './useAdminAction.js';

const PAGE_SIZE = 20;
const sourceLabel = (s: string) => GRANT_SOURCES[s as keyof typeof GRANT_SOURCES] ?? s;

/** What an administrator may give by hand (the server refuses other sources here). */
const GIVEN = (['comp', 'trial', 'reward', 'group_seat'] as const).map((value) => ({
  value,
  label: GRANT_SOURCES[value],
}));

interface CompForm {
  source: (typeof GIVEN)[number]['value'];
  memberId: number;
  days: number;
  backYears: number;
  reason: string;
}

/** 会员权益: every member's grants, filtered; revoke with a reason, or give a comp grant. */
export function GrantsTab() {
  const act = useAdminAction();
  const [memberId, setMemberId] = useState<number>();
  const [source, setSource] = useState<string>();
  const [activeOnly, setActiveOnly] = useState(false);
  const [page, setPage] = useState(1);
  const [prompt, setPrompt] = useState<Prompt | null>(null);
  const [giving, setGiving] = useState(false);
  const [form] = Form.useForm<CompForm>();
  const query = { memberId, source, active: activeOnly ? '1' : undefined, page, pageSize: PAGE_SIZE };
  const grants = useQuery({
    queryKey: ['library', 'grants', query],
    queryFn: () => api<Page<Grant>>('/api/library/grants', { query }),
    placeholderData: keepPreviousData,
  });

  const revoke = (g: Grant) =>
    setPrompt({
      title: '撤销权益',
      okText: '撤销',
      danger: true,
      hint: `${g.memberName} · ${sourceLabel(g.source)} · ${when(g.startsAt)} 至 ${when(g.endsAt)}`,
      fields: [{ name: 'reason', label: '撤销原因', kind: 'text', required: true }],
      submit: async (v) =>
        (await act('权益已撤销', () =>
          api(`/api/library/grants/${g.id}/revoke`, { method: 'POST', body: { reason: v.reason } }),
        ))
          ? 'done'
          : 'failed',
    });
  const give = async (v: CompForm) => {
    if (await act('已赠送权益', () => api('/api/library/grants', { method: 'POST', body: v })))
      setGiving(false);
  };
  const filter = (change: () => void) => {
    change();
    setPage(1);
  };

  return (
    <>
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <MemberPicker
          aria-label="会员"
          allowClear
          placeholder="全部会员（输入登录名或姓名查找）"
          style={{ width: 280 }}
          value={memberId}
          onChange={(v) => filter(() => setMemberId(v))}
        />
        <Select
          aria-label="来源"
          allowClear
          placeholder="全部来源"
          style={{ width: 140 }}
          value={source}
          options={Object.entries(GRANT_SOURCES).map(([value, label]) => ({ value, label }))}
          onChange={(v?: string) => filter(() => setSource(v))}
        />
        <Checkbox checked={activeOnly} onChange={(e) => filter(() => setActiveOnly(e.target.checked))}>
          仅看生效中
        </Checkbox>
        <Button
          icon={<GiftOutlined />}
          onClick={() => {
            form.setFieldsValue({ source: 'comp', days: 30, backYears: 3, reason: '' });
            setGiving(true);
          }}
        >
          赠送权益
        </Button>
      </Flex>
      <Table<Grant>
        rowKey="id"
        size="small"
        scroll={{ x: 'max-content' }}
        loading={grants.isFetching}
        dataSource={grants.data?.items ?? []}
        locale={{ emptyText: '没有权益记录' }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: grants.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => `共 ${total} 条`,
          onChange: setPage,
        }}
        columns={[
          { title: '会员', dataIndex: 'memberName' },
          { title: '等级', dataIndex: 'tier', render: (t: Grant['tier']) => LIBRARY_TIERS[t] },
          { title: '来源', dataIndex: 'source', render: sourceLabel },
          { title: '开始', dataIndex: 'startsAt', render: when },
          { title: '结束', dataIndex: 'endsAt', render: when },
          {
            title: '状态',
            dataIndex: 'state',
            render: (s: Grant['state'], g) => (
              <Tag color={GRANT_STATES[s].color} title={g.revokeReason ?? undefined}>
                {GRANT_STATES[s].label}
              </Tag>
            ),
          },
          {
            title: '说明',
            key: 'note',
            render: (_: unknown, g) => g.revokeReason ?? (g.note || g.planName || '—'),
          },
          {
            title: '操作',
            key: 'actions',
            render: (_: unknown, g) =>
              // The free tier is everyone's anyway: only member grants are worth revoking.
              g.tier === 'member' &&
              g.state !== 'revoked' &&
              g.state !== 'ended' && (
                <Button size="small" danger onClick={() => revoke(g)}>
                  撤销
                </Button>
              ),
          },
        ]}
      />
      <PromptModal prompt={prompt} onClose={() => setPrompt(null)} />
      <Modal
        open={giving}
        title="赠送会员权益"
        okText="赠送"
        onOk={() => form.submit()}
        onCancel={() => setGiving(false)}
        forceRender
      >
        <Form form={form} layout="vertical" onFinish={(v) => void give(v)}>
          <Form.Item name="memberId" label="会员" rules={[{ required: true, message: '请选择会员' }]}>
            <MemberPicker aria-label="赠送给会员" placeholder="输入登录名或姓名查找会员" />
          </Form.Item>
          <Form.Item name="source" label="类别">
            <Select options={GIVEN} />
          </Form.Item>
          <Form.Item
            name="days"
            label="天数（接在当前连续会员期之后）"
            rules={[{ required: true, message: '请填写天数' }]}
          >
            <InputNumber min={1} max={3660} precision={0} addonAfter="天" />
          </Form.Item>
          <Form.Item name="backYears" label="回溯年限">
            <InputNumber min={0} max={50} precision={0} addonAfter="年" />
          </Form.Item>
          <Form.Item
            name="reason"
            label="赠送原因"
            rules={[{ required: true, whitespace: true, message: '请填写赠送原因' }]}
          >
            <Input maxLength={500} placeholder="如：征文获奖、新入职试读、支部团体订阅" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
