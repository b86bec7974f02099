import { CheckOutlined, LikeOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { DEMAND_STATUSES } from '../../../../../shared/src/library-demands.js';
import { formatDate } from '../labels.js';
import type { Decision } from './DecideModal.js';
import { STATUS_COLORS, type Demand } from './types.js';

interface Props {
  demand: Demand;
  editor: boolean;
  busy: boolean;
  onVote: (d: Demand) => void;
  onDecide: (d: Decision) => void;
}

/** One request on the board: its votes beside it, the answer or close reason under it. */
export function DemandItem({ demand: d, editor, busy, onVote, onDecide }: Props) {
  const open = d.status === 'open';
  return (
    <Card size="small" data-testid="library-demand">
      <Flex gap={12} align="start">
        <Flex vertical align="center" style={{ minWidth: 56 }}>
          <Typography.Text strong style={{ fontSize: 20 }} aria-label="票数">
            {d.votes}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            票
          </Typography.Text>
        </Flex>
        <Flex vertical gap={6} style={{ minWidth: 0, flex: 1 }}>
          <Typography.Text strong style={{ fontSize: 16 }}>
            {d.title}
          </Typography.Text>
          <Flex wrap gap={4} align="center">
            <Tag color={STATUS_COLORS[d.status]}>{DEMAND_STATUSES[d.status]}</Tag>
            {d.topic && <Tag>{d.topic}</Tag>}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {d.requesterName} · {formatDate(d.createdAt)} 提出
            </Typography.Text>
          </Flex>
          {d.description && (
            <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
              {d.description}
            </Typography.Paragraph>
          )}
          {d.material && (
            <Typography.Paragraph style={{ margin: 0 }} data-testid="library-demand-answer">
              <CheckOutlined style={{ color: '#52c41a', marginRight: 6 }} />
              回应资料：<Link to={`/library/materials/${d.material.id}`}>《{d.material.title}》</Link>
              {d.answerNote && <Typography.Text type="secondary">（{d.answerNote}）</Typography.Text>}
            </Typography.Paragraph>
          )}
          {d.closeReason && <Typography.Text type="secondary">关闭原因：{d.closeReason}</Typography.Text>}
          {open && (
            <Flex wrap gap={8}>
              {!d.mine && (
                <Button
                  size="small"
                  type={d.votedByMe ? 'primary' : 'default'}
                  icon={<LikeOutlined />}
                  loading={busy}
                  onClick={() => onVote(d)}
                >
                  {d.votedByMe ? '已投票（撤回）' : '我也需要'}
                </Button>
              )}
              {editor && (
                <>
                  <Button size="small" onClick={() => onDecide({ kind: 'answer', demand: d })}>
                    以资料回应
                  </Button>
                  <Button size="small" danger onClick={() => onDecide({ kind: 'close', demand: d })}>
                    关闭
                  </Button>
                </>
              )}
            </Flex>
          )}
        </Flex>
      </Flex>
    </Card>
  );
}
