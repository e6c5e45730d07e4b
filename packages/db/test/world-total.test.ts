import { breakdownQuerySchema, seriesQuerySchema } from "@chipflow/core";
import { beforeAll, describe, expect, it } from "vitest";
import type { WritableDb } from "../src/handles.js";
import { importFile } from "../src/import/import-file.js";
import { openWritable } from "../src/open-writable.js";
import { findBreakdown } from "../src/queries/find-breakdown.js";
import { findSeries } from "../src/queries/find-series.js";
import { fixture, tempDbPath } from "./import-helpers.js";

/**
 * A synthetic customs file in the shape of a real download: China's imports from World ($3.0M), Taiwan ($1.2M),
 * Korea ($0.8M) and an unplaced area, and machines from the Netherlands. World is the reported total of its partners.
 */
let db: WritableDb;
beforeAll(async () => {
  db = openWritable(tempDbPath());
  await importFile(db, fixture("comtrade-compact.csv"), { dataset: { id: "customs" } });
});
const ics = { metric: "revenue_usd", destination: "CHN", product: "hs-8542", from: "2023-01-01", to: "2023-12-31" };

describe("World in a view grouped by place", () => {
  it("is the breakdown's reported total, never one of its rows, and the partners' shares are of it", () => {
    const r = findBreakdown(db, breakdownQuerySchema.parse({ ...ics, groupBy: "origin" }));
    expect(r.rows.map((row) => [row.key, row.value])).toEqual([
      ["TWN", 1_200_000],
      ["KOR", 800_000],
    ]);
    expect(r).toMatchObject({ total: 3_000_000, totalBasis: "reported" });
    expect(r.rows[0]!.share).toBeCloseTo(0.4);
    expect(r.sources.length).toBeGreaterThan(0);
  });

  it("is the sum of the rows where no reported total holds them", () => {
    const r = findBreakdown(db, breakdownQuerySchema.parse({ ...ics, product: "hs-8486", groupBy: "origin" }));
    expect(r).toMatchObject({ total: 500_000, totalBasis: "sum" });
  });

  it("is the series' total, apart from the series: never ranked, stacked or folded into Other", () => {
    const r = findSeries(db, seriesQuerySchema.parse({ ...ics, groupBy: "origin", interval: "year", top: 1 }));
    expect(r.series.map((s) => s.key)).toEqual(["TWN", "other"]);
    expect(r.series[1]!.points[0]!.value).toBe(800_000);
    expect(r.total).toMatchObject({ key: "WLD", points: [expect.objectContaining({ value: 3_000_000 })] });
  });
});
