import type { Generated } from 'kysely';

/** Tables of migration 0006, merged into the application's DB interface (schema.ts stays untouched). */

export type CircularStatus = 'draft' | 'published' | 'archived';

export interface CircularTable {
  id: Generated<number>;
  kind: 'week' | 'month' | 'quarter' | 'half';
  period_start: string;
  period_end: string;
  status: CircularStatus;
  /** 1: the whole organisation; 0: the departments listed in circular_departments. */
  scope_all: number;
  source_type: string | null;
  title: string;
  organ_name: string;
  doc_number: string | null;
  recipients: string;
  /** JSON arrays of paragraphs: the 导语 before the statistics and the 要求 after them. */
  lead_text: string;
  closing_text: string;
  issuer: string;
  issued_on: string;
  printed_by: string;
  printed_on: string;
  /** JSON snapshot of the statistics at generation: an issued document must not change afterwards. */
  stats: string;
  generated_at: string;
  created_by: number;
  published_at: string | null;
  published_by: number | null;
  archived_at: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface CircularDepartmentTable {
  circular_id: number;
  department_id: number;
}

declare module '../../../platform/db/schema.js' {
  interface DB {
    circulars: CircularTable;
    circular_departments: CircularDepartmentTable;
  }
}
