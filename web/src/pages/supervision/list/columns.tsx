import type { TableColumnsType } from 'antd';
import { Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { LightTag } from '../LightTag.js';
import {
  ITEM_STATUSES,
  ITEM_STATUS_COLORS,
  SOURCE_TYPES,
  URGENCIES,
  URGENCY_COLORS,
  labelOf,
} from '../labels.js';
import type { ItemSummary } from '../types.js';

/** 承办部门 with the lead department first, marked 主办. */
export function DepartmentsCell({
  item,
  nameOf,
}: {
  item: Pick<ItemSummary, 'departments'>;
  nameOf: (id: number) => string;
}) {
  if (item.departments.length === 0) return <Typography.Text type="secondary">未交办</Typography.Text>;
  const sorted = [...item.departments].sort((a, b) => (a.role === 'lead' ? -1 : b.role === 'lead' ? 1 : 0));
  return (
    <Space orientation="vertical" size={0}>
      {sorted.map((d) => (
        <span key={d.departmentId}>
          {nameOf(d.departmentId)}
          {d.role === 'lead' && (
            <Tag color="red" style={{ marginInlineStart: 4, marginInlineEnd: 0 }}>
              主办
            </Tag>
          )}
        </span>
      ))}
    </Space>
  );
}

export function StatusTag({ status }: { status: string }) {
  return (
    <Tag color={ITEM_STATUS_COLORS[status] ?? 'default'} style={{ marginInlineEnd: 0 }}>
      {labelOf(ITEM_STATUSES, status)}
    </Tag>
  );
}

/** On a phone the title cell carries the number and status; the other columns appear as the screen widens. */
export function itemColumns(nameOf: (id: number) => string, isPhone: boolean): TableColumnsType<ItemSummary> {
  return [
    {
      title: '编号',
      dataIndex: 'number',
      key: 'number',
      responsive: ['md'],
      render: (number: string) => <span style={{ whiteSpace: 'nowrap' }}>{number}</span>,
    },
    {
      title: '标题',
      key: 'title',
      render: (_, item) => (
        <Space orientation="vertical" size={2}>
          <Link to={`/supervision/items/${item.id}`}>{item.title}</Link>
          {isPhone && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {item.number} · {labelOf(ITEM_STATUSES, item.status)}
              {item.standing ? ' · 长期坚持' : item.deadline ? ` · 时限 ${item.deadline}` : ''}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: '来源',
      key: 'source',
      responsive: ['lg'],
      render: (_, item) => labelOf(SOURCE_TYPES, item.sourceType),
    },
    {
      title: '紧急程度',
      key: 'urgency',
      responsive: ['lg'],
      render: (_, item) => (
        <Tag color={URGENCY_COLORS[item.urgency] ?? 'default'}>{labelOf(URGENCIES, item.urgency)}</Tag>
      ),
    },
    {
      title: '承办部门',
      key: 'departments',
      responsive: ['md'],
      render: (_, item) => <DepartmentsCell item={item} nameOf={nameOf} />,
    },
    {
      title: '办理时限',
      key: 'deadline',
      responsive: ['md'],
      render: (_, item) =>
        item.standing ? (
          <Tag>长期坚持</Tag>
        ) : (
          <span style={{ whiteSpace: 'nowrap' }}>{item.deadline ?? '—'}</span>
        ),
    },
    {
      title: '状态',
      key: 'status',
      responsive: ['md'],
      render: (_, item) => <StatusTag status={item.status} />,
    },
    { title: '红黄绿灯', key: 'light', width: 96, render: (_, item) => <LightTag light={item.light} /> },
  ];
}
