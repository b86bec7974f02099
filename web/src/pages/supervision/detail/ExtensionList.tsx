import { Button, Flex, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { EXTENSION_STATUSES } from '../labels.js';
import type { Extension } from '../types.js';

interface Props {
  extensions: Extension[];
  mayDecide: (e: Extension) => boolean;
  onApprove: (e: Extension) => void;
  onRefuse: (e: Extension) => void;
  busy: string | null;
}

/** 延期申请: old → new deadline, the reason and the decision. */
export function ExtensionList({ extensions, mayDecide, onApprove, onRefuse, busy }: Props) {
  if (extensions.length === 0) return null;
  return (
    <Flex vertical gap={8}>
      {extensions.map((e) => {
        const status = EXTENSION_STATUSES[e.status] ?? { label: e.status, color: 'default' };
        return (
          <div
            key={e.id}
            data-testid={`extension-${e.id}`}
            style={{ border: '1px solid #f0f0f0', borderRadius: 4, padding: '8px 12px' }}
          >
            <Flex wrap gap={6} align="center">
              <Typography.Text strong>
                {e.oldDeadline} → {e.newDeadline}
              </Typography.Text>
              <Tag color={status.color}>{status.label}</Tag>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                申请于 {dayjs(e.requestedAt).format('MM-DD HH:mm')}
              </Typography.Text>
            </Flex>
            <div style={{ whiteSpace: 'pre-wrap', marginTop: 4 }}>理由：{e.reason}</div>
            {e.decisionNote && <Typography.Text type="secondary">审批意见：{e.decisionNote}</Typography.Text>}
            {mayDecide(e) && (
              <Flex gap={8} wrap style={{ marginTop: 8 }}>
                <Button
                  type="primary"
                  size="small"
                  loading={busy === `extension-${e.id}`}
                  onClick={() => onApprove(e)}
                >
                  同意延期
                </Button>
                <Button size="small" danger onClick={() => onRefuse(e)}>
                  不同意
                </Button>
              </Flex>
            )}
          </div>
        );
      })}
    </Flex>
  );
}
