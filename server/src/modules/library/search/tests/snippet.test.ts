import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { marksIn, snippetOf } from '../snippet.js';

describe('library search snippets', () => {
  test('the snippet stays in the paragraph of the densest matches and marks every term', () => {
    const text = `开头一段提到改革。\n${'无关文字'.repeat(40)}\n深化改革，推动发展，改革发展两手抓。`;
    const s = snippetOf(text, ['改革', '发展']);
    assert.ok(s);
    assert.equal(s.text, '深化改革，推动发展，改革发展两手抓。');
    assert.deepEqual(
      s.marks.map((m) => s.text.slice(m.start, m.start + m.length)),
      ['改革', '发展', '改革发展'],
    );
    assert.deepEqual([s.cutBefore, s.cutAfter], [true, false]);
  });

  test('a long paragraph is cut around the match', () => {
    const text = `${'甲'.repeat(300)}目标${'乙'.repeat(300)}`;
    const s = snippetOf(text, ['目标'], 50);
    assert.ok(s);
    assert.equal(s.text.length, 50);
    assert.equal(s.text.slice(s.marks[0]!.start, s.marks[0]!.start + 2), '目标');
  });

  test('Latin terms match regardless of case; no match gives no snippet', () => {
    assert.deepEqual(marksIn('GDP与gdp', ['gdp']), [
      { start: 0, length: 3 },
      { start: 4, length: 3 },
    ]);
    assert.equal(snippetOf('没有', ['目标']), null);
  });
});
