import assert from 'node:assert/strict';
import { test } from 'node:test';
import { circularDocx } from '../docx.js';
import type { CoveringText } from '../service.js';
import type { CircularStats } from '../stats.js';
import { overallSentence } from '../text.js';
import { zipEntry } from './zip.js';

const counts = { assigned: 7, closedOnTime: 3, closedLate: 2, overdue: 2, inProgress: 2, onTimeRate: 42.9 };
const month = {
  kind: 'month',
  start: '2026-03-01',
  end: '2026-03-31',
  label: '2026年3月',
  cutoff: '2026-03-31',
} as const;
const stats: CircularStats = {
  period: month,
  previousPeriod: {
    ...month,
    start: '2026-02-01',
    end: '2026-02-28',
    label: '2026年2月',
    cutoff: '2026-02-28',
  },
  totals: counts,
  previousTotals: { ...counts, onTimeRate: 33.3 },
  delta: { assigned: 0, closedOnTime: 0, closedLate: 0, overdue: 0, inProgress: 0, onTimeRate: 9.6 },
  departments: [],
  overdue: { total: 0, items: [] },
};
const covering: CoveringText = {
  title: '关于2026年3月督办事项办理情况的通报',
  organName: '中共临江市纪委监委办公室',
  docNumber: null,
  recipients: '各部门（单位）：',
  lead: [],
  closing: [],
  issuer: '中共临江市纪委监委办公室',
  issuedOn: '2026-04-03',
  printedBy: '临江市纪委监委办公室',
  printedOn: '2026-04-03',
};

test('.docx: numbers are set in an en-US Latin language, so a line never breaks inside "42.9%"', async () => {
  const file = await circularDocx(covering, stats);
  // Under a zh-CN Latin language LibreOffice breaks digits, '.' and '%' anywhere ("42." / "9%", "1" / "23");
  // under en-US they follow the Unicode line-breaking rules, which keep a number and its sign together.
  const styles = zipEntry(file, 'word/styles.xml') ?? '';
  const langs = styles.match(/<w:lang [^>]*\/>/g) ?? [];
  assert.deepEqual(langs, ['<w:lang w:val="en-US" w:eastAsia="zh-CN"/>'], 'document default language');
  const xml = zipEntry(file, 'word/document.xml') ?? '';
  assert.doesNotMatch(xml, /<w:lang /, 'no run overrides the default language');
  // The sentence stays one run of plain text: no invisible characters inside the figures.
  assert.ok(xml.includes(`>${overallSentence(stats)}</w:t>`), 'the sentence in one run');
  assert.ok(xml.includes('按期办结率为42.9%'));
});
