import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlign,
  WidthType,
  convertMillimetersToTwip as mm,
  type IParagraphOptions,
} from 'docx';
import { chineseDate } from './period.js';
import type { CoveringText } from './service.js';
import type { CircularStats } from './stats.js';
import {
  comparisonSentence,
  departmentSentence,
  overallSentence,
  overdueSentence,
  rateText,
  signed,
} from './text.js';

/**
 * A circular as a .docx laid out after GB/T 9704-2012 (党政机关公文格式): A4, margins 37/35/28/26 mm,
 * red 版头 and separator, 2号小标宋 title, 3号仿宋 text at 22 lines a page, 黑体/楷体 headings,
 * 落款 and date right-aligned, 版记 with the 印发 line between two rules, page numbers "— 1 —".
 *
 * Fonts are named for the East Asian script (w:eastAsia). A .docx cannot carry a fallback list, so the
 * names are those present on office machines: 方正小标宋简体 is installed wherever documents are made
 * (without it Word substitutes a default face and LibreOffice whatever fontconfig offers); 仿宋 and 楷体
 * are the names Windows has shipped since Vista (仿宋_GB2312 / 楷体_GB2312 on older systems).
 */
const FONT = {
  title: '方正小标宋简体',
  body: '仿宋',
  heading: '黑体',
  subheading: '楷体',
  latin: 'Times New Roman',
};
const RED = 'FF0000';
/** Half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt, 五号 10.5 pt. */
const SIZE = { title: 44, body: 32, small: 28, table: 21 };
/** Text width 210 − 28 − 26 = 156 mm; one body character is 16 pt = 320 twips. */
const TEXT_WIDTH = mm(156);
const CHAR = 320;
/** 225 mm of text height / 22 lines ≈ 28.95 pt. */
const LINE = 579;

const run = (text: string, font: string, size = SIZE.body, extra: { color?: string } = {}) =>
  new TextRun({ text, size, font: { eastAsia: font, ascii: FONT.latin, hAnsi: FONT.latin }, ...extra });

const para = (children: TextRun[], options: Omit<IParagraphOptions, 'children'> = {}) =>
  new Paragraph({ spacing: { line: LINE, lineRule: LineRuleType.EXACT }, ...options, children });

const blank = () => para([run('', FONT.body)]);
const text = (t: string) =>
  para([run(t, FONT.body)], { indent: { firstLine: 2 * CHAR }, alignment: AlignmentType.JUSTIFIED });
const heading = (t: string) =>
  para([run(t, FONT.heading)], { indent: { firstLine: 2 * CHAR }, keepNext: true });
const subheading = (t: string) =>
  para([run(t, FONT.subheading)], { indent: { firstLine: 2 * CHAR }, keepNext: true });

function cell(value: string | number, widthMm: number, header = false, align: 'left' | 'center' = 'center') {
  return new TableCell({
    width: { size: mm(widthMm), type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    margins: { top: 40, bottom: 40, left: 60, right: 60 },
    children: [
      new Paragraph({
        alignment: align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
        children: [run(String(value), header ? FONT.heading : FONT.body, SIZE.table)],
      }),
    ],
  });
}

function table(columns: [string, number][], rows: (string | number)[][], leftAligned: number[] = []): Table {
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: columns.map(([, w]) => mm(w)),
    rows: [
      new TableRow({ tableHeader: true, children: columns.map(([h, w]) => cell(h, w, true)) }),
      ...rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: r.map((v, i) =>
              cell(v, columns[i]?.[1] ?? 20, false, leftAligned.includes(i) ? 'left' : 'center'),
            ),
          }),
      ),
    ],
  });
}

function departmentTable(stats: CircularStats): Table {
  return table(
    [
      ['排名', 10],
      ['部门', 34],
      ['交办', 11],
      ['按期办结', 17],
      ['逾期办结', 17],
      ['逾期未办结', 20],
      ['在办', 11],
      ['按期办结率', 20],
      ['较上期', 16],
    ],
    stats.departments.map((d) => [
      d.rank,
      d.departmentName,
      d.assigned,
      d.closedOnTime,
      d.closedLate,
      d.overdue,
      d.inProgress,
      rateText(d.onTimeRate),
      d.delta.onTimeRate === null ? '—' : signed(d.delta.onTimeRate, 1),
    ]),
    [1],
  );
}

/** Dates in a table drop the year when it is the period's: 3月6日. */
const shortDate = (date: string, periodEnd: string) =>
  date.slice(0, 4) === periodEnd.slice(0, 4) ? chineseDate(date).replace(/^\d+年/, '') : chineseDate(date);

