import type { TableColumnsType } from 'antd';
import { Table, Typography } from 'antd';
import { Link } from 'react-router';
import { deltaText, rateText } from './labels.js';
import type { DepartmentStats, OverdueEntry } from './types.js';

/** On a phone only the department, rate and rank stay in the row; the rest is one line beneath the name. */
function departmentColumns(isPhone: boolean): TableColumnsType<DepartmentStats> {
  const num = (title: string, key: keyof DepartmentStats) => ({
    title,
    dataIndex: key,
    key,
    align: 'right' as const,
    responsive: ['md' as const],
  });
  return [
    { title: '排名', dataIndex: 'rank', key: 'rank', align: 'center', width: 56 },
    {
      title: '部门',
      key: 'department',
      onCell: () => ({ style: { minWidth: 104 } }),
      render: (_, d) => (
        <>
          <div>{d.departmentName}</div>
          {isPhone && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              交办 {d.assigned} · 按期 {d.closedOnTime} · 逾期办结 {d.closedLate} · 逾期 {d.overdue} · 在办{' '}
              {d.inProgress}
            </Typography.Text>
          )}
        </>
      ),
    },
    num('交办', 'assigned'),
    num('按期办结', 'closedOnTime'),
    num('逾期办结', 'closedLate'),
    num('逾期未办结', 'overdue'),
    num('正在办理', 'inProgress'),
    {
      title: '按期办结率',
      key: 'rate',
      align: 'right',
      render: (_, d) => rateText(d.onTimeRate),
    },
    {
      title: '较上期',
      key: 'delta',
      align: 'right',
      responsive: ['lg'],
      // Percentage points of the on-time rate; 持平 when unchanged, — when either period had nothing due.
      render: (_, d) =>
        d.delta.onTimeRate === null
          ? '—'
          : d.delta.onTimeRate === 0
            ? '持平'
            : deltaText(Number(d.delta.onTimeRate.toFixed(1))),
    },
    {
      title: '上期排名',
      key: 'previousRank',
      align: 'center',
      responsive: ['lg'],
      render: (_, d) => d.previous.rank ?? '—',
    },
  ];
}

export function DepartmentTable({ rows, isPhone }: { rows: DepartmentStats[]; isPhone: boolean }) {
  return (
    <Table<DepartmentStats>
      rowKey="departmentId"
      size="small"
      bordered
      pagination={false}
      columns={departmentColumns(isPhone).map((c) => ({
        ...c,
        onHeaderCell: () => ({ style: { whiteSpace: 'nowrap' } }),
      }))}
      dataSource={rows}
      locale={{ emptyText: '本期没有督办任务' }}
      data-testid="circular-departments"
    />
  );
}

export function OverdueTable({ rows, isPhone }: { rows: OverdueEntry[]; isPhone: boolean }) {
  return (
    <Table<OverdueEntry>
      rowKey="assignmentId"
      size="small"
      bordered
      pagination={false}
      dataSource={rows}
      locale={{ emptyText: '无逾期未办结事项' }}
      data-testid="circular-overdue"
      columns={[
        {
          title: '事项',
          key: 'item',
          render: (_, o) => (
            <>
              <Link to={`/supervision/items/${o.itemId}`}>{`${o.number} ${o.title}`}</Link>
              {isPhone && (
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {o.departmentName} · 责任人 {o.accountable ?? '未签收'} · 逾期 {o.daysOverdue} 天
                  </Typography.Text>
                </div>
              )}
            </>
          ),
        },
        { title: '承办部门', dataIndex: 'departmentName', key: 'dept', responsive: ['md'] },
        {
          title: '责任人',
          key: 'accountable',
          responsive: ['md'],
          render: (_, o) => o.accountable ?? <Typography.Text type="secondary">未签收</Typography.Text>,
        },
        { title: '办理时限', dataIndex: 'deadline', key: 'deadline', responsive: ['md'] },
        {
          title: '逾期天数',
          key: 'days',
          align: 'right',
          responsive: ['md'],
          render: (_, o) => `${o.daysOverdue} 天`,
        },
      ]}
    />
  );
}
