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
  it("groups NVIDIA revenue by destination per quarter, fiscal quarters in their calendar quarter", () => {
    const r = series({
      metric: "revenue_usd",
      groupBy: "destination",
      interval: "quarter",
      dataset: "fixture-reported",
    });
    const usa = r.series.find((s) => s.key === "USA")!;
    expect(usa.label).toBe("United States");
    expect(usa.points.map((p) => [p.label, p.value, p.basis])).toEqual([
      ["2025 Q1", 3000, "reported"],
      ["2025 Q2", 3200, "reported"],
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
    const r = series({ metric: "revenue_usd", groupBy: "product", interval: "year", dataset: "fixture-estimates" });
    const [point] = r.series.find((s) => s.key === "nvidia-h20")!.points;
    expect(point).toMatchObject({ value: 12_000_000_000, basis: "reported", estimateKind: "estimate" });
    expect(point!.alternatives).toEqual([
      expect.objectContaining({
        value: null,
        low: 12_000_000_000,
        high: 15_000_000_000,
        datasetId: "fixture-estimates",
      }),
    ]);
  });

  it("keeps EUR figures in their own metric", () => {
    expect(series({ metric: "revenue_usd", groupBy: "vendor", interval: "year" }).series.map((s) => s.key)).toEqual([
      "nvidia",
    ]);
    const eur = series({ metric: "revenue_eur", groupBy: "vendor", interval: "year" });
    expect(eur.series.map((s) => [s.key, s.points[0]?.value])).toEqual([["asml", 2900]]);
  });
});
