import ExcelJS from 'exceljs';
import { toCsv } from '../../../platform/http/csv.js';

/** The one export of a batch's codes, as the distributor's spreadsheet. */

const HEADER = ['序号', '兑换码', '方案', '有效期至'];

export interface CodeSheet {
  planName: string;
  expiresOn: string;
  codes: readonly string[];
}

const rowsOf = (sheet: CodeSheet) =>
  sheet.codes.map((code, i) => [i + 1, code, sheet.planName, sheet.expiresOn]);

export function codesCsv(sheet: CodeSheet): Buffer {
  return Buffer.from(toCsv(HEADER, rowsOf(sheet)), 'utf8');
}

export async function codesXlsx(sheet: CodeSheet): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('兑换码');
  ws.columns = [{ width: 8 }, { width: 24 }, { width: 16 }, { width: 14 }];
  ws.addRow(HEADER).font = { bold: true };
  for (const row of rowsOf(sheet)) ws.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}
