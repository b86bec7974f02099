// The labelled corpus (test/corpus/labelled.tsv) and the 26 published official texts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, fix } from '../src/index.js';
import { classify, loadLabelled, loadOfficial, spotOf } from './corpus.js';
import { HAS_SHARED } from './helpers.js';

/** Findings on the official texts outside NATURAL-FINDINGS.tsv spots, measured 2026-11-26 (see report). */
const OFFICIAL_NOISE_MAX = 8;
/** Characters the checker must never change in place (the issue: never change （）～——〔〕). */
const PROTECTED = /[（）～—〔〕]/;

describe('labelled corpus', () => {
  const rows = loadLabelled();

  it('has both erroneous and clean sentences', () => {
    assert.ok(rows.filter((r) => r.expected.length > 0).length >= 100);
    assert.ok(rows.filter((r) => r.expected.length === 0).length >= 150);
  });

  it('reports exactly the expected rules for every sentence', () => {
    const wrong = rows
      .map((r) => ({ r, got: [...new Set(check(r.text).map((f) => f.ruleId))].sort() }))
      .filter(({ r, got }) => got.join(',') !== [...r.expected].sort().join(','))
      .map(({ r, got }) => `${r.text}\n    expected [${r.expected.join(', ')}] got [${got.join(', ')}]`);
    assert.deepEqual(wrong, []);
  });

  it('never inserts a space and never rewrites （）～——〔〕', () => {
    for (const r of rows) {
      const { applied } = fix(r.text);
      for (const f of applied) {
        assert.ok(!/\s/.test(f.replacement ?? ''), `${f.ruleId} inserts a space in ${r.text}`);
        assert.ok(
          !PROTECTED.test(r.text.slice(f.start, f.end)),
          `${f.ruleId} rewrites a protected mark in ${r.text}`,
        );
      }
    }
  });
});

describe(
  'published official texts (shared/corpus/official-texts)',
  { skip: !HAS_SHARED && 'shared/corpus not present' },
  () => {
    const texts = loadOfficial();

    it(`stays almost silent: at most ${OFFICIAL_NOISE_MAX} findings outside the known natural slips`, () => {
      assert.equal(texts.length, 26);
      const spots = texts.flatMap(({ file, text }) =>
        check(text).map((f) => ({ ...spotOf(file, text, f.start, f.end), finding: f })),
      );
      const { natural, noise } = classify(spots);
      const listing = noise
        .map((s) => `${s.file}:${s.line + 1} ${s.finding?.ruleId ?? ''} “${s.flagged}”`)
        .join('\n');
      assert.ok(noise.length <= OFFICIAL_NOISE_MAX, `${noise.length} noise findings:\n${listing}`);
      // The half-width ; and ( ) slips listed in NATURAL-FINDINGS.tsv are all caught.
      assert.equal(natural.filter((s) => /[;()]/.test(s.flagged)).length, 5);
    });

    it('fixes nothing it is not sure of: no spaces, no protected marks', () => {
      for (const { file, text } of texts)
        for (const f of fix(text).applied) {
          assert.ok(!/\s/.test(f.replacement ?? ''), `${file}: ${f.ruleId}`);
          assert.ok(!PROTECTED.test(text.slice(f.start, f.end)), `${file}: ${f.ruleId}`);
        }
    });
  },
);
