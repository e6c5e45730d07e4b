import { generateSyntheticFacts } from "./synthetic-facts.js";
import { writeFactLines } from "./write-fact-lines.js";
import type { SyntheticShape } from "./synthetic-shape.js";

/** RFC 4180: quote a cell holding a comma, quote or line break, doubling its quotes. */
export const toCsvCell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/**
 * Writes `count` synthetic facts as chipflow's fact CSV (the columns the importer reads), streaming:
 * rows are written out every megabyte, so memory stays flat for any count. Returns the bytes written.
 */
export function writeFactsCsv(file: string, shape: SyntheticShape, count: number, seed: number): number {
  const cell = <T>(list: T[], f: (t: T) => string) => list.map((t) => toCsvCell(f(t)));
  const vendors = cell(shape.vendors, (v) => v.name);
  const products = cell(shape.products, (p) => p.name);
  const categories = shape.products.map((p) => p.category);
  const buyers = cell(shape.buyers, (b) => b.name);
  const sources = shape.sources.map((s) => [s.publisher, s.title, s.date, s.url, "", ""].map(toCsvCell).join(","));

  return writeFactLines(
    file,
    (function* () {
      for (const f of generateSyntheticFacts(shape, count, seed)) {
        const [start, end] = shape.periods[f.period]!;
        yield (
          `${start},${end},,${vendors[f.vendor]},${products[f.product]},${categories[f.product]},${f.origin},` +
          `${f.destination},${f.buyer === null ? "" : buyers[f.buyer]},${f.metric},${f.value},${f.low ?? ""},` +
          `${f.high ?? ""},${f.estimateKind},${f.confidence ?? ""},${sources[f.source]},\n`
        );
      }
    })(),
  );
}
