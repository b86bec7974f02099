/** The dashboard's and the department view's API shapes (server: supervision/dashboard/presenter.ts). */

export type PeriodKind = 'week' | 'month' | 'quarter' | 'half' | 'year';

export interface LightCounts {
  red: number;
  yellow: number;
  green: number;
  total: number;
}

export interface RatedCounts {
  assigned: number;
  closedOnTime: number;
  closedLate: number;
  overdue: number;
  inProgress: number;
  onTimeRate: number | null;
}

export interface Period {
  kind: PeriodKind;
  start: string;
  end: string;
  label: string;
}

export interface Dashboard {
  period: Period;
  today: string;
  scope: { departmentId: number | null; departmentName: string | null };
  lights: LightCounts;
  closed: { onTime: number; late: number; onTimeRate: number | null };
  totals: RatedCounts;
  trend: {
    unit: 'week' | 'month';
    buckets: { label: string; start: string; end: string; assigned: number; closed: number }[];
  };
  ranking: (RatedCounts & { rank: number; departmentId: number; departmentName: string })[];
  sources: { sourceType: string; red: number; yellow: number; green: number; total: number }[];
  watched: {
    id: number;
    number: string;
    title: string;
    sourceType: string;
    deadline: string | null;
    light: 'red' | 'yellow' | 'green';
    responsible: boolean;
  }[];
}

export interface Work {
  assignmentId: number;
  itemId: number;
  number: string;
  title: string;
  status: string;
  accountable: string | null;
  deadline: string | null;
  feedbackDue: string | null;
}

export interface DepartmentOverview {
  department: { id: number; name: string };
  today: string;
  period: Period;
  lights: LightCounts;
  byStatus: { status: string; total: number; red: number; yellow: number; green: number }[];
  overdue: (Work & { daysOverdue: number })[];
  dueSoon: Work[];
  people: { userId: number; name: string; open: number; red: number; yellow: number }[];
  unsigned: { open: number; red: number; yellow: number } | null;
  rate: { department: RatedCounts; organisation: RatedCounts };
}

export const PERIOD_OPTIONS: { value: PeriodKind; label: string }[] = [
  { value: 'week', label: '本周' },
  { value: 'month', label: '本月' },
  { value: 'quarter', label: '本季度' },
  { value: 'half', label: '本半年' },
  { value: 'year', label: '本年度' },
];

export const rateText = (rate: number | null) => (rate === null ? '—' : `${rate}%`);
