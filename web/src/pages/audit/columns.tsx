import { Space, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import type { AuditEntry } from '../../api/types.js';
import { OBJECT_LABELS, OUTCOME_LABELS, actionLabel } from './labels.js';

function Actor({ row }: { row: AuditEntry }) {
  if (row.actorLogin) return <>{row.actorLogin}</>;
  return row.actorId === null ? (
    <Typography.Text type="secondary">系统</Typography.Text>
  ) : (
    <>{`#${row.actorId}`}</>
  );
}

function Action({ action }: { action: string }) {
  return (
    <Tooltip title={action}>
      <span>{actionLabel(action)}</span>
    </Tooltip>
  );
}

function Outcome({ outcome }: { outcome: AuditEntry['outcome'] }) {
  const o = OUTCOME_LABELS[outcome] ?? { label: outcome, color: 'default' };
  return <Tag color={o.color}>{o.label}</Tag>;
}

const objectText = (row: AuditEntry) =>
  row.objectType === null
    ? '—'
    : `${OBJECT_LABELS[row.objectType] ?? row.objectType}${row.objectId === null ? '' : ` #${String(row.objectId)}`}`;

/** Desktop: one fact per column. Phone (compact): time on two lines, action over actor, outcome. */
export function auditColumns(compact: boolean): TableColumnsType<AuditEntry> {
  if (compact) {
    return [
      {
        title: '时间',
        key: 'at',
        render: (_, row) => (
          <Space orientation="vertical" size={0}>
            <span>{dayjs(row.at).format('YYYY-MM-DD')}</span>
            <Typography.Text type="secondary">{dayjs(row.at).format('HH:mm:ss')}</Typography.Text>
          </Space>
        ),
      },
      {
        title: '操作 / 操作人',
        key: 'action',
        render: (_, row) => (
          <Space orientation="vertical" size={0}>
            <Action action={row.action} />
            <Typography.Text type="secondary">
              <Actor row={row} />
            </Typography.Text>
          </Space>
        ),
      },
      { title: '结果', key: 'outcome', render: (_, row) => <Outcome outcome={row.outcome} /> },
    ];
  }
  return [
    { title: '序号', dataIndex: 'seq', key: 'seq', width: 80 },
    { title: '时间', key: 'at', render: (_, row) => dayjs(row.at).format('YYYY-MM-DD HH:mm:ss') },
    { title: '操作人', key: 'actor', render: (_, row) => <Actor row={row} /> },
    { title: '操作', key: 'action', render: (_, row) => <Action action={row.action} /> },
    { title: '对象', key: 'object', responsive: ['lg'], render: (_, row) => objectText(row) },
    { title: '结果', key: 'outcome', width: 80, render: (_, row) => <Outcome outcome={row.outcome} /> },
    { title: '来源 IP', key: 'ip', responsive: ['xl'], render: (_, row) => row.clientIp ?? '—' },
  ];
}

/** The recorded changes, as indented JSON text (never as HTML). */
export function ChangesView({ row }: { row: AuditEntry }) {
  if (!row.changes || Object.keys(row.changes).length === 0)
    return <Typography.Text type="secondary">无变更内容</Typography.Text>;
  return (
    <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 12 }}>
      {JSON.stringify(row.changes, null, 2)}
    </pre>
  );
}
