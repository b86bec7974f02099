// Typos and usage: the typo dictionary, 截止/截至, 权利/权力, 的/地/得, repeated words.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fix } from '../src/index.js';
import { TEST_DIR, ids, spans } from './helpers.js';

function passes(text: string): void {
  assert.deepEqual(ids(text), [], `should pass: ${text}`);
}

describe('typo.dictionary', () => {
  it('is versioned, and no entry corrects a word to itself', () => {
    const data = JSON.parse(readFileSync(join(TEST_DIR, '..', 'data', 'typos.json'), 'utf8')) as {
      version: string;
      updated: string;
      entries: { wrong: string; right: string }[];
    };
    assert.match(data.version, /^\d{4}\.\d+\.\d+$/);
    assert.match(data.updated, /^\d{4}-\d{2}-\d{2}$/);
    for (const e of data.entries) assert.notEqual(e.wrong, e.right);
    assert.equal(new Set(data.entries.map((e) => e.wrong)).size, data.entries.length);
  });
  it('corrects common 公文 typos', () => {
    assert.equal(fix('根据实际需求和形式任务不断迭代。').text, '根据实际需求和形势任务不断迭代。');
    assert.equal(fix('绝不推委扯皮，要加强统筹布署。').text, '绝不推诿扯皮，要加强统筹部署。');
    assert.equal(fix('认真建立工作台帐。').text, '认真建立工作台账。');
  });
  it('keeps 权力 and 权利 apart', () => {
    assert.equal(
      fix('坚决防止权利寻租，把权利关进制度的笼子里。').text,
      '坚决防止权力寻租，把权力关进制度的笼子里。',
    );
    assert.equal(fix('依法保障公民权力，明确权力和义务。').text, '依法保障公民权利，明确权利和义务。');
    passes('权力越大，风险越大。');
    passes('依法保障公民的知情权、参与权、表达权、监督权。');
    passes('推动权力运行公开透明。');
  });
});

describe('typo.jiezhi', () => {
  it('uses 截至 before a point in time', () => {
    assert.equal(
      fix('截止2025年底，全市共建成5G基站2.1万个。').text,
      '截至2025年底，全市共建成5G基站2.1万个。',
    );
    assert.equal(fix('截止目前，已完成整改任务。').text, '截至目前，已完成整改任务。');
    assert.equal(fix('申报材料的截至日期为3月31日。').text, '申报材料的截止日期为3月31日。');
  });
  it('accepts 截止 as “to close” and 截至 before a time', () => {
    passes('报名将于3月31日截止。');
    passes('申报材料的截止日期为2026年3月31日。');
    passes('截至2025年底，全市共有党员12.6万名。');
  });
});

describe('typo.de-di-de', () => {
  it('asks to confirm 的 before a verb after an adverbial, and 的 before a degree complement', () => {
    const [di] = spans('希望大家有针对性的加以改正。', 'typo.de-di-de');
    assert.equal(di?.text, '的');
    assert.equal(di?.severity, 'confirm');
    assert.equal(di?.suggestion, '地');
    assert.equal(di?.replacement, undefined);
    assert.equal(spans('这次专题组织生活会开的很好。', 'typo.de-di-de')[0]?.suggestion, '得');
    assert.ok(ids('要认真的贯彻落实会议精神。').includes('typo.de-di-de'));
  });
  it('accepts noun phrases and correct 地/得', () => {
    passes('各单位要有针对性地加以整改。');
    passes('这项工作做得很扎实。');
    passes('制定切实的解决办法，发挥积极的推动作用。');
    passes('他们所做的很多工作值得肯定。');
    passes('实施更加积极的财政政策。');
  });
});

describe('typo.repeated', () => {
  it('flags slips of doubled characters and words', () => {
    assert.equal(fix('这是我们的的重要任务。').text, '这是我们的重要任务。');
    assert.equal(fix('我们我们要进一步提高认识。').text, '我们要进一步提高认识。');
    assert.equal(fix('要进一步进一步压实责任。').text, '要进一步压实责任。');
    const [yao] = spans('各级党组织要要切实担负起主体责任。', 'typo.repeated');
    assert.equal(yao?.severity, 'confirm');
    assert.equal(yao?.suggestion, '要');
  });
  it('does not flag reduplication or words that meet at a boundary', () => {
    for (const ok of [
      '同志们对工作兢兢业业、认认真真。',
      '认真学习习近平总书记重要讲话精神。',
      '要实实在在地为群众办实事。',
      '为了了解基层实际情况，调研组深入一线。',
      '关键是是否真正落实到位。',
      '达到目的的手段多种多样。',
      '参与与否由本人决定。',
      '我们现在在抓紧推进。',
      '主要要素包括人、财、物。',
      '要把把关的责任落到实处。',
      '事情要不了了之是不行的。',
    ])
      passes(ok);
  });
});
