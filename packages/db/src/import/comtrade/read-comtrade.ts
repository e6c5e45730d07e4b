import type { Readable } from "node:stream";
import chain from "stream-chain";
import { parser } from "stream-json";
import { pick } from "stream-json/filters/pick.js";
import { streamArray } from "stream-json/streamers/stream-array.js";
import type { FactSourceRecord } from "../import-facts.js";
import { CsvHeaderError } from "../read-csv.js";
import { readCsvRecords, type RawCsvRecord } from "../read-csv-records.js";
import { ImportFormatError, NOT_A_COMTRADE_WORKBOOK } from "../detect-format.js";
import { readSheetRows } from "../read-sheet-rows.js";
import {
  findComtradeVariant,
  type ComtradeField,
  type ComtradeFields,
  type ComtradeVariant,
} from "./comtrade-columns.js";
import type { ImportReportCollector } from "../report/import-report-collector.js";
import { toComtradeFacts, toComtradePeriod, type ComtradeOptions } from "./comtrade-facts.js";
import { reportComtradeRow, toComtradeReportGroup } from "./report-comtrade-row.js";

export const SKIP_MONTHLY = "monthly rows of a reporter and year that also has annual rows";

/** What reading a Comtrade file found besides its facts: the rows left out, by reason. */
export interface ComtradeReadReport {
  skipped: Record<string, number>;
  /** Told of every row left out and every code that maps to nothing, when an import report is wanted. */
  collector?: ImportReportCollector | undefined;
}

interface Table {
  variant: ComtradeVariant;
  width: number;
  index: Record<ComtradeField, number>;
}

function toTable(file: string, header: string[]): Table {
  const names = header.map((h) => h.trim());
  while (names.length && names[names.length - 1] === "") names.pop(); // a header that ends with a comma
  const variant = findComtradeVariant(names);
  if (!variant) throw new CsvHeaderError(file, ["reporterCode (Comtrade+) or Reporter Code (legacy)"], []);
  const index = {} as Record<ComtradeField, number>;
  const missing: string[] = [];
  for (const [field, column] of Object.entries(variant.columns) as [ComtradeField, string | null][]) {
    index[field] = column === null ? -1 : names.indexOf(column);
    if (column !== null && index[field] < 0) missing.push(column);
  }
  if (missing.length) throw new CsvHeaderError(file, missing, []);
  return { variant, width: names.length, index };
}

function toFields(table: Table, fields: string[]): ComtradeFields {
  const out = {} as ComtradeFields;
  for (const key of Object.keys(table.index) as ComtradeField[]) out[key] = fields[table.index[key]] ?? "";
  return out;
}

/** The fields of a record, or why its length is wrong. A trailing comma (one empty field too many) is allowed. */
function checkWidth(table: Table, r: RawCsvRecord): string | null {
  const n = r.fields.length;
  if (n === table.width || (n === table.width + 1 && r.fields[n - 1]!.trim() === "")) return null;
  return `expected ${table.width} fields as in the header, got ${n}`;
}

/**
 * How a Comtrade file holds its rows: CSV (a header, then records), a Comtrade+ API answer (`{"data":[…]}`), or an
 * Excel workbook whose first sheet holds the header and rows (Comtrade+'s "Download Excel").
 */
export type ComtradeLayout = "csv" | "json" | "xlsx";

async function* csvRowsOf(file: string, input: Readable) {
  let table: Table | undefined;
  for await (const record of readCsvRecords(input)) {
    if (!table) table = toTable(file, record.fields);
    else yield { table, record };
  }
}

/**
 * The rows of a Comtrade+ API answer, streamed out of its `data` array one object at a time (never the whole
 * document in memory). The first object's keys are the header (the API's keys are the bulk CSV's column names);
 * a row's "line" is its position in `data`, from 1.
 */
async function* jsonRowsOf(file: string, input: Readable) {
  let table: Table | undefined;
  let keys: string[] = [];
  const rows = chain([input, parser(), pick({ filter: "data" }), streamArray()]);
  for await (const { key, value } of rows as AsyncIterable<{ key: number; value: Record<string, unknown> }>) {
    if (!table) table = toTable(file, (keys = Object.keys(value)));
    const fields = keys.map((k) => toField(value[k]));
    yield { table, record: { line: key + 1, fields } satisfies RawCsvRecord };
  }
}