function overdueTable(stats: CircularStats): Table {
  return table(
    [
      ['序号', 10],
      ['编号', 29],
      ['事项', 42],
      ['承办部门', 31],
      ['责任人', 15],
      ['办理时限', 18],
      ['逾期天数', 11],
    ],
    stats.overdue.items.map((o, i) => [
      i + 1,
      o.number,
      o.title,
      o.departmentName,
      o.accountable ?? '未签收',
      shortDate(o.deadline, stats.period.end),
      o.daysOverdue,
    ]),
    [2],
  );
}

/** 落款 centred over the date, the date 右空四字 (GB/T 9704 7.3.5.1). */
function signature(issuer: string, date: string): Paragraph[] {
  const dateText = chineseDate(date);
  const width = (s: string) => [...s].reduce((w, c) => w + (/[\x20-\x7e]/.test(c) ? CHAR / 2 : CHAR), 0);
  const dateCentre = 4 * CHAR + width(dateText) / 2;
  const right = (t: string, indent: number) =>
    para([run(t, FONT.body)], { alignment: AlignmentType.RIGHT, indent: { right: Math.max(0, indent) } });
  return [right(issuer, dateCentre - width(issuer) / 2), right(dateText, 4 * CHAR)];
}

/**
 * 版记: the 印发 line between two rules as wide as the text, 印发机关 左空一字 and 印发日期 右空一字
 * (GB/T 9704 7.4.4), in 4号仿宋.
 */
function imprint(printedBy: string, printedOn: string): Paragraph {
  const rule = { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 4 };
  const oneChar = SIZE.small * 10;
  return new Paragraph({
    spacing: { line: LINE, lineRule: LineRuleType.EXACT },
    border: { top: rule, bottom: rule },
    tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH - oneChar }],
    children: [
      run(`\u3000${printedBy}`, FONT.body, SIZE.small),
      run(`\t${chineseDate(printedOn)}印发`, FONT.body, SIZE.small),
    ],
  });
}

/** Page numbers in 4号 half-width figures, "— 1 —": odd pages right, even pages left, one character in. */
function pageFooter(alignment: 'right' | 'left'): Footer {
  const font = { eastAsia: '宋体', ascii: '宋体', hAnsi: '宋体' };
  return new Footer({
    children: [
      new Paragraph({
        alignment: alignment === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: alignment === 'right' ? { right: SIZE.small * 10 } : { left: SIZE.small * 10 },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: SIZE.small, font })],
      }),
    ],
  });
}

export async function circularDocx(t: CoveringText, stats: CircularStats): Promise<Buffer> {
  const organSize = Math.min(72, Math.floor((156 * 72) / 25.4 / Math.max(1, [...t.organName].length)) * 2);
  const body: (Paragraph | Table)[] = [
    // 发文机关标志: its upper edge 35 mm below the top of the text area (GB/T 9704 7.2.2).
    para([run(t.organName, FONT.title, organSize, { color: RED })], {
      alignment: AlignmentType.CENTER,
      spacing: { before: mm(35) - organSize * 2, line: organSize * 14, lineRule: LineRuleType.EXACT },
    }),
    blank(),
    ...(t.docNumber ? [para([run(t.docNumber, FONT.body)], { alignment: AlignmentType.CENTER })] : []),
    new Paragraph({
      spacing: { after: 0, line: 240 },
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 1 } },
      children: [],
    }),
    blank(),
    blank(),
    para([run(t.title, FONT.title, SIZE.title)], { alignment: AlignmentType.CENTER }),
    blank(),
    para([run(t.recipients, FONT.body)]),
    ...t.lead.map(text),
    heading('一、本期总体情况'),
    subheading('（一）办理情况'),
    text(overallSentence(stats)),
    subheading('（二）与上期比较'),
    text(comparisonSentence(stats)),
    heading('二、各部门办理情况'),
    text(departmentSentence(stats)),
    ...(stats.departments.length > 0 ? [departmentTable(stats), blank()] : []),
    heading('三、逾期未办结事项'),
    text(overdueSentence(stats)),
    ...(stats.overdue.items.length > 0 ? [overdueTable(stats), blank()] : []),
    ...(t.closing.length > 0 ? [heading('四、有关要求'), ...t.closing.map(text)] : []),
    blank(),
    blank(),
    ...signature(t.issuer, t.issuedOn),
    blank(),
    blank(),
    imprint(t.printedBy, t.printedOn),
  ];
  const document = new Document({
    creator: t.issuer,
    title: t.title,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: {
            size: SIZE.body,
            font: { eastAsia: FONT.body, ascii: FONT.latin, hAnsi: FONT.latin },
            // Latin script (digits, '.', '%') as en-US, as Chinese Word writes it: under a zh-CN Latin
            // language LibreOffice line-breaks inside numbers ("42." / "9%"), which GB/T 9704 text must not.
            language: { value: 'en-US', eastAsia: 'zh-CN' },
          },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 }, // A4 in twips, as Word writes it
            margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), footer: mm(22) },
          },
        },
        footers: { default: pageFooter('right'), even: pageFooter('left') },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(document);
}
