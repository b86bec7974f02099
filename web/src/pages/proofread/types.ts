// The proofreader's own types (its types.ts has no runtime imports, so nothing of the rules is bundled).
import type { Finding, FixResult, Severity } from '../../../../proofread/src/types.js';

export type { Finding, FixResult, Severity };

export interface CheckResult {
  findings: Finding[];
  dataVersion: { expressions: string; typos: string };
}

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'confirm'];

export const SEVERITY_LABELS: Record<Severity, string> = {
  error: '错误',
  warning: '警告',
  confirm: '请确认',
};

export const SEVERITY_COLORS: Record<Severity, string> = { error: 'red', warning: 'orange', confirm: 'blue' };

/** The server accepts at most this many UTF-16 units (server/src/modules/proofreading). */
export const MAX_TEXT_LENGTH = 4_000_000;
