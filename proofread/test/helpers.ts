// Shared by the proofread unit tests: where the corpus lives, and short ways to look at findings.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { check, type Finding } from '../src/index.js';

export const TEST_DIR = import.meta.dirname;
export const REPO_ROOT = join(TEST_DIR, '..', '..');
/** The shared corpus sits beside the repository when the workplace provides it; tests skip without it. */
export const SHARED_CORPUS = join(REPO_ROOT, '..', 'shared', 'corpus');
export const HAS_SHARED = existsSync(join(SHARED_CORPUS, 'official-texts'));

/** Sorted, de-duplicated rule ids reported for text. */
export function ids(text: string): string[] {
  return [...new Set(check(text).map((f) => f.ruleId))].sort();
}

/** Findings of one rule, each with the flagged text for readable assertions. */
export function spans(text: string, ruleId: string): (Finding & { text: string })[] {
  return check(text)
    .filter((f) => f.ruleId === ruleId)
    .map((f) => ({ ...f, text: text.slice(f.start, f.end) }));
}
