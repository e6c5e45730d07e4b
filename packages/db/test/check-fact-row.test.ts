import { FACT_COLUMNS, parseFactRow, type FactCsvRow } from "@chipflow/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkFactRow } from "../src/import/check-fact-row.js";

/** A valid synthetic row, the starting point of every generated one. */
const VALID: FactCsvRow = {
  period_start: "2024-01-01",
  period_end: "2024-03-31",
  period_label: "Q1",
  vendor: "Synthetic Vendor",
  product: "Synthetic Part",
  category: "gpu",
  origin: "TWN",
  destination: "CHN",
  buyer: "",
  metric: "units",
  value: "1000",
  low: "",
  high: "",
  estimate_kind: "estimate",
  confidence: "medium",
  source_publisher: "Synthetic publisher",
  source_title: "Synthetic title",
  source_date: "2024-04",
  source_url: "https://example.org/synthetic",
  source_locator: "Table 1",
  source_type: "secondary",
  note: "",
};

/** Cell values near the edges of what each column accepts: padding, case, blanks, odd numbers, odd dates. */
const EDGES: Record<string, string[]> = {
  date: ["2024-02-29", "2023-02-29", "2024-13-01", "2024-1-01", " 2024-01-01", "2024-01-01 ", "", "   ", "2024-06-30"],
  text: ["", " ", "  x  ", "\t", "x".repeat(4000), "x".repeat(4001), " ".repeat(4001), "ünïcødé", "=cmd"],
  category: ["", "gpu", " gpu", "GPU", "cpu ", "other", "toaster", " "],
  country: ["", "CHN", "chn", " CHN", "CHN ", "WLD", "ROW", "XXX", "US", " "],
  metric: ["units", " units", "Units", "revenue_usd", "profit", ""],
  number: [
    "",
    " ",
    "0",
    "-5",
    "+1.5e3",
    "1e999",
    "NaN",
    "Infinity",
    "0x10",
    " 0X1",
    "0b11",
    "0o7",
    "1,5",
    " 12 ",
    ".5",
    "5.",
    "1_000",
    "abc",
    "-0",
  ],
  kind: ["reported", "estimate", "forecast", " estimate", "guess", ""],
  confidence: ["", "high", "low", " low", "very", " "],
  sourceType: ["", "primary", "secondary", " primary", "Primary", "tertiary", " "],
  required: ["", " ", "x", " padded ", "y".repeat(4001)],
  partialDate: ["2024", "2024-04", "2024-04-31", "2024-13", "24", " 2024", "2024-04-01", ""],
  url: ["https://example.org/a", "http://x", " https://x.org ", "javascript:alert(1)", "https://a b", "ftp://x", ""],
};
const COLUMN_KIND: Record<string, string> = {
  period_start: "date",
  period_end: "date",
  period_label: "text",
  vendor: "text",
  product: "text",
  category: "category",
  origin: "country",
  destination: "country",
  buyer: "text",
  metric: "metric",
  value: "number",
  low: "number",
  high: "number",
  estimate_kind: "kind",
  confidence: "confidence",
  source_publisher: "required",
  source_title: "required",
  source_date: "partialDate",
  source_url: "url",
  source_locator: "text",
  source_type: "sourceType",
  note: "text",
};

const cell = (column: string) =>
  fc.oneof(
    fc.constantFrom(...EDGES[COLUMN_KIND[column]!]!),
    fc.string({ maxLength: 12 }),
    fc.integer({ min: -1000, max: 1000 }).map(String),
  );
/** Rows with a few cells changed from the valid row, so that valid and invalid rows both come up often. */
const rows = fc
  .array(fc.constantFrom(...FACT_COLUMNS), { maxLength: 4 })
  .chain((columns) => fc.tuple(...columns.map((c) => cell(c).map((v) => [c, v] as const))))
  .map((changes) => ({ ...VALID, ...Object.fromEntries(changes) }));

describe("checkFactRow, the import's fast validator", () => {
  it("accepts and rejects exactly the rows parseFactRow does, with the same fact or the same errors", () => {
    fc.assert(
      fc.property(rows, (row) => {
        expect(checkFactRow(row)).toEqual(parseFactRow(row));
      }),
      { numRuns: 5000, seed: 20261130 },
    );
  });

  it("decides every edge value of every column as parseFactRow does", () => {
    for (const column of FACT_COLUMNS) {
      for (const value of EDGES[COLUMN_KIND[column]!]!) {
        const row = { ...VALID, [column]: value };
        expect(checkFactRow(row), `${column} = ${JSON.stringify(value)}`).toEqual(parseFactRow(row));
      }
    }
  });

  it("rejects ranges that do not hold and accepts low/high without a value, as parseFactRow does", () => {
    const cases: Partial<FactCsvRow>[] = [
      { value: "", low: "1", high: "2" },
      { value: "", low: "1", high: "" },
      { value: "5", low: "6", high: "" },
      { value: "5", low: "", high: "4" },
      { value: "", low: "3", high: "2" },
      { period_start: "2024-06-01", period_end: "2024-05-31" },
    ];
    for (const change of cases) {
      const row = { ...VALID, ...change };
      expect(checkFactRow(row)).toEqual(parseFactRow(row));
    }
    expect(checkFactRow({ ...VALID, value: "", low: "1", high: "2" }).ok).toBe(true);
    expect(checkFactRow({ ...VALID, value: "5", low: "6" }).ok).toBe(false);
  });
});
