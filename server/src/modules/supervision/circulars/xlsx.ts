import ExcelJS from 'exceljs';
import type { CircularStats, RatedCounts } from './stats.js';

/** The statistics of a circular as a workbook: one sheet per section, Chinese headers, numbers as numbers. */

export interface SheetSpec {
  name: string;
  /** Header and column width in characters. */
  columns: [string, number][];
  rows: (string | number | null)[][];
}

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/** A workbook with a bold, framed, frozen header row on every sheet. Shared with the assessment export. */
export async function workbook(title: string, sheets: SheetSpec[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.title = title;
  for (const spec of sheets) {
    const sheet = book.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = spec.columns.map(([header, width]) => ({ header, width }));
    const header = sheet.getRow(1);
    header.font = { bold: true, name: '宋体', size: 11 };
    header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    header.height = 24;
    header.eachCell((c) => {
      c.border = THIN;
      c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    });
    for (const values of spec.rows) {
      const row = sheet.addRow(values);
      row.font = { name: '宋体', size: 11 };
      row.eachCell({ includeEmpty: true }, (c) => (c.border = THIN));
    }
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

const COUNT_COLUMNS: [string, number][] = [
  ['交办', 8],
  ['按期办结', 10],
  ['逾期办结', 10],
  ['逾期未办结', 12],
  ['在办', 8],
  ['按期办结率(%)', 14],
];
const countsOf = (c: RatedCounts) => [
  c.assigned,
  c.closedOnTime,
  c.closedLate,
  c.overdue,
  c.inProgress,
  c.onTimeRate,
];

export function circularXlsx(title: string, stats: CircularStats): Promise<Buffer> {
  const { period, previousPeriod } = stats;
  return workbook(title, [
    {
      name: '总体情况',
      columns: [['统计期间', 34], ['起止日期', 26], ['统计截至', 12], ...COUNT_COLUMNS],
      rows: [
        [period.label, `${period.start}至${period.end}`, period.cutoff, ...countsOf(stats.totals)],
        [
          `上期：${previousPeriod.label}`,
          `${previousPeriod.start}至${previousPeriod.end}`,
          previousPeriod.cutoff,
          ...countsOf(stats.previousTotals),
        ],
        ['增减', '', '', ...countsOf(stats.delta)],
      ],
    },
    {
      name: '各部门情况',
      columns: [['排名', 6], ['部门', 24], ...COUNT_COLUMNS],
      rows: stats.departments.map((d) => [d.rank, d.departmentName, ...countsOf(d)]),
    },
    {
      name: '与上期比较',
      columns: [
        ['部门', 24],
        ['本期排名', 10],
        ['上期排名', 10],
        ['本期按期办结率(%)', 18],
        ['上期按期办结率(%)', 18],
        ['增减(百分点)', 14],
        ['交办增减', 10],
        ['按期办结增减', 14],
        ['逾期办结增减', 14],
        ['逾期未办结增减', 16],
        ['在办增减', 10],
      ],
      rows: stats.departments.map((d) => [
        d.departmentName,
        d.rank,
        d.previous.rank,
        d.onTimeRate,
        d.previous.onTimeRate,
        d.delta.onTimeRate,
        d.delta.assigned,
        d.delta.closedOnTime,
        d.delta.closedLate,
        d.delta.overdue,
        d.delta.inProgress,
      ]),
    },
    {
      name: '逾期未办结事项',
      columns: [
        ['序号', 6],
        ['编号', 18],
        ['事项', 40],
        ['承办部门', 22],
        ['责任人', 12],
        ['办理时限', 12],
        ['逾期天数', 10],
      ],
      rows: stats.overdue.items.map((o, i) => [
        i + 1,
        o.number,
        o.title,
        o.departmentName,
        o.accountable ?? '未签收',
        o.deadline,
        o.daysOverdue,
      ]),
    },
  ]);
}
