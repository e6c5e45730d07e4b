import { FACT_COLUMNS, toFactRow, type FactRecord } from "@chipflow/core";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

function* toLines(facts: Iterable<FactRecord>): Generator<string> {
  for (const fact of facts) {
    const row = toFactRow(fact);
    const object: Record<string, string | number | null> = {};
    for (const c of FACT_COLUMNS) object[c] = row[c] === "" ? null : row[c];
    for (const c of ["value", "low", "high"] as const) object[c] = fact[c];
    yield `${JSON.stringify(object)}\n`;
  }
}

/**
 * Writes the facts as JSON Lines: one object per line with the keys of `FACT_COLUMNS`, numbers as numbers and
 * blanks as null. Resolves with the number of facts.
 */
export async function writeFactsJsonl(facts: Iterable<FactRecord>, out: NodeJS.WritableStream): Promise<number> {
  let count = 0;
  const counted = (function* () {
    for (const f of facts) {
      count++;
      yield f;
    }
  })();
  await pipeline(Readable.from(toLines(counted)), out);
  return count;
}
