import { seriesQuerySchema, type SeriesQueryInput } from "@chipflow/core";
import { beforeAll, describe, expect, it } from "vitest";
import { openReadonly, type ReadonlyDb } from "../src/handles.js";
import { findSeries } from "../src/queries/find-series.js";
import { createFixtureDb } from "./fixture-db.js";

let db: ReadonlyDb;
beforeAll(async () => {
  db = openReadonly(await createFixtureDb());
});
const series = (q: SeriesQueryInput) => findSeries(db, seriesQuerySchema.parse(q));

describe("findSeries", () => {
  it("groups NVIDIA revenue by destination per quarter, fiscal quarters keeping their own name and dates", () => {
    const r = series({
      metric: "revenue_usd",
      groupBy: "destination",
      interval: "quarter",
      dataset: "fixture-reported",
    });
    const usa = r.series.find((s) => s.key === "USA")!;
    expect(usa.label).toBe("United States of America");
    expect(usa.points.map((p) => [p.label, p.periodStart, p.periodEnd, p.value, p.basis])).toEqual([
      ["Q1 FY2026", "2025-01-27", "2025-04-27", 3000, "reported"],
      ["Q2 FY2026", "2025-04-28", "2025-07-27", 3200, "reported"],
    ]);
    expect(r.sources.map((s) => s.title)).toEqual(["Quarterly report Q1", "Quarterly report Q2", "Annual report"]);
  });

  it("shows a yearly figure over its whole span in a quarterly series, marked coarser, never split", () => {
    const china = series({ metric: "revenue_usd", dataset: "fixture-reported" }).series.find((s) => s.key === "CHN")!;
    const yearly = china.points.find((p) => p.coarser)!;
    expect(yearly).toMatchObject({ periodStart: "2024-01-29", periodEnd: "2025-01-26", value: 10000, label: "FY2025" });
    expect(china.points.filter((p) => !p.coarser).map((p) => p.value)).toEqual([1000, 1100]);
  });

  it("never sums competing estimates of one cell: the preferred one plus the alternatives with their sources", () => {
    const r = series({
      metric: "revenue_usd",
      groupBy: "product",
      interval: "year",
      dataset: "fixture-estimates",
      destination: "CHN",
    });
    const [point] = r.series.find((s) => s.key === "nvidia-h20")!.points;
    expect(point).toMatchObject({ value: 12_000_000_000, basis: "reported", estimateKind: "estimate" });
    expect([point!.low, point!.high]).toEqual([12_000_000_000, 15_000_000_000]);
    expect(point!.alternatives).toEqual([
      expect.objectContaining({
        value: null,
        low: 12_000_000_000,
        high: 15_000_000_000,
        datasetId: "fixture-estimates",
      }),
    ]);
  });

  it("uses a vendor's reported total instead of adding up its products, and says so", () => {
    const r = series({ metric: "revenue_usd", groupBy: "destination", interval: "year", dataset: "fixture-estimates" });
    const china = r.series.find((s) => s.key === "CHN")!.points[0]!;
    expect(china).toMatchObject({ value: 17_000_000_000, basis: "reported", sourceIds: [expect.any(Number)] });
    expect(r.sources.find((s) => s.id === china.sourceIds[0])!.title).toBe("Analyst C");
  });

  it("falls back to the sum of the parts where no total exists, and says so", () => {
    const r = series({ metric: "revenue_usd", groupBy: "destination", interval: "year", dataset: "fixture-estimates" });
    const usa = r.series.find((s) => s.key === "USA")!.points[0]!;
    expect(usa).toMatchObject({ value: 3_000_000_000, basis: "sum", alternatives: [] });
    expect(usa.sourceIds).toHaveLength(1);
    const vendor = series({ metric: "revenue_usd", groupBy: "vendor", interval: "year", dataset: "fixture-estimates" });
    // China's total (17B) plus the US products (1B + 2B); the H20-to-China estimates are inside the total.
    expect(vendor.series[0]!.points[0]).toMatchObject({ value: 20_000_000_000, basis: "sum" });
  });

  it("never adds a buyer's figure to the country total that holds it", () => {
    const r = series({ metric: "units", groupBy: "destination", interval: "year" });
    expect(r.series.map((s) => [s.key, s.points[0]!.value, s.points[0]!.basis])).toEqual([
      ["CHN", 1_000_000, "reported"],
    ]);
  });

  it("never mixes two datasets on different bases: the preferred dataset's figure, the other as an alternative", () => {
    const r = series({
      metric: "revenue_usd",
      groupBy: "vendor",
      interval: "quarter",
      from: "2025-01-01",
      to: "2025-03-31",
    });
    const q1 = r.series[0]!.points.find((p) => p.label === "Q1 FY2026")!;
    expect(q1).toMatchObject({ value: 4000, basis: "sum", datasetId: "fixture-reported" });
    expect(q1.alternatives).toEqual([
      expect.objectContaining({ value: 1400, basis: "sum", datasetId: "fixture-billing" }),
    ]);
    const bySource = series({ metric: "revenue_usd", groupBy: "destination", from: "2025-01-01", to: "2025-03-31" });
    expect(bySource.series.map((s) => s.key)).toEqual(["CHN", "SGP", "USA"]);
    const china = bySource.series.find((s) => s.key === "CHN")!.points.find((p) => !p.coarser)!;
    expect(china).toMatchObject({
      value: 1000,
      alternatives: [expect.objectContaining({ value: 900, datasetId: "fixture-billing" })],
    });
  });

  it("never adds up shares: a cell of a non-additive metric shows one figure", () => {
    const r = series({ metric: "revenue_share_pct", groupBy: "vendor", interval: "quarter" });
    const [point] = r.series[0]!.points;
    expect(point!.value === 25 || point!.value === 75).toBe(true);
    expect(point!.basis).toBe("reported");
  });

  it("keeps the top N groups and adds up the rest as Other, per cell", () => {
    const r = series({
      metric: "revenue_usd",
      groupBy: "destination",
      interval: "quarter",
      dataset: "fixture-reported",
      top: 1,
    });
    expect(r.series.map((s) => s.key)).toEqual(["CHN", "other"]);
    expect(r.other).toEqual({ keys: ["USA"], folded: true });
    expect(r.series[1]!.points.map((p) => [p.label, p.value])).toEqual([
      ["Q1 FY2026", 3000],
      ["Q2 FY2026", 3200],
    ]);
  });

  it("leaves the rest out, never adds it, beyond the top N of a share", () => {
    const r = series({ metric: "revenue_share_pct", groupBy: "destination", top: 1 });
    expect(r.series.map((s) => s.key)).toEqual(["USA"]);
    expect(r.other).toEqual({ keys: ["CHN"], folded: false });
  });

  it("keeps EUR figures in their own metric", () => {
    expect(series({ metric: "revenue_usd", groupBy: "vendor", interval: "year" }).series.map((s) => s.key)).toEqual([
      "nvidia",
    ]);
    const eur = series({ metric: "revenue_eur", groupBy: "vendor", interval: "year" });
    expect(eur.series.map((s) => [s.key, s.points[0]?.value])).toEqual([["asml", 2900]]);
  });
});
