/** The shapes of the 台账 import (server/src/modules/supervision/ledger/presenter.ts and import.ts). */

export interface LedgerIssue {
  row: number;
  column: string;
  message: string;
}

export interface ImportedRow {
  row: number;
  title: string;
  sourceType: string;
  urgency: string;
  responsibleLeader: string | null;
  leadDepartment: string;
  assistDepartments: string[];
  deadline: string | null;
  workingDays: number | null;
  feedbackCycle: string;
  standing: boolean;
  tags: string[];
  item: { id: number; number: string; status: string } | null;
}

export interface ImportResult {
  dryRun: boolean;
  count: number;
  rows: ImportedRow[];
  warnings: string[];
}

/** A refused file: the server's summary and, when the rows were read, each problem by row and column. */
export interface ImportRefusal {
  message: string;
  errors: LedgerIssue[];
  total: number;
}
