import type { TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { Descriptions, Flex, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { STATUS_COLORS, type AccountabilityRecord } from './types.js';

/**
 * On a phone the item cell carries the department, kind, responsible person and the actions; the other
 * columns appear as the screen widens.
 */
export function recordColumns(
  isPhone: boolean,
  actions: (r: AccountabilityRecord) => ReactNode,
): TableColumnsType<AccountabilityRecord> {
  return [
    {
      title: '督办事项',
      key: 'item',
      render: (_, r) => (
        <Flex vertical gap={2}>
          <Link to={`/supervision/items/${r.item.id}`}>{`${r.item.number} ${r.item.title}`}</Link>
          {isPhone && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.department.name} · {r.kindLabel} · 责任人 {r.responsible.name}
            </Typography.Text>
          )}
          {isPhone && actions(r)}
        </Flex>
      ),
    },
    { title: '部门', key: 'department', responsive: ['md'], render: (_, r) => r.department.name },
    { title: '依据', dataIndex: 'basisLabel', key: 'basis', responsive: ['lg'] },
    {
      title: '追责方式',
      key: 'kind',
      responsive: ['md'],
      render: (_, r) => <Tag color="volcano">{r.kindLabel}</Tag>,
    },
    { title: '责任人', key: 'responsible', responsive: ['md'], render: (_, r) => r.responsible.name },
    { title: '决定日期', dataIndex: 'decidedOn', key: 'decidedOn', responsive: ['lg'] },
    {
      title: '状态',
      key: 'status',
      render: (_, r) => (
        <Tag color={STATUS_COLORS[r.status]} style={{ marginInlineEnd: 0 }}>
          {r.statusLabel}
        </Tag>
      ),
    },
    { title: '操作', key: 'actions', responsive: ['md'], render: (_, r) => actions(r) },
  ];
}

/** The record's follow-up: why, by whose decision, what the department reported, how it was closed. */
export function RecordDetails({ record: r }: { record: AccountabilityRecord }) {
  return (
    <Descriptions
      size="small"
      column={1}
      items={[
        { key: 'basis', label: '依据', children: r.basisLabel },
        { key: 'reason', label: '追责事由', children: r.reason },
        { key: 'decided', label: '决定', children: `${r.decidedBy.name}，${r.decidedOn}` },
        {
          key: 'rectification',
          label: '整改情况',
          children: r.rectificationNote ?? <Typography.Text type="secondary">尚未报送</Typography.Text>,
        },
        ...(r.closingNote
          ? [
              {
                key: 'closing',
                label: '结论',
                children: `${r.closingNote}（${r.closedBy ?? ''}，${
                  r.closedAt ? dayjs(r.closedAt).format('YYYY-MM-DD HH:mm') : ''
                }）`,
              },
            ]
          : []),
      ]}
    />
  );
}
