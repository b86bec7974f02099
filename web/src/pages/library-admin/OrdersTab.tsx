import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Flex, Form, Input, InputNumber, Modal, Select, Table } from 'antd';
import { useState } from 'react';
import { ORDER_STATUSES, type OrderStatus } from '../../../../shared/src/library.js';
import { api } from '../../api/client.js';
import type { Page } from '../../api/types.js';
import { when, yuan, type Order } from '../membership/types.js';
import { useAdminAction } from './useAdminAction.js';

const PAGE_SIZE = 20;

/** 订单: confirm a payment (amount and reference) to issue the paid grant, or cancel an unpaid order. */
export function OrdersTab() {
  const act = useAdminAction();
  const [status, setStatus] = useState<OrderStatus | undefined>('pending');
  const [page, setPage] = useState(1);
  const [confirming, setConfirming] = useState<Order | null>(null);
  const [form] = Form.useForm<{ paid: number; reference: string }>();
  const query = { status, page, pageSize: PAGE_SIZE };
  const orders = useQuery({
    queryKey: ['library', 'orders', query],
    queryFn: () => api<Page<Order>>('/api/library/orders', { query }),
    placeholderData: keepPreviousData,
  });

  const confirm = async (v: { paid: number; reference: string }) => {
    if (!confirming) return;
    const body = { version: confirming.version, paidCents: Math.round(v.paid * 100), reference: v.reference };
    const done = await act('已确认收款，权益已生效', () =>
      api(`/api/library/orders/${confirming.id}/confirm`, { method: 'POST', body }),
    );
    if (done) setConfirming(null);
  };
  const cancel = (o: Order) =>
    void act('订单已取消', () =>
      api(`/api/library/orders/${o.id}/cancel`, { method: 'POST', body: { version: o.version } }),
    );

  return (
    <>
      <Select
        aria-label="订单状态"
        allowClear
        placeholder="全部状态"
        style={{ width: 160, marginBottom: 12 }}
        value={status}
        options={Object.entries(ORDER_STATUSES).map(([value, label]) => ({ value, label }))}
        onChange={(v?: OrderStatus) => {
          setStatus(v);
          setPage(1);
        }}
      />
      <Table<Order>
        rowKey="id"
        size="small"
        scroll={{ x: 'max-content' }}
        loading={orders.isFetching}
        dataSource={orders.data?.items ?? []}
        locale={{ emptyText: '没有订单' }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: orders.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => `共 ${total} 条`,
          onChange: setPage,
        }}
        columns={[
          { title: '订单号', dataIndex: 'id' },
          { title: '会员', dataIndex: 'memberName' },
          { title: '方案', dataIndex: 'planName' },
          { title: '应付', dataIndex: 'amountCents', render: yuan },
          { title: '状态', dataIndex: 'status', render: (s: OrderStatus) => ORDER_STATUSES[s] },
          { title: '凭证号', dataIndex: 'paymentRef', render: (r: string | null) => r ?? '—' },
          { title: '下单时间', dataIndex: 'createdAt', render: when },
          {
            title: '操作',
            key: 'actions',
            render: (_: unknown, o) =>
              o.status === 'pending' && (
                <Flex gap={4} wrap>
                  <Button
                    size="small"
                    type="primary"
                    onClick={() => {
                      setConfirming(o);
                      form.setFieldsValue({ paid: o.amountCents / 100, reference: '' });
                    }}
                  >
                    确认收款
                  </Button>
                  <Button size="small" onClick={() => cancel(o)}>
                    取消
                  </Button>
                </Flex>
              ),
          },
        ]}
      />
      <Modal
        open={confirming !== null}
        title={
          confirming
            ? `确认收款：订单 ${confirming.id}（${confirming.memberName}，${confirming.planName}）`
            : ''
        }
        okText="确认收款"
        onOk={() => form.submit()}
        onCancel={() => setConfirming(null)}
        forceRender
      >
        <Form form={form} layout="vertical" onFinish={(v) => void confirm(v)}>
          <Form.Item name="paid" label="实收金额" rules={[{ required: true, message: '请填写实收金额' }]}>
            <InputNumber min={0} max={1_000_000} precision={2} addonBefore="¥" />
          </Form.Item>
          <Form.Item
            name="reference"
            label="付款凭证号"
            rules={[{ required: true, whitespace: true, message: '请填写付款凭证号' }]}
          >
            <Input maxLength={100} placeholder="银行流水号、转账单号等" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
