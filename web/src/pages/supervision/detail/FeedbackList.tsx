import { Button, Flex, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { FEEDBACK_STATUSES } from '../labels.js';
import type { Feedback } from '../types.js';

interface Props {
  feedbacks: Feedback[];
  mayReview: (f: Feedback) => boolean;
  onApprove: (f: Feedback) => void;
  onReturn: (f: Feedback) => void;
  busy: string | null;
}

const periodLabel = (period: string) => (period === 'once' ? '一次性反馈' : `${period} 期`);

/** The reports of one assignment, newest first, each with where its review stands. */
export function FeedbackList({ feedbacks, mayReview, onApprove, onReturn, busy }: Props) {
  if (feedbacks.length === 0) return <Typography.Text type="secondary">尚无反馈</Typography.Text>;
  const sorted = [...feedbacks].sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
  return (
    <Flex vertical gap={8}>
      {sorted.map((f) => {
        const status = FEEDBACK_STATUSES[f.status] ?? { label: f.status, color: 'default' };
        return (
          <div
            key={f.id}
            data-testid={`feedback-${f.id}`}
            style={{ border: '1px solid #f0f0f0', borderRadius: 4, padding: '8px 12px' }}
          >
            <Flex wrap gap={6} align="center">
              <Typography.Text strong>{periodLabel(f.period)}</Typography.Text>
              <Tag color={status.color}>{status.label}</Tag>
              {!f.onTime && <Tag color="red">逾期报送</Tag>}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {f.submittedBy} · {dayjs(f.submittedAt).format('MM-DD HH:mm')} · 应报 {f.dueDate}
              </Typography.Text>
            </Flex>
            <Typography.Paragraph
              style={{ whiteSpace: 'pre-wrap', margin: '6px 0 0' }}
              ellipsis={{ rows: 4, expandable: 'collapsible', symbol: (open) => (open ? '收起' : '展开') }}
            >
              {f.content}
            </Typography.Paragraph>
            {f.status === 'returned' && f.returnReason && (
              <Typography.Text type="danger">退回原因：{f.returnReason}</Typography.Text>
            )}
            {mayReview(f) && (
              <Flex gap={8} wrap style={{ marginTop: 8 }}>
                <Button
                  type="primary"
                  size="small"
                  loading={busy === `review-${f.id}`}
                  onClick={() => onApprove(f)}
                >
                  审核通过
                </Button>
                <Button size="small" danger onClick={() => onReturn(f)}>
                  退回反馈
                </Button>
              </Flex>
            )}
          </div>
        );
      })}
    </Flex>
  );
}
