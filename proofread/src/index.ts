// Public API of the proofreader: browser-safe (no node: imports), no database, no server imports.
import { run } from './engine.js';
import type { CheckOptions, Finding, FixResult } from './types.js';

export type { CheckOptions, Finding, FixResult, Severity } from './types.js';
export { RULES, type RuleInfo } from './catalogue.js';
export { DATA_VERSION } from './dictionary.js';

/** All findings in text, ordered by position. Never modifies anything. */
export function check(text: string, options?: CheckOptions): Finding[] {
  return run(text, options);
}

/**
 * Applies the certain corrections only (findings with a `replacement`). Where two corrections overlap the
 * earlier one wins; the other is left for the next run, like any editor's "fix all".
 */
export function fix(text: string, options?: CheckOptions): FixResult {
  const applied: Finding[] = [];
  const parts: string[] = [];
  let cursor = 0;
  for (const f of run(text, options)) {
    if (f.replacement === undefined || f.start < cursor) continue;
    parts.push(text.slice(cursor, f.start), f.replacement);
    cursor = f.end;
    applied.push(f);
  }
  parts.push(text.slice(cursor));
  return { text: parts.join(''), applied };
}
