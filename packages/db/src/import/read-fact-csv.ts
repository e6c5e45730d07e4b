import { FACT_COLUMNS, OPTIONAL_FACT_COLUMNS, type FactCsvRow } from "@chipflow/core";
import type { Readable } from "node:stream";
import type { FactSourceRecord } from "./import-facts.js";
import { CsvHeaderError } from "./read-csv.js";
import { readCsvRecordBatches } from "./read-csv-records.js";
import { restoreCell } from "../export/neutralise-cell.js";

/**
 * Streams the rows of a chipflow fact CSV: the header must hold exactly `FACT_COLUMNS` (in any order; the
 * `OPTIONAL_FACT_COLUMNS` may be left out, and read as blank); a row with
 * the wrong number of fields becomes a row error, so one bad line never hides the others.
 */
export async function* readFactCsv(file: string, input: Readable): AsyncGenerator<FactSourceRecord> {
  let header: string[] | undefined;
  for await (const batch of readCsvRecordBatches(input)) {
    for (const { line, fields } of batch) {
      if (!header) {
        header = fields.map((h) => h.trim());
        const missing = FACT_COLUMNS.filter((c) => !header!.includes(c) && !OPTIONAL_FACT_COLUMNS.includes(c));
        const unknown = header.filter((h) => !(FACT_COLUMNS as readonly string[]).includes(h));
        if (missing.length || unknown.length) throw new CsvHeaderError(file, missing, unknown);
        continue;
      }
      if (fields.length !== header.length) {
        const value = fields.join(",");
        const message = `expected ${header.length} fields as in the header, got ${fields.length}`;
        yield { line, errors: [{ column: "(row)", value, message }] };
        continue;
      }
      const row = { source_locator: "", source_type: "" } as FactCsvRow;
      for (let i = 0; i < header.length; i++) row[header[i] as keyof FactCsvRow] = restoreCell(fields[i]!);
      yield { line, row };
    }
  }
}
