import { parse } from "csv-parse";
import type { Readable } from "node:stream";

/** One CSV record as its raw fields, with the line it ends on (the line it is on, for one-line records). */
export interface RawCsvRecord {
  line: number;
  fields: string[];
}

/**
 * Streams the raw records of a CSV text (a UTF-8 BOM is skipped; empty lines are skipped). Records may have any
 * number of fields: callers check the count against their header and report a row error instead of failing.
 */
export async function* readCsvRecords(input: Readable): AsyncGenerator<RawCsvRecord> {
  const parser = input.pipe(
    parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true, trim: false }),
  );
  input.on("error", (e) => parser.destroy(e));
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    yield { line: info.lines, fields: record };
  }
}
