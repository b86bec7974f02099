import { Card, Empty, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import type { CalendarDay } from './types.js';

interface Row {
  name: string;
  holidays: string[];
  workdays: string[];
  admin: boolean;
}

const fmt = (date: string) => dayjs(date).format('M月D日');
const fmtWeekday = (date: string) => dayjs(date).format('M月D日（ddd）');

/** Consecutive dates as ranges: 10月1日至7日. */
function ranges(dates: string[]): string[] {
  const out: string[] = [];
  let start: string | null = null;
  let prev: string | null = null;
  const close = () => {
    if (!start || !prev) return;
    const sameMonth = start.slice(0, 7) === prev.slice(0, 7);
    out.push(
      start === prev ? fmt(start) : `${fmt(start)}至${sameMonth ? dayjs(prev).format('D日') : fmt(prev)}`,
    );
  };
  for (const d of dates) {
    if (prev && dayjs(prev).add(1, 'day').format('YYYY-MM-DD') === d) prev = d;
    else {
      close();
      start = d;
      prev = d;
    }
  }
  close();
  return out;
}

/** The year's holidays and 调休 make-up days, one row per festival. */
export function summarise(days: CalendarDay[]): Row[] {
  const rows = new Map<string, { holidays: string[]; workdays: string[]; admin: boolean }>();
  for (const day of days) {
    if (!day.rule) continue;
    const name =
      day.rule.kind === 'workday' ? day.rule.name.replace(/调休上班$/, '') || day.rule.name : day.rule.name;
    const row = rows.get(name) ?? { holidays: [], workdays: [], admin: false };
    (day.rule.kind === 'holiday' ? row.holidays : row.workdays).push(day.date);
    row.admin ||= day.rule.source === 'admin';
    rows.set(name, row);
  }
  return [...rows.entries()].map(([name, r]) => ({
    name,
    holidays: ranges(r.holidays),
    workdays: r.workdays.map(fmtWeekday),
    admin: r.admin,
  }));
}

/** Each date or range stays on one line; the list wraps between them. */
function Dates({ dates }: { dates: string[] }) {
  if (dates.length === 0) return <>—</>;
  return (
    <>
      {dates.map((d, i) => (
        <span key={d} style={{ whiteSpace: 'nowrap' }}>
          {d}
          {i < dates.length - 1 ? '、' : ''}
        </span>
      ))}
    </>
  );
}

export function HolidaySummary({ days }: { days: CalendarDay[] }) {
  const rows = summarise(days);
  return (
    <Card size="small" title="节假日与调休安排" style={{ marginBottom: 16 }} data-testid="holiday-summary">
      {rows.length === 0 ? (
        <Empty description="本年尚无节假日数据" />
      ) : (
        <Table<Row>
          rowKey="name"
          size="small"
          pagination={false}
          dataSource={rows}
          columns={[
            {
              title: '节日',
              key: 'name',
              render: (_, r) => (
                <span style={{ whiteSpace: 'nowrap' }}>
                  {r.name}
                  {r.admin && (
                    <Tag color="purple" style={{ marginInlineStart: 4 }}>
                      人工
                    </Tag>
                  )}
                </span>
              ),
            },
            { title: '放假', key: 'holidays', render: (_, r) => <Dates dates={r.holidays} /> },
            { title: '调休上班', key: 'workdays', render: (_, r) => <Dates dates={r.workdays} /> },
          ]}
        />
      )}
    </Card>
  );
}
