import type { Readable } from "node:stream";
import { ImportFormatError } from "../detect-format.js";
import type { FactSourceRecord } from "../import-facts.js";
import { readCensus } from "./read-census.js";
import { readEstat } from "./read-estat.js";
import { readEurostat } from "./read-eurostat.js";
import type { StatSourceOptions } from "./stat-fact.js";
import type { StatFormat } from "./stat-format.js";

/** These answers hold one table each and are read whole; a larger file is not one of them. */
const MAX_BYTES = 64 * 1024 * 1024;

/** The facts of a statistics office's answer (`format`), read whole; rows left out are counted in `skipped`. */
export async function* readStats(
  file: string,
  input: Readable,
  format: StatFormat,
  options: StatSourceOptions,
  skipped: Record<string, number>,
): AsyncGenerator<FactSourceRecord> {
  let text = "";
  for await (const chunk of input) {
    text += String(chunk);
    if (text.length > MAX_BYTES)
      throw new ImportFormatError(`${file}: larger than ${MAX_BYTES / 1024 / 1024} MB, which no single answer is`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new ImportFormatError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  const records =
    format === "eurostat-json"
      ? readEurostat(file, doc as Parameters<typeof readEurostat>[1], options, skipped)
      : format === "estat-json"
        ? readEstat(file, doc as Parameters<typeof readEstat>[1], options, skipped)
        : readCensus(file, doc, options);
  yield* records;
}
