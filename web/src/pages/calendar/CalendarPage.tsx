import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Flex, Input, Modal, Row, Select, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../api/client.js';
import { errorText, useReportError } from '../../api/errors.js';
import { hasAnyRole, useCurrentUser } from '../../layout/current-user.js';
import { PageTitle } from '../../layout/PageTitle.js';
import { DayEditModal } from './DayEditModal.js';
import { HolidaySummary } from './HolidaySummary.js';
import { DAY_COLORS, MonthGrid } from './MonthGrid.js';
import type { CalendarDay, CalendarYear, YearSource } from './types.js';

const SOURCE: Record<YearSource, { label: string; color: string }> = {
  official: { label: '国务院公布的官方数据', color: 'green' },
  confirmed: { label: '已人工录入并确认', color: 'blue' },
  none: { label: '尚未公布或录入', color: 'orange' },
};

const LEGEND = [
  { look: DAY_COLORS.working, label: '工作日' },
  { look: DAY_COLORS.weekend, label: '周末' },
  { look: DAY_COLORS.holiday, label: '法定节假日' },
  { look: DAY_COLORS.workday, label: '调休上班' },
];

function Legend() {
  return (
    <Space wrap size={12}>
      {LEGEND.map(({ look, label }) => (
        <Space key={label} size={4}>
          <span
            style={{
              display: 'inline-block',
              width: 14,
              height: 14,
              borderRadius: 3,
              background: look.background,
              border: `1px solid ${look.border}`,
              verticalAlign: 'middle',
            }}
          />
          <span>{label}</span>
        </Space>
      ))}
    </Space>
  );
}

/** 工作日历: everyone reads it; the system administrator enters holidays for unpublished years and confirms them. */
export default function CalendarPage() {
  const me = useCurrentUser();
  const isAdmin = hasAnyRole(me, ['system_admin']);
  const client = useQueryClient();
  const { message } = App.useApp();
  const report = useReportError();
  const [params, setParams] = useSearchParams();
  const thisYear = dayjs().year();
  const asked = Number(params.get('year'));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : thisYear;
  const [editing, setEditing] = useState<CalendarDay | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [note, setNote] = useState('');

  const calendar = useQuery({
    queryKey: ['calendar', year],
    queryFn: () => api<CalendarYear>('/api/calendar', { query: { year } }),
  });
  const refresh = () => client.invalidateQueries({ queryKey: ['calendar'] });
  const status = calendar.data?.status;

  const confirmYear = async () => {
    try {
      await api(`/api/calendar/years/${year}`, { method: 'PUT', body: { note: note.trim() } });
      setConfirming(false);
      setNote('');
      void message.success(`已确认 ${year} 年的节假日安排`);
      void refresh();
    } catch (error) {
      report(error);
    }
  };
  const unconfirm = () =>
    api(`/api/calendar/years/${year}`, { method: 'DELETE' })
      .then(() => void message.success(`已撤销 ${year} 年的确认`))
      .catch(report)
      .finally(() => void refresh());

  const years = Array.from({ length: 6 }, (_, i) => thisYear - 2 + i);
  const months = Array.from({ length: 12 }, (_, i) => i + 1);

  return (
    <>
      <PageTitle
        title="工作日历"
        extra={
          <Select<number>
            aria-label="年份"
            value={year}
            onChange={(y) => setParams(y === thisYear ? {} : { year: String(y) })}
            options={years.map((y) => ({ value: y, label: `${y} 年` }))}
            style={{ width: 120 }}
          />
        }
      />
      {calendar.isError && (
        <Alert type="error" showIcon title={errorText(calendar.error)} style={{ marginBottom: 16 }} />
      )}
      {status?.source === 'none' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="year-warning"
          title={`${year} 年的节假日安排尚未公布或录入，截止日期按普通周末计算`}
          description={
            isAdmin
              ? '国务院办公厅公布放假安排后，请点击日期逐日录入放假和调休上班日，全部录入后点击“确认本年已录入完整”。'
              : '涉及该年份的办理时限可能与实际放假安排不符，请留意。'
          }
        />
      )}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex wrap gap={12} justify="space-between" align="center">
          <Space wrap size={8}>
            <Typography.Text strong>{year} 年数据来源：</Typography.Text>
            {status && <Tag color={SOURCE[status.source].color}>{SOURCE[status.source].label}</Tag>}
            {status?.note && <Typography.Text type="secondary">{status.note}</Typography.Text>}
          </Space>
          <Legend />
          {isAdmin && status?.source === 'none' && (
            <Button type="primary" onClick={() => setConfirming(true)}>
              确认本年已录入完整
            </Button>
          )}
          {isAdmin && status?.source === 'confirmed' && (
            <Button onClick={() => void unconfirm()}>撤销确认</Button>
          )}
        </Flex>
        {isAdmin && (
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
            点击日期可设置为放假或调休上班，或清除人工设置。
          </Typography.Text>
        )}
      </Card>
      {calendar.data && <HolidaySummary days={calendar.data.days} />}
      <Row gutter={[12, 12]}>
        {months.map((m) => (
          <Col key={m} xs={24} sm={12} lg={8} xxl={6}>
            <MonthGrid
              month={m}
              days={(calendar.data?.days ?? []).filter((d) => Number(d.date.slice(5, 7)) === m)}
              onPick={isAdmin ? setEditing : undefined}
            />
          </Col>
        ))}
      </Row>
      <DayEditModal
        day={editing}
        onClose={() => setEditing(null)}
        onSaved={(text) => {
          setEditing(null);
          void message.success(text);
          void refresh();
        }}
      />
      <Modal
        open={confirming}
        title={`确认 ${year} 年节假日已录入完整`}
        okText="确认"
        okButtonProps={{ disabled: !note.trim() }}
        onOk={() => void confirmYear()}
        onCancel={() => setConfirming(false)}
      >
        <Typography.Paragraph>确认后，涉及该年份的截止日期将不再提示“按普通周末计算”。</Typography.Paragraph>
        <Input
          placeholder="依据，如：国办发明电〔2026〕7号"
          aria-label="确认依据"
          maxLength={200}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </Modal>
    </>
  );
}
