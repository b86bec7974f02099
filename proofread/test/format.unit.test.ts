// Document-level format: GB/T 9704—2012 headings and 发文字号, GB/T 15834—2011 附录B 序次语, 一是……二是……,
// placeholders.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fix } from '../src/index.js';
import { ids, spans } from './helpers.js';

function passes(text: string): void {
  assert.deepEqual(ids(text), [], `should pass: ${text}`);
}

describe('format.heading-order (GB/T 9704—2012 7.3.3; GB/T 15834—2011 B.3.8)', () => {
  it('accepts the four levels in order, restarted or continued under a new parent', () => {
    passes(
      '一、总体要求\n（一）指导思想。\n1.坚持党的领导。\n（1）加强组织领导。\n（2）压实工作责任。\n2.坚持问题导向。\n（二）基本原则。\n二、主要任务',
    );
    passes(
      '一、完善制度体系\n（一）健全制度框架。\n（二）提高发展水平。\n二、构建国家标准\n（三）完善相关标准。',
    );
    passes('一、主要任务\n1.摸底排查。\n2.整改治理。\n二、工作要求\n1.加强组织领导。');
  });
  it('flags gaps, duplicates and disorder', () => {
    assert.match(spans('一、总体要求\n三、主要任务', 'format.heading-order')[0]?.message ?? '', /缺少“二、”/);
    assert.match(
      spans('一、总体要求\n（一）指导思想\n（一）基本原则', 'format.heading-order')[0]?.message ?? '',
      /重复/,
    );
    assert.match(
      spans('一、甲\n二、乙\n三、丙\n二、丁', 'format.heading-order')[0]?.message ?? '',
      /顺序错误/,
    );
    assert.equal(spans('（一）指导思想\n（三）工作目标', 'format.heading-order').length, 1);
  });
  it('flags skipped and inverted levels', () => {
    assert.match(spans('一、总体要求\n（1）加强组织领导', 'format.heading-order')[0]?.message ?? '', /越级/);
    assert.match(
      spans('一、总体要求\n1.加强组织领导\n（一）基本原则', 'format.heading-order')[0]?.message ?? '',
      /倒置/,
    );
  });
  it('numbers the list of attachments on its own', () => {
    passes('一、总体要求\n（一）严肃工作纪律。\n附件：1.2026年度专项检查自查表\n2.专项检查问题清单');
  });
  it('starts afresh in an attachment', () => {
    passes('一、总体要求\n二、主要任务\n附件\n一、试点范围\n二、工作进度');
  });
});

describe('format.heading-marker (B.3.2—B.3.4)', () => {
  it('fixes the punctuation after each level', () => {
    assert.equal(fix('一.总体要求').text, '一、总体要求');
    assert.equal(fix('一，总体要求').text, '一、总体要求');
    assert.equal(fix('（一）、指导思想').text, '（一）指导思想');
    assert.equal(fix('1、加强组织领导').text, '1.加强组织领导');
    assert.equal(fix('1．加强组织领导').text, '1.加强组织领导');
    assert.equal(fix('（1）.明确责任分工').text, '（1）明确责任分工');
  });
  it('does not take decimals or years for headings', () => {
    passes('1.8倍的增幅超出预期。');
    passes('2025年工作回顾');
  });
});

describe('format.heading-period (B.4)', () => {
  it('removes 。 after a standalone heading and after a document title', () => {
    assert.equal(fix('一、总体要求。').text, '一、总体要求');
    assert.equal(spans('关于开展安全生产大检查的通知。', 'format.heading-period')[0]?.severity, 'error');
  });
  it('accepts run-in headings and closing lines', () => {
    passes('一、牢固树立“安全第一”思想。煤矿安全生产事关人民群众生命财产安全。');
    passes('（一）健全国家职业教育制度框架。');
    passes('特此通知。');
  });
});

describe('format.doc-number (GB/T 9704—2012 7.2.5)', () => {
  it('fixes brackets, 第 and 虚位', () => {
    assert.equal(fix('国办发[2018]108号').text, '国办发〔2018〕108号');
    assert.equal(fix('国办发(2018)108号').text, '国办发〔2018〕108号');
    assert.equal(spans('市委办发（2026）5号', 'format.doc-number')[0]?.suggestion, '〔2026〕');
    assert.equal(
      fix('市委办发（2026）5号').text,
      '市委办发（2026）5号',
      'full-width brackets are never rewritten',
    );
    assert.equal(fix('国办发〔2018〕第108号').text, '国办发〔2018〕108号');
    assert.equal(fix('国办发〔2018〕08号').text, '国办发〔2018〕8号');
  });
  it('asks for the full year without guessing it', () => {
    const [f] = spans('市委发〔18〕3号', 'format.doc-number');
    assert.equal(f?.replacement, undefined);
    assert.equal(f?.suggestion, '〔2018〕');
  });
  it('accepts a correct number', () => passes('国办发〔2018〕108号'));
});

describe('format.enumeration', () => {
  it('flags gaps, a missing first item, repeats and a lone 一是', () => {
    assert.match(
      spans('一是加强组织领导；三是强化督促检查。', 'format.enumeration')[0]?.message ?? '',
      /缺少“二是”/,
    );
    assert.match(
      spans('二是完善工作机制；三是强化督促检查。', 'format.enumeration')[0]?.message ?? '',
      /缺少“一是”/,
    );
    assert.match(
      spans('一要加强学习；二要转变作风；二要狠抓落实。', 'format.enumeration')[0]?.message ?? '',
      /重复/,
    );
    assert.match(
      spans('一是加强组织领导，确保落到实处。', 'format.enumeration')[0]?.message ?? '',
      /没有“二是”/,
    );
  });
  it('follows a sequence over the paragraphs of one section', () => {
    passes('一是加强组织领导。\n各级要成立领导小组。\n二是完善工作机制。\n三是强化督促检查。');
  });
  it('does not read 统一是, 之一是, 是否, 要素 or 要求 as items', () => {
    passes('关键是统一是非标准，这是原因之一是吗');
    passes('全面提升“六要素”品质，一要求实效。');
  });
});

describe('format.placeholder', () => {
  it('asks to confirm XX, XXX, ×× and X月X日', () => {
    const found = spans('请XX同志于X月X日前将材料报送××局，XXX负责汇总。', 'format.placeholder');
    assert.deepEqual(
      found.map((f) => f.text),
      ['XX', 'X', 'X', '××', 'XXX'],
    );
    assert.ok(found.every((f) => f.severity === 'confirm' && f.replacement === undefined));
  });
  it('leaves Latin words and QQ alone', () => {
    passes('会员可加入免费QQ群，尺码为XXL。');
  });
});
