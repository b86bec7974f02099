import { Alert, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { ITEM_STATUSES, SOURCE_TYPES, URGENCIES } from '../supervision/labels.js';
import type { ImportRefusal, ImportResult, ImportedRow, LedgerIssue } from './types.js';

const label = (names: Record<string, string>, code: string) => names[code] ?? code;
/** Short values stay on one line; the title and departments take the wrapping. */
const nowrap = (text: string) => <span style={{ whiteSpace: 'nowrap' }}>{text}</span>;

/** Every problem in the file, by the row and column Excel shows, so one round of corrections suffices. */
export function ImportErrors({ refusal, compact }: { refusal: ImportRefusal; compact: boolean }) {
  const shown = refusal.errors.length;
  return (
    <>
      <Alert
        type="error"
        showIcon
        title={refusal.message}
        description={
          shown > 0
            ? `请按下表逐处修改台账后重新上传${refusal.total > shown ? `（共 ${refusal.total} 处，列出前 ${shown} 处）` : ''}。`
            : undefined
        }
        style={{ marginBottom: 12 }}
      />
      {shown > 0 && (
        <Table<LedgerIssue & { key: number }>
          data-testid="ledger-errors"
          size="small"
          rowKey="key"
          dataSource={refusal.errors.map((e, key) => ({ ...e, key }))}
          pagination={shown > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          columns={[
            { title: '行', dataIndex: 'row', width: compact ? 48 : 64 },
            { title: '列', dataIndex: 'column', width: compact ? 110 : 160, render: (c: string) => c || '—' },
            { title: '原因', dataIndex: 'message' },
          ]}
        />
      )}
    </>
  );
}

/** What a dry run would create, or the items the import created, each linking to its page. */
export function ImportRows({ result, compact }: { result: ImportResult; compact: boolean }) {
  const summary = result.dryRun
    ? `检查通过：共 ${result.count} 行，没有发现错误，可以导入。`
    : `已导入 ${result.count} 个督办事项。`;
  return (
    <>
      <Alert
        type={result.dryRun ? 'info' : 'success'}
        showIcon
        title={summary}
        description={result.warnings.length > 0 ? result.warnings.join('；') : undefined}
        style={{ marginBottom: 12 }}
      />
      <Table<ImportedRow>
        data-testid="ledger-rows"
        size="small"
        rowKey="row"
        dataSource={result.rows}
        pagination={result.rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        columns={[
          { title: '行', dataIndex: 'row', width: compact ? 40 : 56 },
          {
            title: '编号',
            key: 'number',
            render: (_, r) =>
              r.item ? (
                <Link to={`/supervision/items/${r.item.id}`} style={{ whiteSpace: 'nowrap' }}>
                  {r.item.number}
                </Link>
              ) : (
                '导入后编号'
              ),
          },
          { title: '标题', dataIndex: 'title' },
          ...(compact
            ? []
            : [
                {
                  title: '来源',
                  key: 'source',
                  render: (_: unknown, r: ImportedRow) => nowrap(label(SOURCE_TYPES, r.sourceType)),
                },
                {
                  title: '紧急',
                  key: 'urgency',
                  render: (_: unknown, r: ImportedRow) => nowrap(label(URGENCIES, r.urgency)),
                },
                {
                  title: '承办部门',
                  key: 'departments',
                  render: (_: unknown, r: ImportedRow) => (
                    <>
                      {r.leadDepartment}（主办）
                      {r.assistDepartments.length > 0 && (
                        <Typography.Text type="secondary">
                          ，{r.assistDepartments.join('、')}（协办）
                        </Typography.Text>
                      )}
                    </>
                  ),
                },
                {
                  title: '办理时限',
                  key: 'deadline',
                  render: (_: unknown, r: ImportedRow) =>
                    nowrap(
                      r.standing
                        ? '长期坚持'
                        : (r.deadline ?? (r.workingDays ? `${r.workingDays} 个工作日` : '默认时限')),
                    ),
                },
              ]),
          {
            title: '状态',
            key: 'status',
            render: (_, r) => (r.item ? <Tag>{label(ITEM_STATUSES, r.item.status)}</Tag> : '待导入'),
          },
        ]}
      />
    </>
  );
}
