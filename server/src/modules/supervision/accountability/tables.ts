import type { Generated } from 'kysely';

/** The accountability table of migration 0006, merged into the application's DB interface. */

export type AccountabilityStatus = 'open' | 'rectifying' | 'closed';

export interface AccountabilityRecordTable {
  id: Generated<number>;
  assignment_id: number;
  item_id: number;
  department_id: number;
  /** Why the assignment qualified: overdue, closed late, or returned at review. */
  basis: 'overdue' | 'closed_late' | 'returned';
  kind: 'interview' | 'criticism' | 'written_review' | 'admonition' | 'other';
  reason: string;
  responsible_user_id: number;
  decided_by: number;
  decided_on: string;
  status: AccountabilityStatus;
  rectification_note: string | null;
  closing_note: string | null;
  closed_by: number | null;
  closed_at: string | null;
  created_by: number;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

declare module '../../../platform/db/schema.js' {
  interface DB {
    accountability_records: AccountabilityRecordTable;
  }
}
