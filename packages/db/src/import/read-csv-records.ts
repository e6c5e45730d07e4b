import type { Readable } from "node:stream";
import { CsvScanner, type RawCsvRecord } from "./csv-scanner.js";

export type { RawCsvRecord } from "./csv-scanner.js";

/**
 * Streams the raw records of a CSV text (a UTF-8 BOM is skipped; empty lines are skipped), a chunk's worth at a
 * time. Records may have any number of fields: callers check the count against their header and report a row
 * error instead of failing. Memory stays flat: only a record split across chunks is held over.
 */
export async function* readCsvRecordBatches(input: Readable): AsyncGenerator<RawCsvRecord[]> {
  const scanner = new CsvScanner();
  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    const records = scanner.push(typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk);
    if (records.length) yield records;
  }
  const last = scanner.end();
  if (last.length) yield last;
}

/** The records of a CSV text one by one (see `readCsvRecordBatches`). */
export async function* readCsvRecords(input: Readable): AsyncGenerator<RawCsvRecord> {
  for await (const batch of readCsvRecordBatches(input)) yield* batch;
}
