import type { Readable } from "node:stream";
import type { FactSourceRecord } from "../import-facts.js";
import { CsvHeaderError } from "../read-csv.js";
import { readCsvRecords, type RawCsvRecord } from "../read-csv-records.js";
import {
  findComtradeVariant,
  type ComtradeField,
  type ComtradeFields,
  type ComtradeVariant,
} from "./comtrade-columns.js";
import { toComtradeFacts, toComtradePeriod, type ComtradeOptions } from "./comtrade-facts.js";

export const SKIP_MONTHLY = "monthly rows of a reporter and year that also has annual rows";

/** What reading a Comtrade file found besides its facts: the rows left out, by reason. */
export interface ComtradeReadReport {
  skipped: Record<string, number>;
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

async function* rowsOf(file: string, input: Readable) {
  let table: Table | undefined;
  for await (const record of readCsvRecords(input)) {
    if (!table) table = toTable(file, record.fields);
    else yield { table, record };
  }
}

/** Reporter and year of every annual row, so monthly rows of the same reporter and year can be left out. */
async function findAnnualKeys(file: string, input: Readable): Promise<Set<string>> {
  const keys = new Set<string>();
  for await (const { table, record } of rowsOf(file, input)) {
    const fields = toFields(table, record.fields);
    const period = toComtradePeriod(fields);
    if (!("field" in period) && period.freq === "A") keys.add(`${fields.reporterCode.trim()}|${period.year}`);
  }
  return keys;
}

/**
 * Streams the facts of a UN Comtrade CSV (Comtrade+, legacy web or legacy API columns). Reads the file twice:
 * first to find which reporters and years have annual rows (their monthly rows are then skipped, so annual and
 * monthly figures are never both counted), then to convert each total row. `open` opens the file afresh.
 */
export async function* readComtrade(
  file: string,
  open: () => Readable,
  options: ComtradeOptions,
  report: ComtradeReadReport,
): AsyncGenerator<FactSourceRecord> {
  const annual = await findAnnualKeys(file, open());
  const skip = (reason: string) => (report.skipped[reason] = (report.skipped[reason] ?? 0) + 1);
  for await (const { table, record } of rowsOf(file, open())) {
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
      continue;
    }
    const result = toComtradeFacts(fields, options);
    if (result.kind === "skip") skip(result.reason);
    else if (result.kind === "errors") {
      const column = (f: ComtradeField) => table.variant.columns[f] ?? f;
      yield {
        line,
        errors: result.errors.map((e) => ({ column: column(e.field), value: e.value, message: e.message })),
      };
    } else {
      for (const row of result.rows) yield { line, row, product: result.product };
    }
  }
}
