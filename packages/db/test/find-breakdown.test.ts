import { breakdownQuerySchema, type BreakdownQueryInput } from "@chipflow/core";
import { beforeAll, describe, expect, it } from "vitest";
import { openReadonly, type ReadonlyDb } from "../src/handles.js";
import { findBreakdown } from "../src/queries/find-breakdown.js";
import { findSummary } from "../src/queries/find-summary.js";
import { createFixtureDb } from "./fixture-db.js";

let db: ReadonlyDb;
beforeAll(async () => {
  db = openReadonly(await createFixtureDb());
});
const breakdown = (q: BreakdownQueryInput) => findBreakdown(db, breakdownQuerySchema.parse(q));

describe("findBreakdown", () => {
  it("ranks destinations over 2024, a vendor total winning over its products, with shares of the total", () => {
    const r = breakdown({ metric: "revenue_usd", groupBy: "destination", from: "2024-01-01", to: "2024-12-31" });
    expect(r.rows.map((row) => [row.rank, row.key, row.value, row.basis])).toEqual([
      [1, "CHN", 17_000_000_000, "reported"],
      [2, "USA", 3_000_000_000, "sum"],
    ]);
    expect(r.total).toBe(20_000_000_000);
    expect(r.rows[0]!.share).toBeCloseTo(0.85);
  });

  it("leaves out, and counts, a figure that only partly overlaps the period instead of cutting it", () => {
    const r = breakdown({ metric: "revenue_usd", groupBy: "destination", from: "2025-01-01", to: "2025-12-31" });
    expect(r.excludedFacts).toBe(1); // FY2025 runs from 2024-01-29
    const china = r.rows.find((row) => row.key === "CHN")!;
    expect(china).toMatchObject({ value: 2100, basis: "sum", datasetId: "fixture-reported" });
    expect(china.alternatives).toEqual([expect.objectContaining({ value: 900, datasetId: "fixture-billing" })]);
  });

  it("gives no total and no shares for a metric that does not add up", () => {
    const r = breakdown({ metric: "revenue_share_pct", groupBy: "destination" });
    expect(r.total).toBeNull();
    expect(r.rows.map((row) => [row.key, row.value, row.share])).toEqual([
      ["USA", 75, null],
      ["CHN", 25, null],
    ]);
  });
});

describe("findSummary", () => {
  it("computes each headline tile from the facts, with its range, kind and sources, and skips absent ones", () => {
    const r = findSummary(db);
    expect(r.tiles.map((t) => t.id)).toEqual(["h20-china-2024-units", "h20-china-2024-revenue", "asml-china-2023-eur"]);
    expect(r.tiles[1]!.figure).toMatchObject({
      value: 12_000_000_000,
      low: 12_000_000_000,
      high: 15_000_000_000,
      estimateKind: "estimate",
      basis: "reported",
    });
    expect(r.tiles[0]!.figure.value).toBe(1_000_000);
    expect(r.sources.map((s) => s.title).sort()).toEqual(["Analyst A", "Annual report EUR", "Broadcaster B"]);
    expect(r.tiles[1]!.query).toBe(
      "metric=revenue_usd&from=2024-01-01&to=2024-12-31&product=nvidia-h20&destination=CHN",
    );
  });
});
