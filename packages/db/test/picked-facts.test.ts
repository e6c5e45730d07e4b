import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PickedFacts, isDisjoint } from "../src/queries/fact-overlap.js";
import type { QueryFactRow } from "../src/queries/find-facts-for-query.js";

/** Products with a hierarchy: "all" holds "h", which holds "h20"; "b30" stands alone. */
const PRODUCTS: [string | null, string | null][] = [
  [null, null],
  ["all", "/all/"],
  ["h", "/all/h/"],
  ["h20", "/all/h/h20/"],
  ["b30", "/b30/"],
];
const PERIODS = [
  ["2024-01-01", "2024-12-31"],
  ["2024-01-01", "2024-03-31"],
  ["2024-04-01", "2024-06-30"],
  ["2023-01-01", "2023-12-31"],
] as const;

const fact = fc
  .record({
    vendorId: fc.constantFrom(null, "nvidia", "amd"),
    product: fc.constantFrom(...PRODUCTS),
    category: fc.constantFrom(null, "ai-accelerators"),
    origin: fc.constantFrom(null, "WLD", "USA"),
    destination: fc.constantFrom(null, "WLD", "CHN", "TWN"),
    buyerId: fc.constantFrom(null, "tencent"),
    period: fc.constantFrom(...PERIODS),
  })
  .map(({ product, period, ...dims }): QueryFactRow => ({
    ...dims,
    id: 0,
    datasetId: "d",
    priority: 0,
    sourceId: 1,
    sourceDate: "2025",
    vendor: null,
    productId: product[0],
    product: null,
    productPath: product[1],
    buyer: null,
    periodStart: period[0],
    periodEnd: period[1],
    granularity: "year",
    periodLabel: null,
    value: 1,
    low: null,
    high: null,
    estimateKind: "reported",
    confidence: null,
  }));

describe("PickedFacts", () => {
  it("answers exactly as checking a fact against every picked fact one by one", () => {
    fc.assert(
      fc.property(fc.array(fact, { maxLength: 60 }), (facts) => {
        const picked: QueryFactRow[] = [];
        const index = new PickedFacts();
        for (const f of facts) {
          const expected = picked.every((p) => isDisjoint(p, f));
          expect(index.disjointFromAll(f)).toBe(expected);
          if (expected) {
            picked.push(f);
            index.add(f);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
