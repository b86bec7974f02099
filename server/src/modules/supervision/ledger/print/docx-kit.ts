import {
  AlignmentType,
  BorderStyle,
  Document,
  HeightRule,
  LineRuleType,
  Packer,
  Paragraph,
  Tab,
  TabStopType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';

/**
 * The pieces every printed form shares: A4 with the side margins of GB/T 9704, 仿宋 for text and 黑体 for the
 * title and the labels (the fonts every Chinese office has), sizes in 号, and a bordered table laid out on a
 * fixed grid so Word, WPS and LibreOffice print it alike.
 */
const FANGSONG = '仿宋';
const HEITI = '黑体';
const LATIN = 'Times New Roman';
/** Half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 小四 12 pt. */
const SIZE = { erhao: 44, sanhao: 32, sihao: 28, xiaosi: 24 } as const;
const MM = 56.7; // twips per millimetre
/** 210 mm less the 28 mm left and 26 mm right margins of GB/T 9704. */
const TEXT_WIDTH = Math.floor((210 - 28 - 26) * MM);
/** 标签 | 内容 | 标签 | 内容: labels wide enough for five characters of 四号 (督查室意见) plus the cell margins. */
const LABEL = 1700;
const GRID = [LABEL, TEXT_WIDTH / 2 - LABEL, LABEL, TEXT_WIDTH / 2 - LABEL].map(Math.floor);

type Font = 'fangsong' | 'heiti';
const fontOf = (font: Font) => {
  const east = font === 'heiti' ? HEITI : FANGSONG;
  return { ascii: LATIN, hAnsi: LATIN, eastAsia: east, hint: 'eastAsia' };
};

export function text(
  value: string,
  options: { font?: Font; size?: keyof typeof SIZE; bold?: boolean; underline?: boolean } = {},
): TextRun {
  return new TextRun({
    text: value,
    font: fontOf(options.font ?? 'fangsong'),
    size: SIZE[options.size ?? 'sihao'],
    bold: options.bold,
    underline: options.underline ? {} : undefined,
  });
}

/** The form's name: 黑体 二号, centred. */
export function title(value: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 0, after: 240 },
    children: [text(value, { font: 'heiti', size: 'erhao' })],
  });
}

/** One line with text on the left and text flush right (编号 …… 日期), as under a form's title. */
export function spread(left: string, right: string): Paragraph {
  return new Paragraph({
    tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
    spacing: { after: 120 },
    children: [text(left), new TextRun({ children: [new Tab()] }), text(right)],
  });
}

export function para(
  value: string,
  options: {
    align?: 'left' | 'right' | 'center';
    indent?: boolean;
    before?: number;
    size?: keyof typeof SIZE;
  } = {},
): Paragraph {
  const align = { left: AlignmentType.LEFT, right: AlignmentType.RIGHT, center: AlignmentType.CENTER };
  return new Paragraph({
    alignment: align[options.align ?? 'left'],
    // 首行缩进两字, as running text in an official paper is set.
    indent: options.indent ? { firstLine: SIZE[options.size ?? 'sihao'] * 20 } : undefined,
    spacing: { before: options.before ?? 0, line: 440, lineRule: LineRuleType.AT_LEAST },
    children: [text(value, { size: options.size ?? 'sihao' })],
  });
}

/** A signature line: 「label：________」, the blank underlined so it prints as a line to sign on. */
export function signature(...parts: { label: string; blank: number }[]): Paragraph {
  return new Paragraph({
    spacing: { before: 240, line: 440, lineRule: LineRuleType.AT_LEAST },
    children: parts.flatMap((p, i) => [
      text(`${i > 0 ? '　　' : ''}${p.label}：`),
      text('　'.repeat(p.blank), { underline: true }),
    ]),
  });
}

export type FormCell =
  | { label: string }
  | { value: string; span?: number; align?: 'left' | 'center' }
  | { lines: number; span?: number };

