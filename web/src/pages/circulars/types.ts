import type { CircularStatus } from '../../../../shared/src/supervision.js';

/** API shapes of /api/circulars (server: supervision/circulars/presenter.ts). */

export type CircularKind = 'week' | 'month' | 'quarter' | 'half';

export interface RatedCounts {
  assigned: number;
  closedOnTime: number;
  closedLate: number;
  overdue: number;
  inProgress: number;
  onTimeRate: number | null;
}

export interface Period {
  kind: string;
  start: string;
  end: string;
  label: string;
  cutoff: string;
}

export interface DepartmentStats extends RatedCounts {
  departmentId: number;
  departmentName: string;
  rank: number;
  previous: RatedCounts & { rank: number | null };
  delta: RatedCounts;
}

export interface OverdueEntry {
  assignmentId: number;
  itemId: number;
  number: string;
  title: string;
  departmentName: string;
  accountable: string | null;
  deadline: string;
  daysOverdue: number;
}

export interface CircularStats {
  period: Period;
  previousPeriod: Period;
  totals: RatedCounts;
  previousTotals: RatedCounts;
  delta: RatedCounts;
  departments: DepartmentStats[];
  overdue: { total: number; items: OverdueEntry[] };
}

export interface CoveringText {
  title: string;
  organName: string;
  docNumber: string | null;
  recipients: string;
  lead: string[];
  closing: string[];
  issuer: string;
  issuedOn: string;
  printedBy: string;
  printedOn: string;
}

export interface CircularSummary {
  id: number;
  kind: CircularKind;
  kindLabel: string;
  periodLabel: string;
  periodStart: string;
  periodEnd: string;
  title: string;
  status: CircularStatus;
  scopeAll: boolean;
  sourceType: string | null;
  publishedAt: string | null;
  archivedAt: string | null;
  createdAt: string;
  version: number;
}

export interface CircularDetail extends CircularSummary {
  departmentIds: number[];
  text: CoveringText;
  sentences: { overall: string; comparison: string; departments: string; overdue: string };
  stats: CircularStats;
  generatedAt: string;
}
