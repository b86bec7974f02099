// The real speech in shared/corpus (a model speech sold by a subscription service): zero false findings on
// its correct text and its real defects found. The first 25 lines, which hold every defect, are kept in
// fixtures/ so this test never depends on shared/ being present; the whole file is checked too when it is.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { check, fix } from '../src/index.js';
import { SHARED_CORPUS, TEST_DIR } from './helpers.js';

/** Each real defect: rule, flagged text, and a snippet around it that pins the place. */
const DEFECTS = [
  { ruleId: 'typo.dictionary', text: '形式任务', context: '实际需求和形式任务不断迭代' },
  { ruleId: 'typo.de-di-de', text: '的', context: '有针对性的加以改正' },
  { ruleId: 'format.placeholder', text: 'XX', context: '我在XX常委民主生活会' },
  { ruleId: 'expr.quote-consistency', text: '四个意识', context: '牢固树立四个意识。' },
  { ruleId: 'expr.outdated', text: '系列重要讲话精神', context: '习近平总书记系列重要讲话精神' },
  { ruleId: 'format.placeholder', text: 'XXX', context: 'XXX同志提倡务实重行' },
  { ruleId: 'format.placeholder', text: 'XX', context: '，XX同志强调' },
];

function verify(text: string): void {
  const findings = check(text);
  const unexplained = findings.filter(
    (f) =>
      !DEFECTS.some((d) => {
        const at = text.indexOf(d.context);
        return (
          d.ruleId === f.ruleId &&
          text.slice(f.start, f.end) === d.text &&
          f.start >= at &&
          f.end <= at + d.context.length
        );
      }),
  );
  assert.deepEqual(
    unexplained.map((f) => `${f.ruleId} ${text.slice(f.start, f.end)}`),
    [],
    'false findings on the correct text of the speech',
  );
  for (const d of DEFECTS) {
    const at = text.indexOf(d.context);
    assert.ok(at >= 0, d.context);
    assert.ok(
      findings.some((f) => f.ruleId === d.ruleId && f.start >= at && f.end <= at + d.context.length),
      `missed ${d.ruleId} in “${d.context}”`,
    );
  }
}

describe('the office speech (speech-office-party-branch.txt)', () => {
  const fixture = readFileSync(join(TEST_DIR, 'fixtures', 'speech-excerpt.txt'), 'utf8');

  it('finds exactly the real defects in the fixture copy', () => verify(fixture));

  it('fixes only what is certain: the typo and the quoting, not the placeholders or 的', () => {
    const { text, applied } = fix(fixture);
    assert.deepEqual(applied.map((f) => f.ruleId).sort(), ['expr.quote-consistency', 'typo.dictionary']);
    assert.ok(text.includes('牢固树立“四个意识”'));
    assert.ok(text.includes('形势任务'));
    assert.ok(text.includes('有针对性的加以改正'));
    assert.ok(text.includes('XXX同志'));
  });

  const shared = join(SHARED_CORPUS, 'speech-office-party-branch.txt');
  it(
    'finds exactly the real defects in the whole speech',
    { skip: !existsSync(shared) && 'shared/corpus not present' },
    () => verify(readFileSync(shared, 'utf8')),
  );
});
