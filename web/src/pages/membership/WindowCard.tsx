import { Card, Descriptions, Tag, Typography } from 'antd';
import { longDate, when, type AccessWindow } from './types.js';

/** What the member can read now: the tier and how far back the member back catalogue reaches. */
export function WindowCard({ window }: { window: AccessWindow }) {
  const member = window.tier === 'member';
  return (
    <Card title="当前可读范围" style={{ marginBottom: 16 }}>
      <Descriptions column={{ xs: 1, md: 3 }} size="small">
        <Descriptions.Item label="等级">
          <Tag color={member ? 'gold' : 'default'}>{member ? '会员' : '免费'}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label="会员资料">
          {member && window.earliestContentOn ? (
            <span data-testid="earliest-content">
              {longDate(window.earliestContentOn)}及以后发布的全部资料
            </span>
          ) : (
            <span data-testid="earliest-content">暂无，可阅读全部免费资料</span>
          )}
        </Descriptions.Item>
        <Descriptions.Item label="会员有效期">
          {member ? `${when(window.runStart)} 至 ${when(window.runEnd)}` : '—'}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        开通会员即可阅读从连续会员期开始之日前 3
        年（以方案为准）起发布的全部资料；续费不中断则回溯起点不变，中断后重新开通从新的开通日起算。
      </Typography.Paragraph>
    </Card>
  );
}
