import { FACT_COLUMNS, type FactCsvRow } from "@chipflow/core";
import type { Readable } from "node:stream";
import { createInterface } from "node:readline";
import type { FactSourceRecord } from "./import-facts.js";

const KNOWN = new Set<string>(FACT_COLUMNS);

/** One JSON Lines record as a fact row, or what is wrong with it. */
export function toFactRowFromJson(text: string): FactCsvRow | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return "expected one JSON object per line";
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return "expected a JSON object";
  const object = parsed as Record<string, unknown>;
  const unknown = Object.keys(object).filter((k) => !KNOWN.has(k));
  if (unknown.length) return `unknown key(s) ${unknown.join(", ")} (expected keys: ${FACT_COLUMNS.join(", ")})`;
  const row = {} as FactCsvRow;
  for (const c of FACT_COLUMNS) {
    const v = object[c];
    if (v === undefined || v === null) row[c] = "";
    else if (typeof v === "string") row[c] = v;
    else if (typeof v === "number") row[c] = String(v);
    else return `key ${c}: expected a string, a number or null`;
  }
  return row;
}

/**
 * Streams the rows of a chipflow JSON Lines file: one object per line with the keys of `FACT_COLUMNS`
 * (a missing key or null means blank; numbers may be JSON numbers). Blank lines are skipped.
 */
export async function* readFactJsonl(input: Readable): AsyncGenerator<FactSourceRecord> {
  let line = 0;
  for await (const raw of createInterface({ input, crlfDelay: Infinity })) {
    line++;
    const text = line === 1 ? raw.replace(/^\uFEFF/, "") : raw;
    if (text.trim() === "") continue;
    const result = toFactRowFromJson(text);
    if (typeof result === "string") {
      yield { line, errors: [{ column: "(line)", value: text, message: result }] };
    } else {
      yield { line, row: result };
    }
  }
}
