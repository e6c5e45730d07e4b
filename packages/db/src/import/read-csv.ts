import { createReadStream } from "node:fs";
import { parse } from "csv-parse";

/** One record of a CSV file with the 1-based line it starts on. */
export interface CsvRecord<C extends string> {
  line: number;
  row: Record<C, string>;
}

/** A CSV file whose header does not hold the columns a reader needs. */
export class CsvHeaderError extends Error {
  constructor(
    readonly file: string,
    readonly missing: string[],
    readonly unknown: string[],
  ) {
    // A header of thousands of columns (a file that is not a table at all) is named by its first few.
    const some = (list: string[]) =>
      list.length > 10 ? `${list.slice(0, 10).join(", ")} and ${list.length - 10} more` : list.join(", ");
    const parts = [
      missing.length ? `missing column(s) ${some(missing)}` : "",
      unknown.length
        ? `unknown column(s) ${some(unknown.map((c) => (c.length > 40 ? `${c.slice(0, 37)}...` : c)))}`
        : "",
    ].filter(Boolean);
    super(`${file}:1: ${parts.join("; ")}`);
  }
}

/**
 * Streams the records of a UTF-8 CSV file (a BOM is skipped), checking the header against `columns`:
 * every column must be there, but the `optional` ones (read as blank when absent), and no other. Memory stays flat
 * however large the file.
 */
export async function* readCsv<C extends string>(
  file: string,
  columns: readonly C[],
  { optional = [], input = createReadStream(file) }: { optional?: readonly C[]; input?: NodeJS.ReadableStream } = {},
): AsyncGenerator<CsvRecord<C>> {
  const parser = input.pipe(
    parse({ bom: true, relax_column_count: false, skip_empty_lines: true, info: true, trim: false }),
  );
  // A file that cannot be read (missing, a folder) fails the iteration instead of crashing the process.
  input.on("error", (error: Error) => parser.destroy(error));
  let header: string[] | undefined;
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    if (!header) {
      header = record.map((h) => h.trim());
      const missing = columns.filter((c) => !header!.includes(c) && !optional.includes(c));
      const unknown = header.filter((h) => !(columns as readonly string[]).includes(h));
      if (missing.length || unknown.length) throw new CsvHeaderError(file, missing, unknown);
      continue;
    }
    const row = Object.fromEntries(optional.map((c) => [c, ""])) as Record<C, string>;
    header.forEach((h, i) => (row[h as C] = record[i] ?? ""));
    yield { line: info.lines, row };
  }
}
