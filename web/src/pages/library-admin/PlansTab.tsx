import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Form, Input, InputNumber, Modal, Select, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { LIBRARY_TIERS, PLAN_PERIOD_UNITS } from '../../../../shared/src/library.js';
import { api } from '../../api/client.js';
import { periodText, yuan, type Plan } from '../membership/types.js';
import { useAdminAction } from './useAdminAction.js';

interface PlanForm {
  name: string;
  tier: Plan['tier'];
  periodUnit: Plan['periodUnit'];
  periodCount: number;
  backYears: number;
  price: number;
  active: boolean;
}

/** 方案: name, tier, period, back-catalogue years and price; a retired plan is no longer sold. */
export function PlansTab() {
  const act = useAdminAction();
  const [editing, setEditing] = useState<Plan | 'new' | null>(null);
  const [form] = Form.useForm<PlanForm>();
  const plans = useQuery({
    queryKey: ['library', 'plans'],
    queryFn: () => api<{ items: Plan[] }>('/api/library/plans'),
  });

  const open = (plan: Plan | 'new') => {
    setEditing(plan);
    form.setFieldsValue(
      plan === 'new'
        ? {
            name: '',
            tier: 'member',
            periodUnit: 'month',
            periodCount: 12,
            backYears: 3,
            price: 0,
            active: true,
          }
        : { ...plan, price: plan.priceCents / 100 },
    );
  };
  const save = async (v: PlanForm) => {
    const body = { ...v, price: undefined, priceCents: Math.round(v.price * 100) };
    const done = await act('方案已保存', () =>
      editing === 'new' || editing === null
        ? api('/api/library/plans', { method: 'POST', body })
        : api(`/api/library/plans/${editing.id}`, {
            method: 'PATCH',
            body: { ...body, version: editing.version },
          }),
    );
    if (done) setEditing(null);
  };

  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} style={{ marginBottom: 12 }} onClick={() => open('new')}>
        新增方案
      </Button>
      <Table<Plan>
        rowKey="id"
        size="small"
        scroll={{ x: 'max-content' }}
        loading={plans.isLoading}
        dataSource={plans.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: '还没有方案' }}
        columns={[
          { title: '名称', dataIndex: 'name' },
          { title: '等级', dataIndex: 'tier', render: (t: Plan['tier']) => LIBRARY_TIERS[t] },
          { title: '期限', key: 'period', render: (_: unknown, p) => periodText(p) },
          { title: '回溯', dataIndex: 'backYears', render: (y: number) => `${y} 年` },
          { title: '价格', dataIndex: 'priceCents', render: yuan },
          {
            title: '状态',
            dataIndex: 'active',
            render: (a: boolean) => <Tag color={a ? 'green' : 'default'}>{a ? '在售' : '停售'}</Tag>,
          },
          {
            title: '操作',
            key: 'edit',
            render: (_: unknown, p) => (
              <Button size="small" onClick={() => open(p)}>
                修改
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? '新增方案' : '修改方案'}
        okText="保存"
        onOk={() => form.submit()}
        onCancel={() => setEditing(null)}
        forceRender
      >
        <Form form={form} layout="vertical" onFinish={(v) => void save(v)}>
          <Form.Item
            name="name"
            label="名称"
            rules={[{ required: true, whitespace: true, message: '请填写名称' }]}
          >
            <Input maxLength={40} placeholder="如：年度会员" />
          </Form.Item>
          <Form.Item name="tier" label="等级">
            <Select options={Object.entries(LIBRARY_TIERS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item label="期限" required style={{ marginBottom: 0 }}>
            <Form.Item name="periodCount" style={{ display: 'inline-block', width: 120, marginRight: 8 }}>
              <InputNumber min={1} max={120} precision={0} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="periodUnit" style={{ display: 'inline-block', width: 120 }}>
              <Select
                options={Object.entries(PLAN_PERIOD_UNITS).map(([value, label]) => ({ value, label }))}
              />
            </Form.Item>
          </Form.Item>
          <Form.Item name="backYears" label="回溯年限（可读连续会员期开始前几年起发布的资料）">
            <InputNumber min={0} max={50} precision={0} addonAfter="年" />
          </Form.Item>
          <Form.Item name="price" label="价格">
            <InputNumber min={0} max={1_000_000} precision={2} addonBefore="¥" />
          </Form.Item>
          <Form.Item name="active" label="在售" valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
