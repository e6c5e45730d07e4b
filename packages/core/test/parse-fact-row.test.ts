import { describe, expect, it } from "vitest";
import { FACT_COLUMNS, type FactCsvRow } from "../src/fact-columns.js";
import { parseFactRow, toFactRow } from "../src/parse-fact-row.js";

const row = (overrides: Partial<FactCsvRow> = {}): FactCsvRow => ({
  ...(Object.fromEntries(FACT_COLUMNS.map((c) => [c, ""])) as FactCsvRow),
  period_start: "2024-01-01",
  period_end: "2024-12-31",
  vendor: "NVIDIA",
  product: "H20",
  destination: "CHN",
  metric: "units",
  value: "1000000",
  estimate_kind: "estimate",
  confidence: "medium",
  source_publisher: "Financial Times",
  source_title: "H20 shipments",
  source_date: "2024-10",
  source_url: "https://example.org/h20",
  ...overrides,
});

describe("parseFactRow", () => {
  it("turns a valid row into a fact and back into the same row", () => {
    const parsed = parseFactRow(row());
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.fact).toMatchObject({
      vendor: "NVIDIA",
      product: "H20",
      value: 1_000_000,
      origin: null,
      buyer: null,
    });
    expect(toFactRow(parsed.fact)).toEqual(row());
  });

  it("names the column, the value and what was expected for each bad cell", () => {
    const parsed = parseFactRow(row({ metric: "revenue", destination: "China", value: "1,000", source_url: "" }));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const byColumn = Object.fromEntries(parsed.errors.map((e) => [e.column, e]));
    expect(byColumn.metric?.message).toMatch(/expected one of units, revenue_usd/);
    expect(byColumn.destination).toMatchObject({
      value: "China",
      message: expect.stringMatching(/ISO 3166-1 alpha-3/),
    });
    expect(byColumn.value?.message).toMatch(/plain number/);
    expect(byColumn.source_url?.message).toMatch(/required/);
  });

  it("accepts a range without a value but rejects a value outside its range and periods that end before they start", () => {
    expect(parseFactRow(row({ value: "", low: "12000000000", high: "15000000000" })).ok).toBe(true);
    const outside = parseFactRow(row({ value: "20", low: "1", high: "10" }));
    expect(!outside.ok && outside.errors.map((e) => e.message)).toEqual(["value is above high"]);
    const backwards = parseFactRow(row({ period_start: "2025-01-01" }));
    expect(!backwards.ok && backwards.errors[0]?.column).toBe("period_end");
    const nothing = parseFactRow(row({ value: "" }));
    expect(!nothing.ok && nothing.errors[0]?.message).toMatch(/a value, or both low and high/);
  });
});
