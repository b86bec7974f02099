// 规范表述 (data/expressions.json): fixed wordings, names, outdated phrasings, complete and ordered lists,
// consistent quoting.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { check, fix } from '../src/index.js';
import { TEST_DIR, ids, spans } from './helpers.js';

function passes(text: string): void {
  assert.deepEqual(ids(text), [], `should pass: ${text}`);
}

describe('data/expressions.json', () => {
  it('is versioned and says where each list comes from', () => {
    const data = JSON.parse(readFileSync(join(TEST_DIR, '..', 'data', 'expressions.json'), 'utf8')) as {
      version: string;
      updated: string;
      source: string;
      lists: { term: string; source: string }[];
      outdated: { since: string }[];
    };
    assert.match(data.version, /^\d{4}\.\d+\.\d+$/);
    assert.match(data.updated, /^\d{4}-\d{2}-\d{2}$/);
    assert.ok(data.source.length > 0);
    for (const list of data.lists) assert.ok(list.source, list.term);
    for (const o of data.outdated) assert.match(o.since, /^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('expr.fixed-wording and expr.name', () => {
  it('corrects fixed wordings', () => {
    assert.equal(
      fix('坚决与以习近平为核心的党中央保持高度一致。').text,
      '坚决与以习近平同志为核心的党中央保持高度一致。',
    );
    assert.equal(
      fix('深入学习贯彻习近平新时代中国特色主义思想。').text,
      '深入学习贯彻习近平新时代中国特色社会主义思想。',
    );
    assert.equal(fix('坚持三个代表重要思想。').text, '坚持“三个代表”重要思想。');
    assert.equal(fix('严格执行党中央八项规定精神。').text, '严格执行中央八项规定精神。');
  });
  it('corrects misspelt names and titles once, by the longest entry', () => {
    const found = spans('认真学习习近平总书纪重要讲话精神。', 'expr.name');
    assert.equal(found.length, 1);
    assert.equal(found[0]?.replacement, '习近平总书记');
    assert.equal(fix('市纪委书纪主持召开会议。').text, '市纪委书记主持召开会议。');
  });
  it('accepts the canonical wordings', () => {
    passes('坚决与以习近平同志为核心的党中央保持高度一致。');
    passes('坚决维护习近平总书记党中央的核心、全党的核心地位，坚决维护党中央权威和集中统一领导。');
    passes('严格落实中央八项规定精神。');
  });
});

describe('expr.outdated', () => {
  it('asks to confirm outdated phrasings in a current or undated document', () => {
    const [f] = spans('深入学习习近平总书记系列重要讲话精神。', 'expr.outdated');
    assert.equal(f?.severity, 'confirm');
    assert.ok(ids('扎实做好新冠肺炎疫情防控工作。').includes('expr.outdated'));
  });
  it('stays silent in documents written before the change', () => {
    passes('国办函〔2004〕80号\n国土资源部两次组成专家组赴你省调查。');
    passes('（2022年10月16日）\n面对突如其来的新冠肺炎疫情。');
    passes('国土资源部迅速组织调查。\n二〇〇四年十一月四日');
    assert.deepEqual(check('国土资源部迅速组织调查。', { date: '2010-01-01' }), []);
  });
});

describe('expr.list-order and expr.list-incomplete', () => {
  it('restores the canonical order when the list is complete', () => {
    assert.equal(
      fix('增强政治意识、核心意识、大局意识、看齐意识。').text,
      '增强政治意识、大局意识、核心意识、看齐意识。',
    );
    assert.equal(
      fix('坚定道路自信、制度自信、理论自信、文化自信。').text,
      '坚定道路自信、理论自信、制度自信、文化自信。',
    );
    assert.ok(ids('坚持毛泽东思想、马克思列宁主义的指导地位。').includes('expr.list-order'));
  });
  it('names the missing members', () => {
    assert.match(
      spans('增强“四个意识”，即政治意识、大局意识、看齐意识。', 'expr.list-incomplete')[0]?.message ?? '',
      /缺少“核心意识”/,
    );
    assert.match(
      spans('统筹推进经济建设、政治建设、文化建设、社会建设。', 'expr.list-incomplete')[0]?.message ?? '',
      /生态文明建设/,
    );
  });
  it('accepts complete lists, deliberate subsets and members said nearby', () => {
    passes('统筹推进经济建设、政治建设、文化建设、社会建设、生态文明建设“五位一体”总体布局。');
    passes('持续深化纠治“四风”，重点纠治形式主义、官僚主义。');
    passes(
      '坚持马克思列宁主义、毛泽东思想、邓小平理论、“三个代表”重要思想、科学发展观，全面贯彻新时代中国特色社会主义思想。',
    );
    passes('推动创新、协调、绿色、开放、共享的新发展理念深入人心。');
    passes('加强党的政治建设、思想建设、组织建设、作风建设、纪律建设。');
  });
});

describe('expr.quote-consistency', () => {
  it('quotes the unquoted term when the document quotes the others (the speech’s 四个意识)', () => {
    const text = '一是要牢固树立四个意识。\n才能进一步增强“四个自信”。\n严格规范“三会一课”等制度。';
    const [f] = spans(text, 'expr.quote-consistency');
    assert.equal(f?.text, '四个意识');
    assert.equal(f?.replacement, '“四个意识”');
  });
  it('removes the quotes of a lone quoted term among unquoted ones', () => {
    const text = '增强四个意识、坚定四个自信、做到“两个维护”。';
    assert.equal(fix(text).text, '增强四个意识、坚定四个自信、做到两个维护。');
  });
  it('accepts a consistent document', () => {
    passes('增强“四个意识”、坚定“四个自信”、做到“两个维护”。');
    passes('增强四个意识、坚定四个自信。');
  });
});