export interface FormRow {
  cells: FormCell[];
  /** Minimum height in millimetres, for the boxes people write in. */
  minHeight?: number;
}

const thin = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
const thick = { style: BorderStyle.SINGLE, size: 12, color: '000000' };

/** Ruled lines inside a cell, 8.5 mm apart like ruled paper, for text written by hand. */
function ruled(count: number): Paragraph[] {
  const rule = { style: BorderStyle.DOTTED, size: 4, color: '808080', space: 1 };
  return Array.from(
    { length: count },
    () =>
      new Paragraph({
        spacing: { line: 480, lineRule: LineRuleType.EXACT },
        // Word draws one border around consecutive paragraphs bordered alike; `between` rules each line.
        border: { bottom: rule, between: rule },
        children: [],
      }),
  );
}

/** Rows at least this tall (mm) hold running text, which reads from the top of its box. */
const TALL = 20;

function cellOf(cell: FormCell, column: number, tall: boolean): TableCell {
  const span = 'label' in cell ? 1 : (cell.span ?? 1);
  const width = GRID.slice(column, column + span).reduce((a, b) => a + b, 0);
  const common = {
    width: { size: width, type: WidthType.DXA },
    columnSpan: span,
    margins: { top: 80, bottom: 80, left: 80, right: 80 },
  };
  if ('label' in cell)
    return new TableCell({
      ...common,
      verticalAlign: VerticalAlignTable.CENTER,
      // Distributed, so labels of three, four and five characters fill the column alike.
      children: cell.label
        .split('\n')
        .map(
          (line) =>
            new Paragraph({ alignment: AlignmentType.DISTRIBUTE, children: [text(line, { font: 'heiti' })] }),
        ),
    });
  if ('lines' in cell) return new TableCell({ ...common, children: ruled(cell.lines) });
  const align = cell.align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT;
  return new TableCell({
    ...common,
    verticalAlign: tall ? VerticalAlignTable.TOP : VerticalAlignTable.CENTER,
    children: (cell.value === '' ? [''] : cell.value.split('\n')).map(
      (line) =>
        new Paragraph({
          alignment: align,
          spacing: { line: 400, lineRule: LineRuleType.AT_LEAST },
          children: [text(line)],
        }),
    ),
  });
}

/** The bordered form: thick outer frame, thin inner rules, on the four-column grid. */
export function formTable(rows: readonly FormRow[]): Table {
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: GRID,
    layout: TableLayoutType.FIXED,
    borders: {
      top: thick,
      bottom: thick,
      left: thick,
      right: thick,
      insideHorizontal: thin,
      insideVertical: thin,
    },
    rows: rows.map((row) => {
      let column = 0;
      const children = row.cells.map((cell) => {
        const made = cellOf(cell, column, (row.minHeight ?? 0) >= TALL);
        column += 'label' in cell ? 1 : (cell.span ?? 1);
        return made;
      });
      return new TableRow({
        cantSplit: true,
        height: { value: Math.round((row.minHeight ?? 10) * MM), rule: HeightRule.ATLEAST },
        children,
      });
    }),
  });
}

/**
 * An A4 document with the GB/T 9704 side margins (left 28, right 26 mm); top and bottom are 25 mm rather
 * than 37 and 35, so that a form with long requirements still fits on one sheet.
 */
export async function pack(name: string, children: (Paragraph | Table)[]): Promise<Buffer> {
  const doc = new Document({
    creator: '落实',
    title: name,
    styles: { default: { document: { run: { font: fontOf('fangsong'), size: SIZE.sihao } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: Math.round(210 * MM), height: Math.round(297 * MM) },
            margin: {
              top: Math.round(25 * MM),
              bottom: Math.round(25 * MM),
              left: Math.round(28 * MM),
              right: Math.round(26 * MM),
            },
          },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** 2026-03-09 → 2026年3月9日, as dates are written in official papers. */
export function chineseDate(iso: string | null): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** A date left blank to fill by hand. */
export const BLANK_DATE = '　　年　　月　　日';
