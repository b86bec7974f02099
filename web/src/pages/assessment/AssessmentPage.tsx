import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TableColumnsType } from 'antd';
import { Alert, Button, DatePicker, Flex, Grid, Select, Table, Tooltip, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { PERIOD_KINDS } from '../../../../shared/src/supervision.js';
import { api, withQuery } from '../../api/client.js';
import { errorText } from '../../api/errors.js';
import { hasAnyRole, useCurrentUser } from '../../layout/current-user.js';
import { PageTitle } from '../../layout/PageTitle.js';
import { periodPresets, rateText } from '../circulars/labels.js';
import { useDownload } from '../circulars/queries.js';
import type { Assessment, AssessmentKind, AssessmentRow } from './types.js';
import { WeightsCard } from './WeightsCard.js';

const KINDS: AssessmentKind[] = ['month', 'quarter', 'half', 'year'];
const PICKERS = { month: 'month', quarter: 'quarter', half: 'date', year: 'year' } as const;

function columns(isPhone: boolean): TableColumnsType<AssessmentRow> {
  const num = (title: string, key: keyof AssessmentRow) => ({
    title,
    dataIndex: key,
    key,
    align: 'right' as const,
    responsive: ['lg' as const],
  });
  return [
    { title: '排名', dataIndex: 'rank', key: 'rank', align: 'center', width: 56 },
    {
      title: '部门',
      key: 'department',
      render: (_, r) => (
        <>
          <div>{r.departmentName}</div>
          {isPhone && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              按期办结率 {rateText(r.onTimeRate)} · 审核通过率 {rateText(r.reviewPassRate)} · 逾期 {r.overdue}
            </Typography.Text>
          )}
        </>
      ),
    },
    {
      title: '得分',
      key: 'score',
      align: 'right',
      onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
      render: (_, r) =>
        r.score === null ? (
          <Tooltip title="本期无交办、反馈和审核，不参与考核">
            <Typography.Text type="secondary">未考核</Typography.Text>
          </Tooltip>
        ) : (
          <Tooltip
            title={`按期办结 ${r.points.timeliness} + 审核 ${r.points.review} − 逾期 ${r.points.overdue} − 逾期反馈 ${r.points.lateFeedback}`}
          >
            <Typography.Text strong>{r.score}</Typography.Text>
          </Tooltip>
        ),
    },
    {
      title: '按期办结率',
      key: 'onTimeRate',
      align: 'right',
      responsive: ['md'],
      render: (_, r) => rateText(r.onTimeRate),
    },
    {
      title: '审核通过率',
      key: 'reviewPassRate',
      align: 'right',
      responsive: ['md'],
      render: (_, r) => rateText(r.reviewPassRate),
    },
    num('交办', 'assigned'),
    num('按期办结', 'closedOnTime'),
    num('逾期办结', 'closedLate'),
    { ...num('逾期未办结', 'overdue'), responsive: ['md'] },
    num('反馈', 'feedbacks'),
    num('逾期反馈', 'lateFeedbacks'),
    num('退回', 'returned'),
  ];
}

/** 考核排名: department scores per period from timeliness and review results, with the rule beneath. */
export default function AssessmentPage() {
  const me = useCurrentUser();
  const isPhone = Grid.useBreakpoint().md === false;
  const [kind, setKind] = useState<AssessmentKind>('month');
  const [date, setDate] = useState<Dayjs | null>(null);
  const { download, busy } = useDownload();
  const query = { kind, date: date?.format('YYYY-MM-DD') };
  const scores = useQuery({
    queryKey: ['assessment', 'scores', query],
    queryFn: () => api<Assessment>('/api/assessment', { query }),
    placeholderData: keepPreviousData,
  });
  const exportPath = withQuery('/api/assessment/export.xlsx', query);

  return (
    <>
      <PageTitle
        title="考核排名"
        extra={
          <Button
            icon={<DownloadOutlined />}
            loading={busy === exportPath}
            onClick={() => void download(exportPath, '督办工作考核.xlsx')}
          >
            导出 Excel
          </Button>
        }
      />
      <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
        <Select<AssessmentKind>
          aria-label="考核周期"
          style={{ width: isPhone ? '40%' : 140 }}
          value={kind}
          options={KINDS.map((k) => ({ value: k, label: `${PERIOD_KINDS[k]}考核` }))}
          onChange={(k) => {
            setKind(k);
            setDate(null);
          }}
        />
        <DatePicker
          aria-label="考核期间"
          picker={PICKERS[kind]}
          presets={periodPresets(kind)}
          value={date}
          onChange={setDate}
          placeholder="上一个完整期间"
          disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          style={{ width: isPhone ? '55%' : 200 }}
        />
        {scores.data && (
          <Typography.Text type="secondary">
            {scores.data.period.label}（{scores.data.period.start} 至 {scores.data.period.end}，统计截至{' '}
            {scores.data.period.cutoff}）
          </Typography.Text>
        )}
      </Flex>
      {scores.isError && (
        <Alert type="error" showIcon title={errorText(scores.error)} style={{ marginBottom: 16 }} />
      )}
      <Table<AssessmentRow>
        rowKey="departmentId"
        size={isPhone ? 'small' : 'middle'}
        bordered
        dataSource={scores.data?.rows ?? []}
        loading={scores.isFetching}
        pagination={false}
        scroll={isPhone ? undefined : { x: 'max-content' }}
        locale={{ emptyText: '本期没有部门参与考核' }}
        columns={columns(isPhone).map((c) => ({
          ...c,
          onHeaderCell: () => ({ style: { whiteSpace: 'nowrap' } }),
        }))}
        style={{ marginBottom: 16 }}
        data-testid="assessment-table"
      />
      <WeightsCard editable={hasAnyRole(me, ['supervisor'])} />
    </>
  );
}
