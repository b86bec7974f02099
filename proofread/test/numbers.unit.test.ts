// GB/T 15835—2011 numbers: must-flag and must-pass examples, most taken from the standard.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fix } from '../src/index.js';
import { ids, spans } from './helpers.js';

function passes(text: string): void {
  assert.deepEqual(ids(text), [], `should pass: ${text}`);
}

describe('number.range-unit (5.1.3)', () => {
  it('repeats %, 万 and 亿 on the first value', () => {
    assert.equal(fix('收入预计达到9～16亿元。').text, '收入预计达到9亿～16亿元。');
    assert.equal(fix('覆盖率提高到80～90%。').text, '覆盖率提高到80%～90%。');
    assert.equal(fix('项目总投资约13～17万元。').text, '项目总投资约13万～17万元。');
  });
  it('accepts the standard examples', () => {
    for (const ok of [
      '-36～-8℃的环境',
      '第400—429页',
      '每袋100—150kg',
      '12500～20000元',
      '9亿～16亿元',
      '13万元～17万元',
      '15%～30%',
    ])
      passes(ok);
  });
});

describe('number.range-mark (GB/T 15834—2011 4.13.3.2)', () => {
  it('replaces a hyphen or an ASCII tilde in a range', () => {
    assert.equal(fix('年龄在25~35岁之间。').text, '年龄在25～35岁之间。');
    assert.equal(fix('规划期限为2021-2035年。').text, '规划期限为2021—2035年。');
    assert.equal(fix('覆盖率达到80%-90%。').text, '覆盖率达到80%～90%。');
  });
  it('follows the document’s own range mark', () => {
    assert.equal(fix('高程480—560米。\n距江边700-800米。').text, '高程480—560米。\n距江边700—800米。');
  });
  it('leaves dates, telephone numbers and standard numbers alone', () => {
    passes('联系电话：010-12345678。');
    passes('执行GB/T 9704-2012《党政机关公文格式》。');
    passes('报送日期为2026-03-31。');
  });
});

describe('number.approx-digits (4.2.2) and number.fixed-expression (4.2.3)', () => {
  it('writes approximate numbers in Chinese numerals', () => {
    assert.equal(fix('每个支部配备3、4名指导员。').text, '每个支部配备三四名指导员。');
    assert.equal(fix('全市共有10几个重点项目。').text, '全市共有十几个重点项目。');
    assert.equal(fix('有20几家单位参加。').text, '有二十几家单位参加。');
  });
  it('writes fixed expressions in Chinese numerals', () => {
    assert.equal(fix('牢固树立4个意识，坚定4个自信。').text, '牢固树立四个意识，坚定四个自信。');
    assert.equal(fix('贯彻党的20届3中全会精神。').text, '贯彻党的二十届三中全会精神。');
    assert.equal(fix('学习贯彻党的20大精神。').text, '学习贯彻党的二十大精神。');
    assert.equal(fix('落实中央8项规定精神和3会1课制度。').text, '落实中央八项规定精神和三会一课制度。');
  });
  it('accepts the standard’s approximate numbers and counts', () => {
    passes('这项工程需要三四个月，一二十个人参加，他看上去四十五六岁。');
    passes('全县有几千名志愿者，二十几个服务站。');
    passes('全年共召开常委会会议24次、专题会议12次。');
    passes('共有14个意见建议被采纳。');
  });
});

describe('number.short-year, number.date-form, number.date-mixed (5.1.4; GB/T 9704—2012 7.3.5.4)', () => {
  it('flags two-digit years with a suggestion only', () => {
    const [f] = spans('19年3月，我市启动了专项整治。', 'number.short-year');
    assert.equal(f?.suggestion, '2019');
    assert.equal(f?.replacement, undefined);
    assert.ok(ids('自18年以来，累计投入5亿元。').includes('number.short-year'));
  });
  it('accepts durations', () => {
    passes('连续13年只减不增，近10年来成绩最好。');
    passes('北京中轴线历时12年成功申遗。');
  });
  it('rewrites dotted and slashed dates, and drops 虚位 zeros', () => {
    assert.equal(fix('会议定于2026.3.15召开。').text, '会议定于2026年3月15日召开。');
    assert.equal(fix('自2026/1/1起施行。').text, '自2026年1月1日起施行。');
    assert.equal(fix('请于2026年03月05日前报送。').text, '请于2026年3月5日前报送。');
    passes('2008年8月8日北京奥运会开幕。');
    passes('增长10.05%。');
  });
  it('asks to confirm ISO dates in a document that writes 年月日', () => {
    const text = '本办法自2026年1月1日起施行。\n材料报送时间为2026-03-31。';
    const [f] = spans(text, 'number.date-mixed');
    assert.equal(f?.severity, 'confirm');
    assert.equal(f?.suggestion, '2026年3月31日');
    passes('材料报送时间为2026-03-31。');
  });
});
