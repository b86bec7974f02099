import type { Generated, Kysely, Transaction } from 'kysely';

/** Timestamps are ISO-8601 UTC strings on both databases (see database.ts). Flags are 0/1 integers. */
export interface DepartmentTable {
  id: Generated<number>;
  parent_id: number | null;
  name: string;
  code: string;
  sort_order: number;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface BranchTable {
  id: Generated<number>;
  department_id: number;
  name: string;
  created_at: string;
}

export interface UserTable {
  id: Generated<number>;
  login: string;
  name: string;
  department_id: number | null;
  status: 'active' | 'disabled';
  password_hash: string;
  password_changed_at: string;
  must_change_password: number;
  failed_logins: number;
  locked_until: string | null;
  totp_secret: string | null;
  totp_enabled: number;
  is_demo: number;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface UserRoleTable {
  user_id: number;
  role: string;
}

export interface PasswordHistoryTable {
  id: Generated<number>;
  user_id: number;
  password_hash: string;
  created_at: string;
}

export interface SessionTable {
  id: string;
  user_id: number;
  csrf_token: string;
  stage: 'full' | 'totp' | 'enroll_totp' | 'change_password';
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  revoked_at: string | null;
  client_ip: string;
  user_agent: string;
}

export interface AuditLogTable {
  seq: Generated<number>;
  at: string;
  actor_id: number | null;
  actor_login: string | null;
  action: string;
  object_type: string;
  object_id: string | null;
  outcome: 'success' | 'failure' | 'denied';
  changes: string;
  client_ip: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditCheckpointTable {
  id: Generated<number>;
  at: string;
  head_seq: number;
  row_count: number;
  head_hash: string;
  mac: string;
}

export interface IdempotencyKeyTable {
  scope: string;
  key: string;
  request_hash: string;
  status_code: number;
  response_body: string;
  created_at: string;
}

export interface JobTable {
  id: Generated<number>;
  name: string;
  payload: string;
  unique_key: string | null;
  status: 'queued' | 'running' | 'done' | 'failed';
  run_at: string;
  attempts: number;
  max_attempts: number;
  locked_by: string | null;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

export interface JobScheduleTable {
  name: string;
  interval_seconds: number;
  next_run_at: string;
}

export interface SettingTable {
  key: string;
  value: string;
  version: Generated<number>;
  updated_at: string;
}

export interface CalendarDayTable {
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
  updated_by: number | null;
  updated_at: string;
}

export interface CalendarYearTable {
  year: number;
  note: string;
  confirmed_by: number | null;
  confirmed_at: string;
}

export type ItemStatus = 'draft' | 'pending_approval' | 'approved' | 'assigned' | 'closed' | 'suspended';
export type AssignmentStatus =
  | 'assigned'
  | 'acknowledged'
  | 'completion_requested'
  | 'completion_approved'
  | 'leader_read'
  | 'closed'
  | 'suspended';
export type FeedbackCycle = 'weekly' | 'monthly' | 'quarterly' | 'half_yearly' | 'once';

export interface ItemTable {
  id: Generated<number>;
  year: number;
  seq: number;
  number: string;
  title: string;
  requirements: string;
  source_type: string;
  source_ref: string;
  urgency: 'extra_urgent' | 'urgent' | 'normal';
  difficult: number;
  responsible_leader_id: number | null;
  parent_id: number | null;
  status: ItemStatus;
  deadline: string | null;
  working_days: number | null;
  feedback_cycle: FeedbackCycle;
  standing: number;
  tags: string;
  created_by: number;
  return_reason: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
}

export interface ItemWatcherTable {
  item_id: number;
  user_id: number;
}

export interface AssignmentTable {
  id: Generated<number>;
  item_id: number;
  department_id: number;
  role: 'lead' | 'assist';
  status: AssignmentStatus;
  accountable_user_id: number | null;
  deadline: string | null;
  feedback_cycle: FeedbackCycle;
  assigned_at: string;
  acknowledged_at: string | null;
  completion_evidence: string | null;
  completion_requested_at: string | null;
  return_reason: string | null;
  closed_at: string | null;
  closed_on_time: number | null;
  version: Generated<number>;
  updated_at: string;
  /** The item's, copied at 交办 (0017) so light counts need no join. */
  source_type: string;
  standing: number;
  /** While signed (`acknowledged`): the first feedback period not yet delivered (0017, owed-periods.ts). */
  feedback_owed_start: string | null;
  feedback_owed_end: string | null;
  /** The item's status, kept by triggers (0022): a department's items of one status in index order. */
  item_status: Generated<string>;
}

export interface FeedbackTable {
  id: Generated<number>;
  assignment_id: number;
  period: string;
  due_date: string;
  content: string;
  submitted_by: number;
  submitted_at: string;
  on_time: number;
  status: 'submitted' | 'head_approved' | 'approved' | 'returned';
  head_reviewed_by: number | null;
  office_reviewed_by: number | null;
  return_reason: string | null;
  version: Generated<number>;
  updated_at: string;
}

export interface ExtensionTable {
  id: Generated<number>;
  assignment_id: number;
  old_deadline: string;
  new_deadline: string;
  reason: string;
  status: 'pending' | 'approved' | 'refused';
  requested_by: number;
  requested_at: string;
  decided_by: number | null;
  decided_at: string | null;
  decision_note: string | null;
}

export interface ItemEventTable {
  id: Generated<number>;
  item_id: number;
  assignment_id: number | null;
  at: string;
  actor_id: number | null;
  kind: string;
  summary: string;
}

export interface DB {
  departments: DepartmentTable;
  branches: BranchTable;
  users: UserTable;
  user_roles: UserRoleTable;
  password_history: PasswordHistoryTable;
  sessions: SessionTable;
  audit_log: AuditLogTable;
  audit_checkpoints: AuditCheckpointTable;
  idempotency_keys: IdempotencyKeyTable;
  jobs: JobTable;
  job_schedules: JobScheduleTable;
  settings: SettingTable;
  calendar_days: CalendarDayTable;
  calendar_years: CalendarYearTable;
  items: ItemTable;
  item_watchers: ItemWatcherTable;
  assignments: AssignmentTable;
  feedbacks: FeedbackTable;
  extensions: ExtensionTable;
  item_events: ItemEventTable;
}

/** What services take: the database itself or a transaction they work in. */
export type Db = Kysely<DB>;
export type Tx = Transaction<DB>;
export type Executor = Db | Tx;
