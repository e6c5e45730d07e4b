import { breakdownQuerySchema, flowsQuerySchema, seriesQuerySchema } from "@chipflow/core";
import { beforeAll, describe, expect, it } from "vitest";
import type { WritableDb } from "../src/handles.js";
import { importFile } from "../src/import/import-file.js";
import { openWritable } from "../src/open-writable.js";
import { findBreakdown } from "../src/queries/find-breakdown.js";
import { findFlows } from "../src/queries/find-flows.js";
import { findSeries } from "../src/queries/find-series.js";
import { MixedUnitsError } from "../src/queries/unit-categories.js";
import { toCoverage } from "@chipflow/core";
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

describe("a year made of fewer months than it has", () => {
  it("is marked with the months it covers, reporter by reporter, never shown as a whole year", async () => {
    const monthly = openWritable(tempDbPath());
    await importFile(monthly, fixture("comtrade-monthly-uneven.csv"), { dataset: { id: "monthly" } });
    const r = findSeries(
      monthly,
      seriesQuerySchema.parse({ metric: "revenue_usd", groupBy: "origin", interval: "year" }),
    );
    const byOrigin = Object.fromEntries(r.series.map((s) => [s.key, s.points[0]!]));
    expect(byOrigin.JPN).toMatchObject({ value: 7028, coverage: "Jan–Jul" });
    expect(byOrigin.NLD).toMatchObject({ value: 10018, coverage: "Jan–Jun, 5 of 12 months" });
    const quarters = findSeries(
      monthly,
      seriesQuerySchema.parse({ metric: "revenue_usd", groupBy: "origin", interval: "quarter" }),
    );
    const japan = quarters.series.find((s) => s.key === "JPN")!.points.map((p) => p.coverage);
    expect(japan).toEqual([null, null, "Jul"]);
  });

  it("names the part covered: months by name within a calendar year, else a count", () => {
    expect(toCoverage("year", "month", "2025-01-01", "2025-07-31", 7)).toBe("Jan–Jul");
    expect(toCoverage("year", "quarter", "2025-01-27", "2025-10-26", 3)).toBe("3 of 4 quarters");
    expect(toCoverage("year", "month", "2025-01-01", "2025-12-31", 12)).toBeNull();
    expect(toCoverage("quarter", "quarter", "2025-01-01", "2025-03-31", 1)).toBeNull();
  });
});

describe("both sides of one trade", () => {
  it("compete as two reports of one flow, never added, in a breakdown by either side and in the map links", async () => {
    const both = openWritable(tempDbPath());
    await importFile(both, fixture("comtrade-compact-hs.csv"), { dataset: { id: "mirror" } });
    for (const groupBy of ["origin", "destination"] as const) {
      const r = findBreakdown(both, breakdownQuerySchema.parse({ metric: "revenue_usd", groupBy }));
      expect(r.rows).toHaveLength(1);
      expect([r.rows[0]!.value, r.total]).toEqual([r.rows[0]!.value, r.rows[0]!.value]);
      expect([400_000.5, 420_000]).toContain(r.rows[0]!.value);
      expect(r.rows[0]!.alternatives.map((a) => a.value)).toEqual([r.rows[0]!.value === 420_000 ? 400_000.5 : 420_000]);
    }
    const flows = findFlows(both, flowsQuerySchema.parse({ metric: "revenue_usd" }));
    expect(flows.map.links).toHaveLength(1);
    expect([400_000.5, 420_000]).toContain(flows.map.links[0]!.value);
  });
});

describe("units of different things", () => {
  // China's 2023 imports in items: 150 chip-making machines (HS 8486) and 1.5M processors (HS 8542.31).
  let twoHeadings: WritableDb;
  beforeAll(async () => {
    twoHeadings = openWritable(tempDbPath());
    await importFile(twoHeadings, fixture("comtrade-plus-two-headings.csv"), { dataset: { id: "two" } });
  });
  const units = { metric: "units", destination: "CHN", from: "2023-01-01", to: "2023-12-31" };

  it("are never added into one figure: the query is refused with the categories and what to send instead", () => {
    const query = breakdownQuerySchema.parse({ ...units, groupBy: "destination" });
    expect(() => findBreakdown(twoHeadings, query)).toThrow(MixedUnitsError);
    expect(() => findBreakdown(twoHeadings, query)).toThrow(
      "this would add units of integrated_circuits, semiconductor_equipment. Send category=integrated_circuits " +
        "(or another of them), or groupBy=category to see each apart",
    );
    const flows = flowsQuerySchema.parse(units);
    expect(() => findFlows(twoHeadings, flows)).toThrow(/Send category=integrated_circuits \(or another of them\)$/);
  });

  it("add up within one category", () => {
    const r = findBreakdown(
      twoHeadings,
      breakdownQuerySchema.parse({ ...units, groupBy: "destination", category: "integrated_circuits" }),
    );
    expect(r).toMatchObject({ total: 1_500_000, categories: ["integrated_circuits"] });
    expect(
      findFlows(twoHeadings, flowsQuerySchema.parse({ ...units, category: "semiconductor_equipment" })).map,
    ).toMatchObject({ links: [{ origin: "NLD", destination: "CHN", value: 150 }] });
  });

  it("are shown side by side, each group one category, with no total, no Other and the categories named", () => {
    const r = findBreakdown(twoHeadings, breakdownQuerySchema.parse({ ...units, groupBy: "category" }));
    expect(r.rows.map((row) => [row.key, row.value, row.share])).toEqual([
      ["integrated_circuits", 1_500_000, null],
      ["semiconductor_equipment", 150, null],
    ]);
    expect(r).toMatchObject({ total: null, totalBasis: null });
    expect(r.categories).toEqual(["integrated_circuits", "semiconductor_equipment"]);
    const s = findSeries(
      twoHeadings,
      seriesQuerySchema.parse({ ...units, groupBy: "origin", interval: "year", top: 1 }),
    );
    expect(s.series.map((x) => x.key)).toEqual(["TWN"]);
    expect(s.other).toEqual({ keys: ["KOR", "NLD"], folded: false });
    expect(s.categories).toEqual(["integrated_circuits", "semiconductor_equipment"]);
  });

  it("leave money alone: dollars of machines and chips add up", () => {
    const r = findBreakdown(
      twoHeadings,
      breakdownQuerySchema.parse({ ...units, metric: "revenue_usd", groupBy: "destination" }),
    );
    expect(r).toMatchObject({ total: 3_600_000_000, categories: [] });
  });
});
