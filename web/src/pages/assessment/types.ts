/** API shapes of /api/assessment (server: supervision/assessment/presenter.ts). */
export type AssessmentKind = 'month' | 'quarter' | 'half' | 'year';

export interface Weights {
  onTimeRate: number;
  reviewPassRate: number;
  perOverdue: number;
  perLateFeedback: number;
}

export interface AssessmentRow {
  rank: number;
  departmentId: number;
  departmentName: string;
  assigned: number;
  closedOnTime: number;
  closedLate: number;
  overdue: number;
  inProgress: number;
  onTimeRate: number | null;
  feedbacks: number;
  lateFeedbacks: number;
  reviews: number;
  returned: number;
  reviewPassRate: number | null;
  points: { timeliness: number; review: number; overdue: number; lateFeedback: number };
  score: number | null;
}

export interface Assessment {
  period: { kind: string; start: string; end: string; label: string; cutoff: string };
  weights: Weights;
  rows: AssessmentRow[];
}
