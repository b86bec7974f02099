import ExcelJS from 'exceljs';
import {
  DEPARTMENT_SHEET,
  HELP_SHEET,
  LEDGER_COLUMNS,
  LEDGER_SHEET,
  MAX_IMPORT_ROWS,
  type LedgerColumn,
} from './columns.js';

/**
 * exceljs writes range validations (one `sqref` per column) but its typings only expose per-cell ones;
 * per-cell validations on thousands of empty rows would create every cell and bloat the file.
 */
interface RangeValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

export function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true, name: '宋体', size: 11 };
  row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  row.height = 24;
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = THIN;
  });
}

/** A quoted inline list; Excel's limit of 255 characters is far above our longest vocabulary. */
const listOf = (choices: readonly string[]) => `"${choices.join(',')}"`;

function validationOf(
  column: LedgerColumn,
  today: string,
  departments: number,
): ExcelJS.DataValidation | null {
  const common = { allowBlank: !column.required, showErrorMessage: true, errorTitle: column.header };
  if (column.choices) {
    return {
      ...common,
      type: 'list',
      formulae: [listOf(column.choices)],
      error: `请从下拉列表中选择：${column.choices.join('、')}`,
    };
  }
  switch (column.key) {
    case 'deadline':
      return {
        ...common,
        type: 'date',
        operator: 'greaterThanOrEqual',
        formulae: [new Date(`${today}T00:00:00Z`)],
        error: '请填写不早于今天的日期，如 2026-06-30',
      };
    case 'workingDays':
      return {
        ...common,
        type: 'whole',
        operator: 'between',
        formulae: [1, 365],
        error: '请填写 1～365 的整数',
      };
    case 'lead':
      // The drop-down offers the organisation's codes; typing a code is still allowed (errorStyle warning).
      return departments === 0
        ? null
        : {
            ...common,
            type: 'list',
            formulae: [`'${DEPARTMENT_SHEET}'!$A$2:$A$${departments + 1}`],
            errorStyle: 'warning',
            error: '部门编码不在「部门编码」表中',
          };
    default:
      return null;
  }
}

function addLedgerSheet(
  book: ExcelJS.Workbook,
  today: string,
  departments: readonly { code: string; name: string }[],
): void {
  const sheet = book.addWorksheet(LEDGER_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = LEDGER_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  styleHeader(sheet.getRow(1));
  LEDGER_COLUMNS.forEach((column, index) => {
    const headerCell = sheet.getRow(1).getCell(index + 1);
    if (column.required)
      headerCell.font = { bold: true, name: '宋体', size: 11, color: { argb: 'FFC00000' } };
    headerCell.note = `${column.required ? '（必填）' : '（选填）'}${column.help}`;
    const letter = sheet.getColumn(index + 1).letter;
    const validation = validationOf(column, today, departments.length);
    if (validation)
      (sheet as unknown as RangeValidations).dataValidations.add(
        `${letter}2:${letter}${MAX_IMPORT_ROWS + 1}`,
        validation,
      );
    if (column.key === 'deadline') sheet.getColumn(index + 1).numFmt = 'yyyy-mm-dd';
    // Codes such as 001 must stay text, or Excel drops the leading zeros.
    if (column.key === 'lead' || column.key === 'assists') sheet.getColumn(index + 1).numFmt = '@';
  });
}

function addHelpSheet(book: ExcelJS.Workbook): void {
  const sheet = book.addWorksheet(HELP_SHEET);
  sheet.columns = [{ width: 18 }, { width: 10 }, { width: 70 }, { width: 36 }];
  sheet.mergeCells('A1:D1');
  const title = sheet.getCell('A1');
  title.value = '督办事项台账填写说明';
  title.font = { bold: true, name: '黑体', size: 16 };
  title.alignment = { horizontal: 'center' };
  sheet.getRow(1).height = 30;
  sheet.addRow([]);
  styleHeader(sheet.addRow(['列名', '是否必填', '填写说明', '示例']));
  for (const column of LEDGER_COLUMNS) {
    const row = sheet.addRow([column.header, column.required ? '必填' : '选填', column.help, column.example]);
    row.alignment = { vertical: 'top', wrapText: true };
    row.eachCell({ includeEmpty: true }, (cell) => (cell.border = THIN));
  }
  sheet.addRow([]);
  const notes = [
    '1. 请在「督办事项」表中从第 2 行起每行填写一个事项，不要修改第 1 行的列名。',
    '2. 导入时逐行逐列检查，有任何错误则整个文件都不导入，并列出每处错误的行号、列名和原因。',
    `3. 单个文件最多 ${MAX_IMPORT_ROWS} 行；导入后的事项为「立项」状态，编号按年度顺序自动生成。`,
    '4. 填写示例（本说明中的示例不会被导入）：',
  ];
  for (const note of notes) sheet.addRow([note]).getCell(1).alignment = { wrapText: false };
  styleHeader(sheet.addRow(LEDGER_COLUMNS.map((c) => c.header)));
  sheet.addRow(LEDGER_COLUMNS.map((c) => c.example));
}

function addDepartmentSheet(
  book: ExcelJS.Workbook,
  departments: readonly { code: string; name: string }[],
): void {
  const sheet = book.addWorksheet(DEPARTMENT_SHEET);
  sheet.columns = [
    { header: '部门编码', key: 'code', width: 16 },
    { header: '部门名称', key: 'name', width: 30 },
  ];
  styleHeader(sheet.getRow(1));
  for (const d of departments) sheet.addRow({ code: d.code, name: d.name });
}

/** The downloadable 台账 template: the sheet to fill, its 说明 and the organisation's department codes. */
export async function buildTemplate(
  today: string,
  departments: readonly { code: string; name: string }[],
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '落实';
  addLedgerSheet(book, today, departments);
  addHelpSheet(book);
  addDepartmentSheet(book, departments);
  return Buffer.from(await book.xlsx.writeBuffer());
}
