import type { Light } from './labels.js';

/** The shapes of the supervision API (server/src/modules/supervision/routes/schemas.ts). */

export interface Person {
  id: number;
  name: string;
}

export interface ItemSummary {
  id: number;
  number: string;
  title: string;
  sourceType: string;
  urgency: string;
  status: string;
  standing: boolean;
  parentId: number | null;
  responsibleLeader: Person | null;
  deadline: string | null;
  light: Light;
  departments: { departmentId: number; role: string; status: string }[];
  createdAt: string;
  version: number;
}

export interface Feedback {
  id: number;
  period: string;
  dueDate: string;
  content: string;
  submittedBy: string;
  submittedAt: string;
  onTime: boolean;
  status: string;
  returnReason: string | null;
  version: number;
}

export interface Extension {
  id: number;
  oldDeadline: string;
  newDeadline: string;
  reason: string;
  status: string;
  requestedAt: string;
  decisionNote: string | null;
}

export interface Assignment {
  id: number;
  departmentId: number;
  departmentName: string;
  role: string;
  status: string;
  accountable: Person | null;
  deadline: string | null;
  feedbackCycle: string;
  light: Light;
  nextFeedbackDue: string | null;
  completionEvidence: string | null;
  returnReason: string | null;
  closedOnTime: boolean | null;
  version: number;
  mine: boolean;
  feedbacks: Feedback[];
  extensions: Extension[];
}

export interface TimelineEntry {
  at: string;
  actor: string | null;
  kind: string;
  summary: string;
  assignmentId: number | null;
}

export interface ItemDetail extends ItemSummary {
  requirements: string;
  sourceRef: Record<string, unknown>;
  difficult: boolean;
  feedbackCycle: string;
  tags: string[];
  returnReason: string | null;
  watchers: Person[];
  assignments: Assignment[];
  children: ItemSummary[];
  timeline: TimelineEntry[];
}

/** The answer to a feedback submission: the feedback alone; the page refetches the item for lights and timeline. */
export interface SubmittedFeedback {
  assignmentId: number;
  feedback: Feedback;
}

export interface AssignResult {
  item: ItemDetail;
  warnings: string[];
}

export interface WorkingDaysResult {
  date: string;
  unconfirmedYears: number[];
  warning: string | null;
}
