import { extname } from "node:path";
import { findComtradeVariant, type ComtradeVariant } from "./comtrade/comtrade-columns.js";
import { innerName, openBytes, type ImportInput } from "./open-bytes.js";
import { detectStatFormat, type StatFormat } from "./stats/stat-format.js";

/** The formats `importFile` reads, as recorded on the dataset. */
export type ImportFormat =
  "chipflow-csv" | "chipflow-jsonl" | "comtrade-plus-json" | "comtrade-xlsx" | ComtradeVariant["format"] | StatFormat;

/**
 * What a user may ask for: `auto` looks at the file, `chipflow` picks CSV or JSON Lines by the file, `stats` an
 * answer of Eurostat's, Japan's e-Stat or the U.S. Census Bureau's trade API.
 */
export const FORMAT_CHOICES = ["auto", "chipflow", "comtrade", "stats"] as const;
export type FormatChoice = (typeof FORMAT_CHOICES)[number];

/** A file whose format cannot be told or does not match what was asked for. */
export class ImportFormatError extends Error {}

/** The first 64 KiB of a file (of its unpacked text, when gzipped), as Latin-1 text without a byte-order mark. */
async function readHead(input: ImportInput | string): Promise<string> {
  const { stream } = openBytes(input, 64 * 1024);
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of stream) {
      chunks.push(chunk as Buffer);
      length += (chunk as Buffer).length;
      if (length >= 64 * 1024) break;
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks)
    .subarray(0, 64 * 1024)
    .toString("latin1")
    .replace(/^\xEF\xBB\xBF/, "");
}

/** Why a workbook is refused: only Comtrade's are read from Excel (said after `file:1: `). */
export const NOT_A_COMTRADE_WORKBOOK =
  "cannot read this workbook as any known format: only a UN Comtrade workbook is read from Excel, with Comtrade's header (reporterCode, …) in the first row of its first sheet; save other data as CSV (see docs/import.md)";

/**
 * Picks the format from the file's first line (and extension): a JSON object, chipflow's header or Comtrade's. An
 * Excel workbook (a zip archive) is read as Comtrade's, and its reader checks the header of its first sheet (a
 * workbook is read whole, so once).
 */
export async function detectFormat(input: ImportInput | string, choice: FormatChoice = "auto"): Promise<ImportFormat> {
  const file = typeof input === "string" ? input : input.name;
  const head = await readHead(input);
  if (head.startsWith("PK\x03\x04")) {
    if (choice === "auto" || choice === "comtrade") return "comtrade-xlsx";
    throw new ImportFormatError(`${file}:1: ${NOT_A_COMTRADE_WORKBOOK}`);
  }
  const first = head.split(/\r?\n/)[0] ?? "";
  // A Comtrade+ API answer: one JSON document whose `data` array holds rows with Comtrade's keys.
  const comtradeJson = /^\s*\{/.test(head) && /"data"\s*:\s*\[/.test(head) && /"reporterCode"\s*:/.test(head);
  const stats = detectStatFormat(head);
  if ((choice === "auto" || choice === "stats") && stats) return stats;
  if (choice === "stats")
    throw new ImportFormatError(
      `${file}:1: cannot read this file as stats: expected an answer of Eurostat's Comext API (JSON-stat), e-Stat's getStatsData (JSON) or the Census Bureau's international trade API (JSON rows); see docs/import.md`,
    );
  if (choice !== "chipflow" && comtradeJson) return "comtrade-plus-json";
  const jsonl =
    first.trimStart().startsWith("{") || [".jsonl", ".ndjson"].includes(extname(innerName(file)).toLowerCase());
  const header = first.split(",").map((h) => h.trim().replace(/^"|"$/g, ""));
  const comtrade = findComtradeVariant(header);
  const chipflow = header.includes("period_start");
  if (choice !== "comtrade" && jsonl) return "chipflow-jsonl";
  if (choice !== "comtrade" && chipflow) return "chipflow-csv";
  if (choice !== "chipflow" && comtrade) return comtrade.format;
  const wanted =
    choice === "comtrade"
      ? "a UN Comtrade header (reporterCode, … or Reporter Code, …)"
      : choice === "chipflow"
        ? "chipflow's header (period_start,period_end,…) or JSON Lines"
        : "chipflow's header (period_start,…), JSON Lines, or a UN Comtrade header (reporterCode,…)";
  throw new ImportFormatError(
    `${file}:1: cannot read this file as ${choice === "auto" ? "any known format" : choice}: expected ${wanted}; see docs/import.md`,
  );
}
