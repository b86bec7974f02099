import { Card, Tooltip } from 'antd';
import dayjs from 'dayjs';
import type { CalendarDay } from './types.js';

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];

export const DAY_COLORS = {
  holiday: { background: '#fff1f0', color: '#cf1322', border: '#ffa39e' },
  workday: { background: '#e6f4ff', color: '#0958d9', border: '#91caff' },
  weekend: { background: '#fafafa', color: '#8c8c8c', border: '#f0f0f0' },
  working: { background: '#ffffff', color: 'rgba(0,0,0,0.88)', border: '#f0f0f0' },
} as const;

export type DayLook = keyof typeof DAY_COLORS;

export function lookOf(day: CalendarDay): DayLook {
  if (day.rule?.kind === 'holiday') return 'holiday';
  if (day.rule?.kind === 'workday') return 'workday';
  return day.working ? 'working' : 'weekend';
}

function describe(day: CalendarDay): string {
  const date = dayjs(day.date).format('M月D日 dddd');
  if (day.rule?.kind === 'holiday') return `${date}：${day.rule.name}（放假）`;
  if (day.rule?.kind === 'workday') return `${date}：${day.rule.name}`;
  return `${date}：${day.working ? '工作日' : '休息日'}`;
}

interface Props {
  month: number;
  days: CalendarDay[];
  onPick?: (day: CalendarDay) => void;
}

/** One month, Monday first; holidays red with their name, 调休上班 days blue, weekends grey. */
export function MonthGrid({ month, days, onPick }: Props) {
  const first = days[0];
  const offset = first ? (dayjs(first.date).day() + 6) % 7 : 0;
  const cells: (CalendarDay | null)[] = [...Array<null>(offset).fill(null), ...days];
  return (
    <Card size="small" title={`${month} 月`} styles={{ body: { padding: 8 } }} data-testid={`month-${month}`}>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, minmax(0, 1fr))', gap: 2 }}>
        {WEEKDAYS.map((w) => (
          <div key={w} style={{ textAlign: 'center', fontSize: 12, color: '#8c8c8c' }}>
            {w}
          </div>
        ))}
        {cells.map((day, i) => {
          if (!day) return <div key={`blank-${i}`} />;
          const look = DAY_COLORS[lookOf(day)];
          const cell = (
            <div
              role={onPick ? 'button' : undefined}
              tabIndex={onPick ? 0 : undefined}
              aria-label={describe(day)}
              data-date={day.date}
              onClick={onPick ? () => onPick(day) : undefined}
              onKeyDown={onPick ? (e) => e.key === 'Enter' && onPick(day) : undefined}
              style={{
                background: look.background,
                color: look.color,
                border: `1px solid ${look.border}`,
                borderRadius: 4,
                minHeight: 38,
                padding: '2px 1px',
                textAlign: 'center',
                cursor: onPick ? 'pointer' : 'default',
                overflow: 'hidden',
              }}
            >
              <div style={{ fontSize: 13, lineHeight: '16px', fontWeight: day.rule ? 600 : 400 }}>
                {Number(day.date.slice(8))}
              </div>
              {day.rule && (
                <div
                  style={{
                    fontSize: 10,
                    lineHeight: '14px',
                    whiteSpace: 'nowrap',
                    overflow: 'hidden',
                    textOverflow: 'ellipsis',
                  }}
                >
                  {day.rule.kind === 'holiday' ? day.rule.name : '班'}
                </div>
              )}
            </div>
          );
          return (
            <Tooltip key={day.date} title={describe(day)} mouseEnterDelay={0.3}>
              {cell}
            </Tooltip>
          );
        })}
      </div>
    </Card>
  );
}
