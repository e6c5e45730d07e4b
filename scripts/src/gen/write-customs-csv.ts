import { mulberry32 } from "./mulberry32.js";
import { SYNTHETIC_PUBLISHER, type SyntheticShape } from "./synthetic-shape.js";
import { writeFactLines } from "./write-fact-lines.js";

/** The dataset a customs-shaped synthetic file fills when imported by its file name. */
export const SYNTHETIC_CUSTOMS_DATASET = "synthetic-customs";
/** Reporting countries: each reports its exports to every other country of the shape. */
export const CUSTOMS_REPORTERS = 50;
/** Headings of no vendor, as a customs file's HS codes are, with the category each counts. */
const HEADINGS = [
  ["Synthetic heading 1", "integrated_circuits"],
  ["Synthetic heading 2", "memory"],
  ["Synthetic heading 3", "integrated_circuits"],
  ["Synthetic heading 4", "semiconductor_equipment"],
] as const;

/**
 * Writes `count` synthetic facts shaped as a customs download (a UN Comtrade file read as chipflow's fact CSV):
 * no vendor; each of 50 reporters' exports of four headings to each other country of the shape, month by month
 * from 2015 on, in US dollars, every figure reported by one synthetic source per reporter and year. Deterministic
 * for a seed; streams, so memory stays flat. Returns the bytes written.
 */
export function writeCustomsCsv(file: string, shape: SyntheticShape, count: number, seed: number): number {
  const random = mulberry32(seed ^ 0xc057);
  const reporters = shape.countries.slice(0, CUSTOMS_REPORTERS);
  const partners = shape.countries.length - 1;
  const perMonth = reporters.length * partners * HEADINGS.length;
  if (count > perMonth * shape.periods.length)
    throw new Error(`at most ${perMonth * shape.periods.length} customs facts fit the shape (asked for ${count})`);
  return writeFactLines(
    file,
    (function* () {
      for (let i = 0; i < count; i++) {
        const [heading, category] = HEADINGS[i % HEADINGS.length]!;
        const pair = Math.floor(i / HEADINGS.length) % (reporters.length * partners);
        const r = Math.floor(pair / partners);
        const reporter = reporters[r]!;
        // Every country but the reporter itself.
        const partner = shape.countries[(r + 1 + (pair % partners)) % shape.countries.length]!;
        const [start, end] = shape.periods[Math.floor(i / perMonth)]!;
        const year = start.slice(0, 4);
        const value = Math.round(1_000 + random() * 50_000_000);
        yield (
          `${start},${end},,,${heading},${category},${reporter},${partner},,revenue_usd,${value},,,reported,,` +
          `${SYNTHETIC_PUBLISHER},Synthetic customs returns of ${reporter} ${year},${year}-12,` +
          `https://example.org/synthetic/customs/${reporter}/${year},,,\n`
        );
      }
    })(),
  );
}
