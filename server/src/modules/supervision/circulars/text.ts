import { SOURCE_TYPES, type SourceType } from '../labels.js';
import { chineseDate, type ReportPeriod } from './period.js';
import type { CircularStats, Delta } from './stats.js';

/** The wording of a circular: default covering text, and the sentences generated from its statistics. */

const sourceLabel = (sourceType: string | null) =>
  sourceType ? (SOURCE_TYPES[sourceType as SourceType] ?? sourceType).replace(/事项$/, '') : '督办';

export function defaultTitle(period: ReportPeriod, sourceType: string | null): string {
  return `关于${period.label}${sourceLabel(sourceType)}事项办理情况的通报`;
}

export function defaultLead(period: ReportPeriod, sourceType: string | null): string[] {
  return [
    `为推动各项决策部署落地见效，根据督查督办工作有关规定，现将${period.label}${sourceLabel(sourceType)}事项办理情况通报如下。`,
  ];
}

export const DEFAULT_CLOSING = [
  '各部门要进一步提高思想认识，严格落实首问负责制和限时办结制，对逾期未办结事项逐项分析原因、明确办结时限，确保按期办结。',
  '对无正当理由逾期未办结、反馈不及时的，督查室将按照有关规定提请启动责任追究程序。',
];

export const DEFAULT_RECIPIENTS = '各部门（单位）：';

export const rateText = (rate: number | null) => (rate === null ? '—' : `${rate.toFixed(1)}%`);

/** 较上期: "上升9.6个百分点", "下降3个百分点", "持平", or "—" when either period had nothing due. */
export function rateChange(delta: number | null): string {
  if (delta === null) return '—';
  if (delta === 0) return '持平';
  return `${delta > 0 ? '上升' : '下降'}${Math.abs(delta).toFixed(1)}个百分点`;
}

/** Signed change for table cells: +3, −2, 0. */
export const signed = (value: number | null, digits = 0) =>
  value === null
    ? '—'
    : value > 0
      ? `+${value.toFixed(digits)}`
      : value < 0
        ? `−${Math.abs(value).toFixed(digits)}`
        : '0';

function countChange(label: string, delta: number): string {
  return delta === 0 ? `${label}持平` : `${label}${delta > 0 ? '增加' : '减少'}${Math.abs(delta)}项次`;
}

/** （一）本期办理情况 */
export function overallSentence(stats: CircularStats): string {
  const { period, totals } = stats;
  const asOf = period.cutoff < period.end ? `截至${chineseDate(period.cutoff)}` : '截至期末';
  return (
    `${period.label}（${chineseDate(period.start)}至${chineseDate(period.end)}），共交办督办事项${totals.assigned}项次，` +
    `按期办结${totals.closedOnTime}项次，逾期办结${totals.closedLate}项次；${asOf}，逾期未办结${totals.overdue}项次，` +
    `正在办理${totals.inProgress}项次。按期办结率为${rateText(totals.onTimeRate)}。`
  );
}

/** （二）与上期比较 */
export function comparisonSentence(stats: CircularStats): string {
  const d: Delta = stats.delta;
  return (
    `与上期（${stats.previousPeriod.label}）相比，按期办结率${rateChange(d.onTimeRate)}` +
    `（上期为${rateText(stats.previousTotals.onTimeRate)}），${countChange('交办', d.assigned)}，` +
    `${countChange('按期办结', d.closedOnTime)}，${countChange('逾期未办结', d.overdue)}。`
  );
}

/** 二、各部门办理情况: who leads, and who has overdue work. */
export function departmentSentence(stats: CircularStats): string {
  const rows = stats.departments;
  if (rows.length === 0) return '本期各部门均无督办事项。';
  const first = rows.filter((r) => r.rank === 1 && r.onTimeRate !== null).map((r) => r.departmentName);
  const overdue = rows.filter((r) => r.overdue > 0).map((r) => `${r.departmentName}（${r.overdue}项次）`);
  return (
    (first.length > 0 ? `${first.join('、')}按期办结率位居第一。` : '') +
    (overdue.length > 0
      ? `${overdue.join('、')}存在逾期未办结事项，请抓紧办理。`
      : '各部门均无逾期未办结事项。') +
    '各部门具体情况见下表（按按期办结率排序）。'
  );
}

export function overdueSentence(stats: CircularStats): string {
  const { total, items } = stats.overdue;
  if (total === 0) return '本期无逾期未办结事项。';
  return total > items.length
    ? `逾期未办结事项共${total}项次，以下列出逾期时间最长的${items.length}项次。`
    : `逾期未办结事项共${total}项次，具体如下。`;
}
