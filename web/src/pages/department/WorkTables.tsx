import { Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { ASSIGNMENT_STATUSES, labelOf } from '../supervision/labels.js';
import type { DepartmentOverview, Work } from '../dashboard/types.js';

/** The department view's tables: small, scrolling sideways on a phone rather than squeezing. */

const itemColumn = {
  title: '督办事项',
  key: 'item',
  render: (_: unknown, w: Work) => (
    // Titles wrap within a bounded width, so the dates beside them stay in view on a phone.
    <div style={{ minWidth: 140, maxWidth: 'min(320px, 45vw)' }}>
      <Link to={`/supervision/items/${w.itemId}`}>
        <Typography.Text type="secondary">{w.number}</Typography.Text> {w.title}
      </Link>
    </div>
  ),
};
const statusColumn = {
  title: '状态',
  dataIndex: 'status',
  render: (s: string) => labelOf(ASSIGNMENT_STATUSES, s),
};
const accountableColumn = {
  title: '承办人',
  dataIndex: 'accountable',
  render: (name: string | null) => name ?? <Typography.Text type="secondary">未签收</Typography.Text>,
};

export function OverdueTable({ rows }: { rows: DepartmentOverview['overdue'] }) {
  return (
    <Table<DepartmentOverview['overdue'][number]>
      size="small"
      rowKey="assignmentId"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={rows}
      locale={{ emptyText: '没有逾期事项' }}
      columns={[
        itemColumn,
        statusColumn,
        accountableColumn,
        { title: '办理时限', dataIndex: 'deadline' },
        {
          title: '逾期',
          dataIndex: 'daysOverdue',
          render: (days: number) => <Tag color="error">{days} 天</Tag>,
        },
      ]}
    />
  );
}

export function DueSoonTable({ rows }: { rows: Work[] }) {
  return (
    <Table<Work>
      size="small"
      rowKey="assignmentId"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={rows}
      locale={{ emptyText: '没有临期或待反馈的事项' }}
      columns={[
        itemColumn,
        accountableColumn,
        { title: '办理时限', dataIndex: 'deadline', render: (d: string | null) => d ?? '长期坚持' },
        {
          title: '应报反馈',
          dataIndex: 'feedbackDue',
          render: (d: string | null) => (d ? <Tag color="warning">{d} 前</Tag> : '—'),
        },
      ]}
    />
  );
}

type StatusRow = DepartmentOverview['byStatus'][number];

export function StatusTable({ rows }: { rows: StatusRow[] }) {
  const order = Object.keys(ASSIGNMENT_STATUSES);
  return (
    <Table<StatusRow>
      size="small"
      rowKey="status"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={[...rows].sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status))}
      locale={{ emptyText: '本部门暂无承办事项' }}
      columns={[
        statusColumn,
        { title: '合计', dataIndex: 'total' },
        { title: '红灯', dataIndex: 'red' },
        { title: '黄灯', dataIndex: 'yellow' },
        { title: '绿灯', dataIndex: 'green' },
      ]}
    />
  );
}

type PersonRow = { key: string; name: string; open: number; red: number; yellow: number };

export function PeopleTable({ overview }: { overview: DepartmentOverview }) {
  const rows: PersonRow[] = overview.people.map((p) => ({ key: String(p.userId), ...p }));
  if (overview.unsigned) rows.push({ key: 'unsigned', name: '（尚未签收）', ...overview.unsigned });
  return (
    <Table<PersonRow>
      size="small"
      rowKey="key"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={rows}
      locale={{ emptyText: '本部门暂无承办人' }}
      columns={[
        { title: '承办人', dataIndex: 'name' },
        { title: '在办', dataIndex: 'open' },
        { title: '红灯', dataIndex: 'red' },
        { title: '黄灯', dataIndex: 'yellow' },
      ]}
    />
  );
}
