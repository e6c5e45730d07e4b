import type { FactRecord } from "@chipflow/core";

/** One fact of a curated dataset, with where it stands: `data/<file>:<line>`. */
export interface CuratedFact {
  dataset: string;
  file: string;
  line: number;
  fact: FactRecord;
}

/** A finding of the data-quality gate, named by file and line. */
export interface QualityProblem {
  where: string;
  message: string;
}

export const whereOf = (f: CuratedFact) => `${f.file}:${f.line}`;

/** The cell a fact fills: what it measures, of what, where and when (not its value or source). */
export function cellKey(f: FactRecord): string {
  return [f.metric, f.vendor, f.product, f.category, f.origin, f.destination, f.buyer, f.periodStart, f.periodEnd].join(
    "\u0000",
  );
}

export function sourceKey(f: FactRecord): string {
  const s = f.source;
  return [s.publisher, s.title, s.date, s.url, s.locator].join("\u0000");
}
