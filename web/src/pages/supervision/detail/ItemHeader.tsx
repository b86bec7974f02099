import { Alert, Button, Card, Descriptions, Flex, Grid, Space, Tag, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { LightTag } from '../LightTag.js';
import {
  FEEDBACK_CYCLES,
  SOURCE_REF_LABELS,
  SOURCE_TYPES,
  URGENCIES,
  URGENCY_COLORS,
  labelOf,
} from '../labels.js';
import { StatusTag } from '../list/columns.js';
import type { ItemDetail } from '../types.js';

interface Reopening {
  at: string;
  instruction: string;
}

function reopeningsOf(ref: Record<string, unknown>): Reopening[] {
  const list = ref.reopenings;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (r): r is Reopening =>
      typeof r === 'object' && r !== null && typeof (r as Reopening).instruction === 'string',
  );
}

/** The source reference as label–value pairs; the text is shown as text, never as markup. */
function sourceItems(item: ItemDetail): DescriptionsProps['items'] {
  const entries = Object.entries(item.sourceRef).filter(
    ([key, value]) => key !== 'reopenings' && (typeof value === 'string' || typeof value === 'number'),
  );
  return [
    ...entries.map(([key, value]) => ({
      key,
      label: SOURCE_REF_LABELS[key] ?? key,
      children: <span style={{ whiteSpace: 'pre-wrap' }}>{String(value)}</span>,
      span: key === 'content' || key === 'note' ? ('filled' as const) : undefined,
    })),
  ];
}

export function ItemHeader({ item, parent }: { item: ItemDetail; parent?: { id: number; label: string } }) {
  const reopenings = reopeningsOf(item.sourceRef);
  const isPhone = Grid.useBreakpoint().md === false;
  const [expanded, setExpanded] = useState(false);
  // The first four say what matters at a glance; on a phone the rest waits behind 展开.
  const details: DescriptionsProps['items'] = [
    { key: 'sourceType', label: '来源', children: labelOf(SOURCE_TYPES, item.sourceType) },
    {
      key: 'deadline',
      label: '办理时限',
      children: item.standing ? '长期坚持' : (item.deadline ?? '交办时按工作日计算'),
    },
    {
      key: 'urgency',
      label: '紧急程度',
      children: (
        <Space size={4}>
          <Tag color={URGENCY_COLORS[item.urgency] ?? 'default'}>{labelOf(URGENCIES, item.urgency)}</Tag>
          {item.difficult && <Tag color="purple">疑难复杂</Tag>}
        </Space>
      ),
    },
    { key: 'leader', label: '责任领导', children: item.responsibleLeader?.name ?? '—' },
    ...(sourceItems(item) ?? []),
    {
      key: 'watchers',
      label: '领导关注',
      children: item.watchers.length ? item.watchers.map((w) => w.name).join('、') : '—',
    },
    { key: 'cycle', label: '反馈周期', children: labelOf(FEEDBACK_CYCLES, item.feedbackCycle) },
    { key: 'created', label: '立项时间', children: dayjs(item.createdAt).format('YYYY-MM-DD HH:mm') },
  ];
  if (item.tags.length)
    details.push({
      key: 'tags',
      label: '标签',
      children: (
        <Space size={[4, 4]} wrap>
          {item.tags.map((t) => (
            <Tag key={t}>{t}</Tag>
          ))}
        </Space>
      ),
    });
  if (parent)
    details.push({
      key: 'parent',
      label: '上级事项',
      children: <Link to={`/supervision/items/${parent.id}`}>{parent.label}</Link>,
    });

  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="item-header">
      <Flex wrap gap={8} align="center" style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary" data-testid="item-number">
          {item.number}
        </Typography.Text>
        <StatusTag status={item.status} />
        <LightTag light={item.light} />
      </Flex>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {item.title}
      </Typography.Title>
      {item.returnReason && item.status === 'draft' && (
        <Alert
          type="warning"
          showIcon
          title="审批退回"
          description={item.returnReason}
          style={{ marginBottom: 12 }}
        />
      )}
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={isPhone && !expanded ? details.slice(0, 4) : details}
      />
      {isPhone && (
        <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => setExpanded((e) => !e)}>
          {expanded ? '收起事项信息' : `展开全部事项信息（${details.length - 4} 项）`}
        </Button>
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        办理要求
      </Typography.Title>
      <Typography.Paragraph
        style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}
        ellipsis={
          isPhone ? { rows: 4, expandable: 'collapsible', symbol: (open) => (open ? '收起' : '展开') } : false
        }
      >
        {item.requirements}
      </Typography.Paragraph>
      {reopenings.map((r) => (
        <Alert
          key={r.at}
          type="info"
          showIcon
          style={{ marginTop: 12 }}
          title={`${dayjs(r.at).format('YYYY-MM-DD')} 根据新批示重新启动`}
          description={<span style={{ whiteSpace: 'pre-wrap' }}>{r.instruction}</span>}
        />
      ))}
    </Card>
  );
}
