import { Card, Empty, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ItemDetail } from '../types.js';

const RED = new Set(['return', 'feedback_return', 'return_completion', 'extension_refuse', 'suspend']);
const GREEN = new Set([
  'approve',
  'sign_off',
  'close',
  'approve_completion',
  'feedback_approve',
  'extension_approve',
]);

/** Everything that happened to the item, oldest first, each with who did it and for which department. */
export function ItemTimeline({ item }: { item: ItemDetail }) {
  const departmentOf = new Map(item.assignments.map((a) => [a.id, a.departmentName]));
  return (
    <Card size="small" title="办理过程" data-testid="timeline">
      {item.timeline.length === 0 ? (
        <Empty description="暂无记录" />
      ) : (
        <Timeline
          items={item.timeline.map((e, i) => ({
            key: `${e.at}-${i}`,
            color: RED.has(e.kind) ? '#cf1322' : GREEN.has(e.kind) ? '#389e0d' : '#1677ff',
            content: (
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {dayjs(e.at).format('YYYY-MM-DD HH:mm')}
                  {e.actor ? ` · ${e.actor}` : ''}
                  {e.assignmentId !== null && departmentOf.has(e.assignmentId)
                    ? ` · ${departmentOf.get(e.assignmentId)}`
                    : ''}
                </Typography.Text>
                <div style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{e.summary}</div>
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}
