import type { Finding, Paragraph, Severity } from './types.js';

export interface Correction {
  /** Certain correction: applied by fix(). */
  replacement?: string;
  /** Likely correction a person should confirm: never applied automatically. */
  suggestion?: string;
}

/** Builds a finding from paragraph-local offsets. */
export function finding(
  p: Paragraph,
  ruleId: string,
  severity: Severity,
  from: number,
  to: number,
  message: string,
  correction: Correction = {},
): Finding {
  const f: Finding = { ruleId, severity, start: p.start + from, end: p.start + to, message };
  if (correction.replacement !== undefined) f.replacement = correction.replacement;
  if (correction.suggestion !== undefined) f.suggestion = correction.suggestion;
  return f;
}
