import ExcelJS from 'exceljs';
import { AppError } from '../../../platform/http/errors.js';
import { LEDGER_COLUMNS, LEDGER_SHEET, MAX_IMPORT_ROWS, type ColumnKey } from './columns.js';

/** A cell as the importer sees it: text, a number, a boolean, a date, or an Excel error value. */
export type Plain = string | number | boolean | Date | { error: string };

export interface RawRow {
  /** The row number Excel shows, so people find the row the error names. */
  row: number;
  cells: Partial<Record<ColumnKey, Plain>>;
}

export interface LedgerIssue {
  row: number;
  column: string;
  message: string;
}

/** What a cell shows: the result of a formula, the text of rich text or a hyperlink. */
function plainOf(value: ExcelJS.CellValue): Plain | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || typeof value !== 'object') return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('error' in value) return { error: value.error };
  // A hyperlink's text may itself be rich text, though exceljs types it as a string.
  if ('hyperlink' in value) return plainOf(value.text);
  if ('result' in value && value.result !== undefined) return plainOf(value.result);
  return null;
}

const blank = (value: Plain | null) => value === null || (typeof value === 'string' && value.trim() === '');

/** Header text as typed, without the marks people add to it (「标题*」, 「标题（必填）」, spaces). */
const headerKey = (text: string) => text.replace(/[*＊\s]|（必填）|\(必填\)/g, '');

export function fileError(message: string, errors: LedgerIssue[] = []): AppError {
  return new AppError('VALIDATION_FAILED', message, { errors });
}

/**
 * Read the 督办事项 sheet (or the first sheet) into rows keyed by column. Columns are found by their header,
 * so a reordered or extended sheet still reads; blank rows are skipped.
 */
export async function readLedger(bytes: Buffer): Promise<RawRow[]> {
  const book = new ExcelJS.Workbook();
  try {
    // exceljs declares its own `Buffer extends ArrayBuffer`; it reads a Node Buffer as it is.
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw fileError('文件：不是有效的 Excel 工作簿（.xlsx），请使用下载的台账模板');
  }
  const sheet = book.getWorksheet(LEDGER_SHEET) ?? book.worksheets[0];
  if (!sheet) throw fileError('文件：工作簿中没有工作表');

  const positions = new Map<ColumnKey, number>();
  sheet.getRow(1).eachCell((cell, col) => {
    const text = plainOf(cell.value);
    const column = LEDGER_COLUMNS.find((c) => typeof text === 'string' && c.header === headerKey(text));
    if (column && !positions.has(column.key)) positions.set(column.key, col);
  });
  const missing = LEDGER_COLUMNS.filter((c) => !positions.has(c.key));
  if (missing.length > 0)
    throw fileError(
      `文件：第 1 行缺少列 ${missing.map((c) => `「${c.header}」`).join('')}，请使用下载的台账模板`,
      missing.map((c) => ({ row: 1, column: c.header, message: '缺少此列' })),
    );

  const rows: RawRow[] = [];
  let tooMany = false;
  sheet.eachRow((excelRow, number) => {
    if (number === 1 || tooMany) return;
    const cells: RawRow['cells'] = {};
    for (const [key, col] of positions) {
      const value = plainOf(excelRow.getCell(col).value);
      if (value !== null && !blank(value)) cells[key] = value;
    }
    if (Object.keys(cells).length === 0) return;
    if (rows.length === MAX_IMPORT_ROWS) tooMany = true;
    else rows.push({ row: number, cells });
  });
  if (tooMany) throw fileError(`文件：超过单次导入上限 ${MAX_IMPORT_ROWS} 行，请分成几个文件导入`);
  if (rows.length === 0) throw fileError('文件：「督办事项」表中没有填写任何事项');
  return rows;
}
