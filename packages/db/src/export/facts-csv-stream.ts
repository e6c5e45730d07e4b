import { FACT_COLUMNS, toFactRow, type FactRecord } from "@chipflow/core";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { FactCsvCells } from "../queries/iterate-facts.js";
import { neutraliseCell } from "./neutralise-cell.js";

export interface FactsCsvOptions {
  /** Start with a UTF-8 byte-order mark, so that Excel reads the file as UTF-8. */
  bom?: boolean;
}

/** Rows per chunk handed to the stream: one string per batch keeps the per-row cost to building the line. */
const ROWS_PER_CHUNK = 512;
const NEEDS_QUOTES = /[",\n\r]/;
const QUOTES = /"/g;

/** One cell as RFC 4180 text: blank for null, formulas neutralised, quoted when it holds `"`, `,` or a line break. */
function toCsvCell(value: string | number | null): string {
  if (value === null) return "";
  // A number's text never starts a formula: `-5` stays a number, as `neutraliseCell` would keep it.
  if (typeof value === "number") return String(value);
  const text = neutraliseCell(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(QUOTES, '""')}"` : text;
}

/** One record, ending with CRLF as RFC 4180 (and docs/api.md) say. */
export function toCsvLine(cells: readonly (string | number | null)[]): string {
  let line = toCsvCell(cells[0] ?? null);
  for (let i = 1; i < cells.length; i++) line += "," + toCsvCell(cells[i] ?? null);
  return line + "\r\n";
}

/** The header and then the rows as CSV text, a few hundred rows per string. */
function* toCsvChunks(rows: Iterable<readonly (string | number | null)[]>, bom: boolean): Generator<string> {
  yield (bom ? "\uFEFF" : "") + toCsvLine(FACT_COLUMNS);
  let chunk = "";
  let count = 0;
  for (const row of rows) {
    chunk += toCsvLine(row);
    if (++count === ROWS_PER_CHUNK) {
      yield chunk;
      chunk = "";
      count = 0;
    }
  }
  if (chunk) yield chunk;
}

function* toCells(facts: Iterable<FactRecord>): Generator<string[]> {
  for (const fact of facts) {
    const row = toFactRow(fact);
    yield FACT_COLUMNS.map((c) => row[c]);
  }
}

/**
 * The facts as chipflow's fact CSV text, a few hundred rows per string: a header of exactly `FACT_COLUMNS`, then
 * one row per fact, pulled from `facts` only as the strings are taken. Cells that a spreadsheet would run as a
 * formula are neutralised.
 */
export function factsCsvChunks(facts: Iterable<FactRecord>, options: FactsCsvOptions = {}): Generator<string> {
  return toCsvChunks(toCells(facts), options.bom ?? false);
}

/** Writes the facts as chipflow's fact CSV to `out`; resolves with the number of facts once all is flushed. */
export async function writeFactsCsv(
  facts: Iterable<FactRecord>,
  out: NodeJS.WritableStream,
  options: FactsCsvOptions = {},
): Promise<number> {
  return writeFactCsvCells(toCells(facts), out, options);
}

/**
 * Writes rows already in `FACT_COLUMNS` order (see `iterateFactCsvCells`) as chipflow's fact CSV to `out`, with
 * backpressure: rows are read only as fast as `out` takes them. Resolves with the number of rows once all is flushed.
 */
export async function writeFactCsvCells(
  rows: Iterable<FactCsvCells>,
  out: NodeJS.WritableStream,
  options: FactsCsvOptions = {},
): Promise<number> {
  let count = 0;
  const counted = (function* () {
    for (const row of rows) {
      count++;
      yield row;
    }
  })();
  await pipeline(Readable.from(toCsvChunks(counted, options.bom ?? false), { objectMode: false }), out);
  return count;
}
