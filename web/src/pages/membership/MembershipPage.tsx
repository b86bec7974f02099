import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Grid, Table, Tag, Typography } from 'antd';
import { GRANT_SOURCES, ORDER_STATUSES } from '../../../../shared/src/library.js';
import { api } from '../../api/client.js';
import { errorText } from '../../api/errors.js';
import { PageTitle } from '../../layout/PageTitle.js';
import { PlansCard } from './PlansCard.js';
import { RedeemCard } from './RedeemCard.js';
import { GRANT_STATES, when, yuan, type Grant, type Membership, type Order } from './types.js';
import { WindowCard } from './WindowCard.js';

const sourceLabel = (s: string) => GRANT_SOURCES[s as keyof typeof GRANT_SOURCES] ?? s;

/** 我的会员: the current access window, redeeming a code, ordering a plan, and the history. */
export default function MembershipPage() {
  const isPhone = Grid.useBreakpoint().md === false;
  const { message } = App.useApp();
  const client = useQueryClient();
  const mine = useQuery({
    queryKey: ['library', 'membership'],
    queryFn: () => api<Membership>('/api/library/membership'),
  });
  const cancel = async (o: Order) => {
    try {
      await api(`/api/library/orders/${o.id}/cancel`, { method: 'POST', body: { version: o.version } });
      void message.success('订单已取消');
    } catch (error) {
      void message.error(errorText(error));
    }
    await client.invalidateQueries({ queryKey: ['library', 'membership'] });
  };

  return (
    <>
      <PageTitle title="我的会员" />
      {mine.isError && (
        <Alert type="error" showIcon title={errorText(mine.error)} style={{ marginBottom: 16 }} />
      )}
      {mine.data && <WindowCard window={mine.data.window} />}
      <RedeemCard />
      <PlansCard />
      <Card title="我的订单" style={{ marginBottom: 16 }}>
        <Table<Order>
          rowKey="id"
          size="small"
          scroll={{ x: 'max-content' }}
          pagination={false}
          loading={mine.isLoading}
          dataSource={mine.data?.orders ?? []}
          locale={{ emptyText: '没有订单' }}
          columns={[
            ...(isPhone ? [] : [{ title: '订单号', dataIndex: 'id' }]),
            { title: '方案', dataIndex: 'planName' },
            { title: '金额', dataIndex: 'amountCents', render: (c: number) => yuan(c) },
            { title: '状态', dataIndex: 'status', render: (s: Order['status']) => ORDER_STATUSES[s] },
            ...(isPhone ? [] : [{ title: '下单时间', dataIndex: 'createdAt', render: when }]),
            {
              title: '操作',
              key: 'actions',
              render: (_: unknown, o: Order) =>
                o.status === 'pending' && (
                  <Button size="small" onClick={() => void cancel(o)}>
                    取消订单
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      <Card title="权益记录">
        <Table<Grant>
          rowKey="id"
          size="small"
          scroll={{ x: 'max-content' }}
          pagination={false}
          loading={mine.isLoading}
          dataSource={mine.data?.grants ?? []}
          locale={{ emptyText: '没有权益记录' }}
          columns={[
            {
              title: '来源',
              dataIndex: 'source',
              // On a phone the plan goes under the source, so the state column stays in view.
              render: (source: string, g) =>
                isPhone ? (
                  <>
                    {sourceLabel(source)}
                    <br />
                    <Typography.Text type="secondary">{g.planName ?? g.note}</Typography.Text>
                  </>
                ) : (
                  sourceLabel(source)
                ),
            },
            ...(isPhone
              ? [
                  {
                    title: '有效期',
                    key: 'period',
                    render: (_: unknown, g: Grant) => (
                      <>
                        {when(g.startsAt)}
                        <br />至 {when(g.endsAt)}
                      </>
                    ),
                  },
                ]
              : [
                  {
                    title: '方案',
                    dataIndex: 'planName',
                    render: (n: string | null, g: Grant) => n ?? (g.note || '—'),
                  },
                  { title: '开始', dataIndex: 'startsAt', render: when },
                  { title: '结束', dataIndex: 'endsAt', render: when },
                ]),
            {
              title: '状态',
              dataIndex: 'state',
              render: (s: Grant['state'], g) => (
                <Tag color={GRANT_STATES[s].color} title={g.revokeReason ?? undefined}>
                  {GRANT_STATES[s].label}
                </Tag>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
