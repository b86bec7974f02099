// Readers for the evaluation corpora, shared by the tests and bench/proofread.ts so that both count the
// same way: the labelled sentences, and the 26 published official texts with their known natural slips.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../src/index.js';
import { SHARED_CORPUS, TEST_DIR } from './helpers.js';

export interface Labelled {
  text: string;
  /** Expected rule ids; empty for a clean sentence. */
  expected: string[];
  source: string;
}

/** test/corpus/labelled.tsv: sentence, expected rule ids, source; `\n` in a sentence separates paragraphs. */
export function loadLabelled(): Labelled[] {
  const raw = readFileSync(join(TEST_DIR, 'corpus', 'labelled.tsv'), 'utf8');
  return raw
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => {
      const [sentence = '', ids = '', source = ''] = line.split('\t');
      return { text: sentence.replaceAll('\\n', '\n'), expected: ids.split(',').filter(Boolean), source };
    });
}

export const OFFICIAL_DIR = join(SHARED_CORPUS, 'official-texts');

export interface OfficialText {
  file: string;
  text: string;
}

export function loadOfficial(): OfficialText[] {
  if (!existsSync(OFFICIAL_DIR)) return [];
  return readdirSync(OFFICIAL_DIR)
    .filter((f) => /^\d\d-.*\.txt$/.test(f))
    .sort()
    .map((file) => ({ file, text: readFileSync(join(OFFICIAL_DIR, file), 'utf8') }));
}

interface NaturalSpot {
  file: string;
  line: number;
  match: string;
}

function naturalSpots(): NaturalSpot[] {
  const path = join(OFFICIAL_DIR, 'NATURAL-FINDINGS.tsv');
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((row) => {
      const [file = '', line = '', , match = ''] = row.split('\t');
      return { file, line: Number(line), match };
    });
}

/** A flagged span in an official text, located by line (0-based, as para_index in NATURAL-FINDINGS.tsv). */
export interface Spot {
  file: string;
  line: number;
  flagged: string;
  finding?: Finding;
}

export function spotOf(file: string, text: string, start: number, end: number): Spot {
  let line = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < start; i = text.indexOf('\n', i + 1)) line++;
  return { file, line, flagged: text.slice(start, end) };
}

/** Splits flagged spots into those at a known natural slip and the rest, which count as noise. */
export function classify(spots: Spot[]): { natural: Spot[]; noise: Spot[] } {
  const known = naturalSpots();
  const natural: Spot[] = [];
  const noise: Spot[] = [];
  for (const s of spots) {
    const hit = known.some(
      (k) =>
        k.file === s.file &&
        k.line === s.line &&
        (k.match.includes(s.flagged.trim() || s.flagged) || s.flagged.includes(k.match)),
    );
    (hit ? natural : noise).push(s);
  }
  return { natural, noise };
}
