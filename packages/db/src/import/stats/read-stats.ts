import type { Readable } from "node:stream";
import { ImportFormatError } from "../detect-format.js";
import type { FactSourceRecord } from "../import-facts.js";
import { readCensus } from "./read-census.js";
import { readEstat } from "./read-estat.js";
import { readEurostat } from "./read-eurostat.js";
import type { StatSourceOptions } from "./stat-fact.js";

/** The answers of statistics offices' APIs that chipflow reads, as recorded on the dataset. */
export const STAT_FORMATS = ["eurostat-json", "estat-json", "census-json"] as const;
export type StatFormat = (typeof STAT_FORMATS)[number];

/** These answers hold one table each and are read whole; a larger file is not one of them. */
const MAX_BYTES = 64 * 1024 * 1024;

/**
 * Which statistics office's answer a file's first bytes look like: an e-Stat `getStatsData` answer, a JSON-stat
 * dataset with reporter and partner dimensions (Eurostat Comext), or Census rows with a country column.
 */
export function detectStatFormat(head: string): StatFormat | undefined {
  if (/^\s*\{/.test(head) && /"GET_STATS_DATA"\s*:/.test(head)) return "estat-json";
  if (/^\s*\{/.test(head) && /"class"\s*:\s*"dataset"/.test(head) && /"reporter"/.test(head) && /"partner"/.test(head))
    return "eurostat-json";
  if (/^\s*\[\s*\[/.test(head) && /"CTY_CODE"/.test(head) && /"[EI]_COMMODITY"/.test(head)) return "census-json";
  return undefined;
}

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
