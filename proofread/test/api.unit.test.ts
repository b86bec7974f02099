// The public API: offsets, fix(), options, line endings, long inputs, and the browser-safe core.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { RULES, check, fix } from '../src/index.js';
import { TEST_DIR } from './helpers.js';

describe('check()', () => {
  it('reports UTF-16 offsets into the input, also after astral characters', () => {
    const text = '𠮷𠮷同志要高度重视,认真落实。';
    const [f] = check(text);
    assert.equal(f?.ruleId, 'punct.halfwidth');
    assert.equal(text.slice(f?.start, f?.end), ',');
    assert.equal(f?.start, text.indexOf(','));
  });

  it('handles \\r\\n and keeps offsets on the original text', () => {
    const text = '一、总体要求。\r\n二、主要任务\r\n会议强调:要落实。';
    const found = check(text);
    assert.deepEqual(
      found.map((f) => [f.ruleId, text.slice(f.start, f.end)]),
      [
        ['format.heading-period', '。'],
        ['punct.halfwidth', ':'],
      ],
    );
    assert.equal(fix(text).text, '一、总体要求\r\n二、主要任务\r\n会议强调：要落实。');
  });

  it('gives every finding a known rule, a severity and a Chinese message citing its basis', () => {
    const known = new Set(RULES.map((r) => r.id));
    const text =
      readFileSync(join(TEST_DIR, 'fixtures', 'speech-excerpt.txt'), 'utf8') +
      '\n会议强调:要坚持“四个自信“。\n国办发[2018]08号';
    for (const f of check(text)) {
      assert.ok(known.has(f.ruleId), f.ruleId);
      assert.ok(['error', 'warning', 'confirm'].includes(f.severity));
      assert.match(f.message, /[\u4e00-\u9fff]/);
      assert.ok(f.end > f.start);
    }
    for (const r of RULES) assert.ok(r.basis && r.title, r.id);
  });

  it('filters by rule id or family with only and disable', () => {
    const text = '各单位要高度重视,认真抓好落实。。XX同志出席。';
    assert.deepEqual([...new Set(check(text, { only: ['punct'] }).map((f) => f.ruleId))].sort(), [
      'punct.duplicate',
      'punct.halfwidth',
    ]);
    assert.deepEqual(
      check(text, { disable: ['punct.halfwidth', 'format'] }).map((f) => f.ruleId),
      ['punct.duplicate'],
    );
  });

  it('has no length limit and stays linear on long documents and on one huge paragraph', () => {
    const paragraph =
      '各地区、各部门要坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实党中央、国务院决策部署，推动高质量发展。';
    const body = paragraph.repeat(40) + '\n';
    const timed = (text: string): number => {
      const t0 = performance.now();
      check(text);
      return performance.now() - t0;
    };
    const small = body.repeat(100);
    const large = body.repeat(800) + '最后一段要高度重视,认真落实。';
    timed(small);
    const ratio = Math.min(timed(large), timed(large)) / Math.min(timed(small), timed(small));
    assert.ok(ratio < 24, `8× the input took ${ratio.toFixed(1)}× the time`);
    const last = check(large).at(-1);
    assert.equal(
      large.slice(last?.start, last?.end),
      ',',
      'an error at the very end of 3.6 M characters is found',
    );
    const oneParagraph = paragraph.repeat(20000) + '会议强调:要落实？';
    assert.equal(check(oneParagraph).length, 1);
  });
});

describe('fix()', () => {
  it('applies only certain corrections and returns them', () => {
    const text = '希望大家有针对性的加以改正,XX同志要要求全体人员参会。';
    const { text: fixed, applied } = fix(text);
    assert.equal(fixed, '希望大家有针对性的加以改正，XX同志要要求全体人员参会。');
    assert.deepEqual(
      applied.map((f) => f.ruleId),
      ['punct.halfwidth'],
    );
  });

  it('keeps a correction that covers another and skips the covered one', () => {
    assert.equal(fix('国办发(2018)108号').text, '国办发〔2018〕108号');
  });

  it('reaches a fixed point: corrections that meet are finished by the next run', () => {
    let text = '各单位要高度重视,,认真落实。覆盖率达到80～90%。规划期限为2021-2035年。';
    for (let i = 0; i < 3; i++) text = fix(text).text;
    assert.equal(text, '各单位要高度重视，认真落实。覆盖率达到80%～90%。规划期限为2021—2035年。');
    assert.deepEqual(fix(text).applied, []);
  });

  it('never inserts spaces between Chinese and digits or Latin letters', () => {
    const text = '2020年10月GDP增长6.1%，CPI上涨2.0%（同比），实施“十四五”规划。';
    assert.deepEqual(check(text), []);
    assert.equal(fix(text).text, text);
  });
});

describe('browser-safe core', () => {
  it('imports nothing from node:, the server or the CLI outside cli.ts', () => {
    const dir = join(TEST_DIR, '..', 'src');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(
      (f) => f.endsWith('.ts') && f !== 'cli.ts',
    );
    assert.ok(files.length > 5);
    for (const file of files) {
      const source = readFileSync(join(dir, file), 'utf8');
      for (const [, spec = ''] of source.matchAll(/from '([^']+)'/g)) {
        assert.ok(
          /^\.\.?\//.test(spec) && !spec.includes('server') && !spec.includes('cli'),
          `${file} imports ${spec}`,
        );
      }
    }
  });
});
