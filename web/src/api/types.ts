import type { Role } from '../../../shared/src/roles.js';

export type Stage = 'full' | 'totp' | 'enroll_totp' | 'change_password';

export interface SessionUser {
  id: number;
  login: string;
  name: string;
  departmentId: number | null;
  roles: Role[];
}

export interface SessionInfo {
  user: SessionUser | null;
  stage: Stage | null;
  csrfToken: string;
}

export interface StageResult {
  stage: Stage;
}

export interface User extends SessionUser {
  status: 'active' | 'disabled';
  locked: boolean;
  lockedUntil: string | null;
  totpEnabled: boolean;
  mustChangePassword: boolean;
  passwordChangedAt: string;
  isDemo: boolean;
  version: number;
}

export type Colleague = SessionUser;

export interface Page<T> {
  total: number;
  items: T[];
}

export interface Department {
  id: number;
  parentId: number | null;
  name: string;
  code: string;
  sortOrder: number;
  version: number;
}

export interface Branch {
  id: number;
  departmentId: number;
  name: string;
}

export interface DepartmentList {
  items: Department[];
  branches: Branch[];
}

export interface PasswordPolicyHint {
  minLength: number;
  minClasses: number;
  historyCount: number;
}

export interface AccountInfo {
  user: User;
  passwordExpiresAt: string | null;
  totpRequired: boolean;
  policy: PasswordPolicyHint;
}

export interface TotpSetup {
  secret: string;
  uri: string;
}

export interface SecurityPolicy {
  minLength: number;
  minClasses: number;
  historyCount: number;
  maxAgeDays: number;
  lockThreshold: number;
  lockMinutes: number;
  idleMinutes: number;
  absoluteHours: number;
  totpRequiredRoles: Role[];
  version: number;
}

export type AuditOutcome = 'success' | 'failure' | 'denied';

export interface AuditEntry {
  seq: number;
  at: string;
  actorId: number | null;
  actorLogin: string | null;
  action: string;
  objectType: string | null;
  objectId: string | number | null;
  outcome: AuditOutcome;
  changes: Record<string, unknown> | null;
  clientIp: string | null;
}

export interface AuditVerifyResult {
  ok: boolean;
  rows: number;
  checkpoints: number;
  firstBad: null | { seq: number; reason: string };
}

export type TodoSeverity = 'info' | 'warning' | 'danger';

export interface TodoItem {
  id: string | number;
  kind: string;
  title: string;
  detail: string;
  link: string | null;
  dueAt: string | null;
  severity: TodoSeverity;
}
