// GB/T 15834—2011 punctuation rules: must-flag and must-pass examples, most taken from the standard.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fix } from '../src/index.js';
import { ids, spans } from './helpers.js';

function flags(ruleId: string, text: string): void {
  assert.ok(ids(text).includes(ruleId), `${ruleId} should flag: ${text}\n got ${ids(text).join(', ')}`);
}
function passes(text: string): void {
  assert.deepEqual(ids(text), [], `should pass: ${text}`);
}

describe('punct.halfwidth (4.x.2 forms)', () => {
  it('flags half-width marks in Chinese and fixes them', () => {
    for (const [wrong, right] of [
      ['各单位要高度重视,认真抓好落实。', '各单位要高度重视，认真抓好落实。'],
      ['会议强调:要坚持问题导向。', '会议强调：要坚持问题导向。'],
      ['全面推进乡村振兴;加快建设农业强国。', '全面推进乡村振兴；加快建设农业强国。'],
      ['工作取得明显成效.下一步要持续发力。', '工作取得明显成效。下一步要持续发力。'],
      ['请各单位务必高度重视!', '请各单位务必高度重视！'],
      ['这是为什么?值得深思。', '这是为什么？值得深思。'],
      ['工业和信息化部(工信部)牵头。', '工业和信息化部（工信部）牵头。'],
      ['要坚持"四个自信"。', '要坚持“四个自信”。'],
    ]) {
      flags('punct.halfwidth', wrong ?? '');
      assert.equal(fix(wrong ?? '').text, right);
    }
  });
  it('leaves numbers, decimals, times, English and numbering alone', () => {
    passes('增长6.1%，达到1,000亿元。');
    passes('会议于10:30开始。');
    passes('访问http://www.gov.cn查询。');
    passes('1.加强组织领导。');
    passes('He said, "OK." 随后离开。');
  });
  it('gives no certain fix for an odd number of straight quotes', () => {
    const [f] = spans('要坚持"四个自信。', 'punct.halfwidth');
    assert.equal(f?.replacement, undefined);
    assert.equal(f?.suggestion, '“');
  });
});

describe('punct.pair and punct.pair-width (4.8, 4.9, 4.15)', () => {
  it('flags a second opening quote, unclosed and unopened marks', () => {
    flags('punct.pair', '坚定“四个自信“，增强文化自信。');
    flags('punct.pair', '认真学习《中国共产党章程，提高党性修养。');
    flags('punct.pair', '按照“放管服”要求”推进改革。');
    flags('punct.pair', '严格落实一岗双责要求）。');
  });
  it('flags mixed-width brackets and fixes the half-width one', () => {
    assert.equal(fix('国家发展改革委（牵头单位)负责。').text, '国家发展改革委（牵头单位）负责。');
    flags('punct.pair-width', '建立工作台账(含整改清单）。');
  });
  it('follows a pair over a hard line break inside a sentence (text pasted from a PDF)', () => {
    passes('会议强调，要认真学习《中国共产党\n章程》，坚持“以人民为\n中心”的发展思想。');
    assert.equal(spans('要坚持“以人民为中心。\n下一步要持续发力。', 'punct.pair').length, 1);
  });
  it('accepts nesting, quotations over several paragraphs and 〔〕', () => {
    passes('他说：“大家要记住‘实干兴邦’这句话。”');
    passes('他指出：“第一段引文。\n“第二段引文，到此结束。”');
    passes('国办发〔2018〕108号');
    passes('【打击倒卖活动】举报成功即可获赠会员。');
  });
});

describe('punct.duplicate', () => {
  it('flags doubled marks and keeps one', () => {
    assert.equal(fix('要强化责任担当，，确保落实。').text, '要强化责任担当，确保落实。');
    assert.equal(fix('认真贯彻落实。。').text, '认真贯彻落实。');
    const [mixed] = spans('确保各项任务落到实处，。', 'punct.duplicate');
    assert.equal(mixed?.replacement, undefined);
    assert.equal(mixed?.suggestion, '。');
  });
  it('allows 叠用 of ？！ (4.2.3.3, 4.3.3.3)', () => passes('你敢直面困难吗？！'));
});

