import type { Readable } from "node:stream";
import { ImportFormatError } from "./detect-format.js";

/** A cell as a plain value: text, a number, a boolean or nothing. */
export type SheetValue = string | number | boolean | null;

/** One non-empty row of a sheet: its row number (from 1, as Excel shows it) and its cells from column A on. */
export interface SheetRow {
  line: number;
  values: SheetValue[];
}

/**
 * The rows of a workbook's first sheet (an .xlsx file, such as UN Comtrade+'s "Download Excel"). The workbook is
 * read whole: ExcelJS's streaming reader needs the workbook part before the sheets, and Comtrade+'s files put it
 * after them. Excel itself holds at most 1,048,576 rows a sheet. A file that is no workbook, or a damaged one, is
 * refused naming `file`.
 */
export async function readSheetRows(file: string, input: Readable): Promise<SheetRow[]> {
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.read(input);
  } catch (error) {
    throw new ImportFormatError(`${file}:1: cannot open this Excel workbook (${(error as Error).message})`);
  }
  const sheet = workbook.worksheets[0];
  const rows: SheetRow[] = [];
  sheet?.eachRow((row, line) => {
    const cells = row.values as unknown[]; // 1-based: cells[1] is column A
    rows.push({ line, values: Array.from({ length: cells.length - 1 }, (_, i) => toSheetValue(cells[i + 1])) });
  });
  return rows;
}

/** A cell's value as ExcelJS gives it (a formula, rich text, a link, a date or an error) as a plain value. */
function toSheetValue(cell: unknown): SheetValue {
  if (cell === null || cell === undefined) return null;
  if (typeof cell !== "object") return cell as SheetValue;
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  const v = cell as { result?: unknown; richText?: { text: string }[]; text?: unknown; error?: string };
  if ("result" in v) return toSheetValue(v.result);
  if (v.richText) return v.richText.map((t) => t.text).join("");
  if ("text" in v) return toSheetValue(v.text);
  return v.error ?? null;
}
