import { FACT_COLUMNS, toFactRow, type FactCsvRow, type FactRecord } from "@chipflow/core";
import { stringify } from "csv-stringify";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { neutraliseCell } from "./neutralise-cell.js";

export interface FactsCsvOptions {
  /** Start with a UTF-8 byte-order mark, so that Excel reads the file as UTF-8. */
  bom?: boolean;
}

function* toCsvRows(facts: Iterable<FactRecord>): Generator<string[]> {
  for (const fact of facts) {
    const row: FactCsvRow = toFactRow(fact);
    yield FACT_COLUMNS.map((c) => neutraliseCell(row[c]));
  }
}

/**
 * The facts as chipflow's fact CSV: a header of exactly `FACT_COLUMNS`, then one row per fact, pulled from
 * `facts` only as fast as the reader consumes it. Cells that a spreadsheet would run as a formula are neutralised.
 */
export function factsCsvStream(facts: Iterable<FactRecord>, options: FactsCsvOptions = {}): Readable {
  const csv = stringify({ header: true, columns: [...FACT_COLUMNS], bom: options.bom ?? false, eof: true });
  return Readable.from(toCsvRows(facts)).pipe(csv);
}

/** Writes the facts as chipflow's fact CSV to `out`; resolves with the number of facts once all is flushed. */
export async function writeFactsCsv(
  facts: Iterable<FactRecord>,
  out: NodeJS.WritableStream,
  options: FactsCsvOptions = {},
): Promise<number> {
  let count = 0;
  const counted = (function* () {
    for (const f of facts) {
      count++;
      yield f;
    }
  })();
  await pipeline(factsCsvStream(counted, options), out);
  return count;
}
