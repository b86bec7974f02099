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
}

/** What services take: the database itself or a transaction they work in. */
export type Db = Kysely<DB>;
export type Tx = Transaction<DB>;
export type Executor = Db | Tx;
