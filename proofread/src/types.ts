// Public and internal types of the proofreader. Kept free of any runtime import so that the web app can
// import them without pulling rules or data.

/** error: breaks a standard; warning: deviates from 公文 practice; confirm: a person must decide (please-confirm). */
export type Severity = 'error' | 'warning' | 'confirm';

export interface Finding {
  /** Stable identifier such as `punct.halfwidth`; see RULES in rules/catalogue.ts. */
  ruleId: string;
  severity: Severity;
  /** UTF-16 offsets into the checked text: text.slice(start, end) is the flagged span. */
  start: number;
  end: number;
  /** Chinese message citing the standard clause, e.g. 「……（GB/T 15834—2011 4.4.2）」. */
  message: string;
  /** Present only when the correction is certain; `fix()` applies exactly these. */
  replacement?: string;
  /** A likely correction that still needs a person's judgement (never applied by `fix()`). */
  suggestion?: string;
}

export interface CheckOptions {
  /** Rule ids or family prefixes (`punct`, `number`, `format`, `expr`, `typo`) to skip. */
  disable?: readonly string[];
  /** When given, only these rule ids or family prefixes run. */
  only?: readonly string[];
  /**
   * The document's date (YYYY-MM-DD). Outdated phrasings are reported only for documents dated after the
   * change; when absent it is read from the 成文日期 or 发文字号, and a document without either counts as new.
   */
  date?: string;
}

export interface FixResult {
  text: string;
  applied: Finding[];
}

/** One non-empty line of the input; 公文 text is one paragraph per line. */
export interface Paragraph {
  /** Position in DocumentView.paragraphs, so paragraphs[index + 1] is the next non-empty line. */
  index: number;
  /** 0-based line number in the input. */
  line: number;
  /** Offset of the first character of the line in the whole input. */
  start: number;
  text: string;
}

/** Whole-document view shared by the family checkers (for look-ahead across lines). */
export interface DocumentView {
  text: string;
  /** The non-empty lines, in order. */
  paragraphs: readonly Paragraph[];
}

/** A dictionary hit inside one paragraph, produced by the single lexicon scan. */
export interface LexiconHit<T> {
  /** Offset inside the paragraph. */
  at: number;
  entry: T;
}

/** A rule family: created once per document, fed every non-empty paragraph in order, then finished. */
export interface FamilyChecker {
  paragraph(p: Paragraph, hits: readonly LexiconHit<LexEntry>[], out: Finding[]): void;
  finish(out: Finding[]): void;
}

/** What the shared lexicon can match; each family reacts to its own kinds. */
export type LexEntry =
  | { kind: 'typo'; text: string; right: string; note: string; notBefore: string; notAfter: string }
  | { kind: 'fixed'; text: string; right: string; note: string; severity: Severity }
  | { kind: 'name'; text: string; right: string }
  | { kind: 'outdated'; text: string; note: string; right: string | undefined; since: string }
  | { kind: 'member'; text: string; lists: readonly { list: number; index: number }[] }
  | { kind: 'term'; text: string; quoteClass: number | undefined; list: number | undefined }
  | { kind: 'numeral'; text: string; right: string };
