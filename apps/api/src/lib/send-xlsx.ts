import { SOURCE_CSV_COLUMNS, type Source } from "@chipflow/core";
import type ExcelJS from "exceljs";
import type { FastifyReply } from "fastify";
import type { CsvCell } from "./send-csv.js";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** Columns that hold a calendar date: written as dates, shown as YYYY-MM-DD. */
const DATE_COLUMNS = new Set(["period_start", "period_end"]);

function addSheet(book: ExcelJS.Workbook, name: string, columns: readonly string[], rows: Iterable<CsvCell[]>) {
  const sheet = book.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c, key: c, width: Math.max(10, c.length + 2) }));
  const dates = columns.map((c) => DATE_COLUMNS.has(c));
  for (const row of rows) {
    sheet.addRow(row.map((v, i) => (dates[i] && typeof v === "string" ? new Date(`${v}T00:00:00Z`) : (v ?? null))));
  }
  columns.forEach((c, i) => {
    if (dates[i]) sheet.getColumn(i + 1).numFmt = "yyyy-mm-dd";
  });
}

/**
 * Sends a view as an Excel workbook: a `data` sheet with the CSV's columns (numbers as numbers, dates as dates,
 * text as text, never a formula) and a `sources` sheet, both with their header row frozen.
 */
export async function sendViewXlsx(
  reply: FastifyReply,
  view: { name: string; columns: readonly string[]; rows: Iterable<CsvCell[]>; sources: Source[] },
) {
  // Loaded on the first workbook asked for: a server that is never asked for one does not carry it (about 30 MB).
  const { default: Excel } = await import("exceljs");
  const book = new Excel.Workbook();
  book.creator = "chipflow";
  addSheet(book, "data", view.columns, view.rows);
  addSheet(
    book,
    "sources",
    SOURCE_CSV_COLUMNS,
    view.sources.map((s) => [s.id, s.publisher, s.title, s.publishedOn, s.url, s.locator, s.type, s.notes]),
  );
  const body = Buffer.from(await book.xlsx.writeBuffer());
  return reply
    .header("Content-Type", XLSX)
    .header("Content-Disposition", `attachment; filename="${view.name}.xlsx"`)
    .send(body);
}
