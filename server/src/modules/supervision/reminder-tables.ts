import type { Generated } from 'kysely';

/** Tables of reminders and 催办 (migration 0005_reminders), merged into the one DB interface. */

export interface ReminderTable {
  id: Generated<number>;
  assignment_id: number;
  /** `deadline_before`, `feedback_overdue`, …: what falls due, and when the reminder is relative to it. */
  kind: string;
  due_date: string;
  /** 0 the accountable person, 1 the department head, 2 the responsible leader. */
  level: number;
  /** The feedback period (2026-W10, 2026-03, …) for feedback reminders. */
  period: string | null;
  created_at: string;
}

export interface ChaseTable {
  id: Generated<number>;
  assignment_id: number;
  item_id: number;
  chaser_id: number;
  message: string;
  created_at: string;
  reply: string | null;
  replied_by: number | null;
  replied_at: string | null;
}

export interface ChaseRecipientTable {
  chase_id: number;
  user_id: number;
  read_at: string | null;
}

declare module '../../platform/db/schema.js' {
  interface DB {
    reminders: ReminderTable;
    chases: ChaseTable;
    chase_recipients: ChaseRecipientTable;
  }
}
