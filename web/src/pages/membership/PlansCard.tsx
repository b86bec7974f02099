import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Empty, Row, Typography } from 'antd';
import { api } from '../../api/client.js';
import { errorText } from '../../api/errors.js';
import { periodText, yuan, type Plan } from './types.js';

/** 订购: the member places an order; the system administrator confirms the payment. */
export function PlansCard() {
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const plans = useQuery({
    queryKey: ['library', 'plans'],
    queryFn: () => api<{ items: Plan[] }>('/api/library/plans'),
  });
  const offered = (plans.data?.items ?? []).filter((p) => p.tier === 'member' && p.active);
  const order = (plan: Plan) =>
    modal.confirm({
      title: `订购「${plan.name}」`,
      content: `${periodText(plan)}，${yuan(plan.priceCents)}。下单后请按管理员提供的方式付款，确认收款后权益自动生效，接在当前会员期之后。`,
      okText: '下单',
      cancelText: '取消',
      onOk: async () => {
        try {
          await api('/api/library/orders', { method: 'POST', body: { planId: plan.id } });
          void message.success('已下单，待管理员确认收款');
          await client.invalidateQueries({ queryKey: ['library', 'membership'] });
        } catch (error) {
          void message.error(errorText(error));
        }
      },
    });
  return (
    <Card title="订购会员" style={{ marginBottom: 16 }} loading={plans.isLoading}>
      {offered.length === 0 ? (
        <Empty description="暂无在售方案" />
      ) : (
        <Row gutter={[12, 12]}>
          {offered.map((p) => (
            <Col key={p.id} xs={24} sm={12} lg={8}>
              <Card size="small" title={p.name}>
                <Typography.Title level={4} style={{ margin: 0 }}>
                  {yuan(p.priceCents)}
                </Typography.Title>
                <Typography.Paragraph type="secondary">
                  {periodText(p)} · 可读开通前 {p.backYears} 年起的资料
                </Typography.Paragraph>
                <Button type="primary" block onClick={() => order(p)}>
                  下单
                </Button>
              </Card>
            </Col>
          ))}
        </Row>
      )}
    </Card>
  );
}