describe('punct.enum-comma (4.5.3.5)', () => {
  it('flags 顿号 between quoted or titled items', () => {
    assert.equal(fix('“日”、“月”构成“明”字。').text, '“日”“月”构成“明”字。');
    flags('punct.enum-comma', '认真学习《中国共产党章程》、《中国共产党纪律处分条例》。');
  });
  it('flags every one when a document mixes both styles', () => {
    const text = '推动“最多跑一次”“一网通办”改革。\n落实“放管服”、“互联网+政务服务”、“一件事”要求。';
    assert.equal(spans(text, 'punct.enum-comma').length, 2);
  });
  it('accepts the standard examples and a consistent house style', () => {
    passes('店里挂着“顾客就是上帝”“质量就是生命”等横幅。');
    passes('李白的“白发三千丈”（《秋浦歌》）、“朝如青丝暮成雪”（《将进酒》）都是脍炙人口的诗句。');
    passes('坚持“一国两制”、“港人治港”、“澳人治澳”。\n推广“果沼畜”、“菜沼畜”模式。');
  });
});

describe('punct.approx-comma (4.5.3.4) and punct.etc-comma (B.1.2)', () => {
  it('flags 三、四十 and 、等', () => {
    assert.equal(fix('参会人员约三、四十人。').text, '参会人员约三四十人。');
    assert.equal(fix('加强教育、医疗、养老、等民生保障。').text, '加强教育、医疗、养老等民生保障。');
  });
  it('accepts 三五成群, 二、三产业, 第一、二批, 周一、二, headings and 等级', () => {
    passes('这种凶猛的动物常常三五成群地外出觅食。');
    passes('农业是国民经济的基础，也是二、三产业的基础。');
    passes('各支部第一、二季度的计划已上报。');
    passes('每周一、二集中学习。');
    passes('一、二十大精神学习安排');
    passes('一、等级保护工作');
  });
});

describe('punct.ellipsis (4.11.2) and punct.ellipsis-etc (A.9)', () => {
  it('rewrites malformed ellipses to ……', () => {
    for (const wrong of [
      '抓好思想建设、组织建设...',
      '其他事项。。。',
      '党员教育、组织生活…',
      '主题党日······',
    ])
      assert.ok(fix(wrong).text.endsWith('……'), wrong);
  });
  it('removes an ellipsis used together with 等', () => {
    assert.equal(
      fix('像车队、安保、绿化、食堂……等都是服务型岗位。').text,
      '像车队、安保、绿化、食堂等都是服务型岗位。',
    );
    flags('punct.ellipsis-etc', '认真学习党章、党规、党纪等……');
  });
  it('accepts …… and …………', () => {
    passes('野骆驼、野猪、黄羊……直至跳鼠，都是各行其路。');
    passes('第六条 网络表演不得含有以下内容：\n…………');
  });
});

describe('punct.nested-colon (4.7.3.5), punct.question (A.2), punct.list-separator (4.6.3.3)', () => {
  it('flags a second colon in one sentence, but not inside a quotation or in a form line', () => {
    flags('punct.nested-colon', '会议指出：当前主要存在三个问题：一是认识不到位，二是措施不具体。');
    passes('他指出：“要做到三点：一是学，二是思，三是践。”');
    passes('主持人：张三  记录人：李四');
    passes('联系人：张三，电话：0731-12345678，邮箱：ducha@example.gov.cn。');
  });
  it('flags a statement with an embedded question ending in ？', () => {
    assert.equal(spans('我不知道他明天来不来？', 'punct.question')[0]?.suggestion, '。');
    flags('punct.question', '我们要认真研究如何进一步提高工作质量？');
    passes('这是为什么呢？值得我们深思。');
    passes('我们要思考：如何做好新时代的办公室工作？');
  });
  it('flags run-in items separated by commas', () => {
    assert.equal(
      fix('主要任务：（一）加强理论学习，（二）完善制度建设。').text,
      '主要任务：（一）加强理论学习；（二）完善制度建设。',
    );
    passes('受教育者应履行以下义务：（一）遵守法律、法规；（二）努力学习；（三）遵守学校制度。');
    passes('分别增长4.3%、5.5%，十大产业持续壮大。');
  });
});

describe('punct.space', () => {
  it('removes spaces between Chinese characters in sentences', () => {
    assert.equal(fix('各级党组织要 认真履行主体责任。').text, '各级党组织要认真履行主体责任。');
  });
  it('never touches labels, joint issuers or spaces next to Latin and digits', () => {
    passes('仅供学习 禁止外传');
    passes('中共中央办公厅 国务院办公厅印发了通知。');
    passes('GDP 增长，CPI 上涨。');
    passes('会员群：                      免费QQ群：');
  });
});