/**
 * The rows of a workbook's first sheet, read once (a workbook is read whole); a row's "line" is its row number in
 * the sheet (the header's is 1).
 */
async function xlsxRows(file: string, input: Readable): Promise<Row[]> {
  const [header, ...rows] = await readSheetRows(file, input);
  const names = (header?.values ?? []).map(toField);
  if (!findComtradeVariant(names)) throw new ImportFormatError(`${file}:1: ${NOT_A_COMTRADE_WORKBOOK}`);
  const table = toTable(file, names);
  return rows.map(({ line, values }) => ({
    table,
    record: { line, fields: Array.from({ length: table.width }, (_, i) => toField(values[i])) },
  }));
}

/** A JSON value as the text a CSV cell would hold: blank for null, JSON for an object or array. */
const toField = (v: unknown): string =>
  v === null || v === undefined
    ? ""
    : typeof v === "string"
      ? v
      : typeof v === "number" || typeof v === "boolean"
        ? String(v)
        : JSON.stringify(v);

/** A row of a Comtrade file with the table it belongs to. */
interface Row {
  table: Table;
  record: RawCsvRecord;
}

const rowsOf = (file: string, input: Readable, layout: "csv" | "json"): AsyncIterable<Row> =>
  layout === "json" ? jsonRowsOf(file, input) : csvRowsOf(file, input);

/** Reporter and year of every annual row, so monthly rows of the same reporter and year can be left out. */
async function findAnnualKeys(rows: AsyncIterable<Row> | Iterable<Row>): Promise<Set<string>> {
  const keys = new Set<string>();
  for await (const { table, record } of rows) {
    const fields = toFields(table, record.fields);
    const period = toComtradePeriod(fields);
    if (!("field" in period) && period.freq === "A") keys.add(`${fields.reporterCode.trim()}|${period.year}`);
  }
  return keys;
}

/**
 * Streams the facts of a UN Comtrade CSV (Comtrade+, legacy web or legacy API columns), Comtrade+ API answer in
 * JSON or Excel workbook (`layout`). Reads the file twice (a workbook once, kept in memory):
 * first to find which reporters and years have annual rows (their monthly rows are then skipped, so annual and
 * monthly figures are never both counted), then to convert each total row. `open` opens the file afresh.
 */
export async function* readComtrade(
  file: string,
  open: () => Readable,
  options: ComtradeOptions,
  report: ComtradeReadReport,
  layout: ComtradeLayout = "csv",
): AsyncGenerator<FactSourceRecord> {
  const sheet = layout === "xlsx" ? await xlsxRows(file, open()) : undefined;
  const rows = () => sheet ?? rowsOf(file, open(), layout === "json" ? "json" : "csv");
  const annual = await findAnnualKeys(rows());
  const skip = (reason: string) => (report.skipped[reason] = (report.skipped[reason] ?? 0) + 1);
  const { collector } = report;
  for await (const { table, record } of rows()) {
    const { line } = record;
    const width = checkWidth(table, record);
    if (width) {
      yield { line, errors: [{ column: "(row)", value: record.fields.join(","), message: width }] };
      continue;
    }
    const fields = toFields(table, record.fields);
    const period = toComtradePeriod(fields);
    if (!("field" in period) && period.freq === "M" && annual.has(`${fields.reporterCode.trim()}|${period.year}`)) {
      skip(SKIP_MONTHLY);
      collector?.skipped(line, SKIP_MONTHLY, toComtradeReportGroup(fields));
      continue;
    }
    const result = toComtradeFacts(fields, options);
    if (result.kind === "facts") {
      const { product, reportedBy } = result;
      for (const row of result.rows) yield { line, row, product, reportedBy };
      continue;
    }
    const column = (f: ComtradeField) => table.variant.columns[f] ?? f;
    if (collector) reportComtradeRow(collector, line, fields, result, column);
    if (result.kind === "skip") skip(result.reason);
    else {
      yield {
        line,
        errors: result.errors.map((e) => ({ column: column(e.field), value: e.value, message: e.message })),
      };
    }
  }
}
