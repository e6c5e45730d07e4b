import { FACT_COLUMNS, parseFactRow } from "@chipflow/core";
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { toHsProduct } from "../src/import/comtrade/hs-product.js";
import { readCsv } from "../src/import/read-csv.js";

/** The curated seed data in data/: every figure carries its source and passes the importer's checks. */
const DATA = fileURLToPath(new URL("../../../data/", import.meta.url));
const files = readdirSync(`${DATA}facts`).filter((f) => f.endsWith(".csv"));

async function rowsOf(file: string) {
  const rows = [];
  for await (const r of readCsv(`${DATA}facts/${file}`, FACT_COLUMNS)) rows.push(r);
  return rows;
}

describe("seed data", () => {
  it.each(files)("%s: every row is valid and has a source URL and date", async (file) => {
    const rows = await rowsOf(file);
    expect(rows.length).toBeGreaterThan(0);
    for (const { line, row } of rows) {
      const parsed = parseFactRow(row);
      expect(parsed.ok ? [] : parsed.errors, `${file}:${line}`).toEqual([]);
      expect(row.source_url, `${file}:${line}`).toMatch(/^https?:\/\//);
      expect(row.source_date, `${file}:${line}`).not.toBe("");
    }
  });

  it("holds the headline H20 figures for China in 2024: ~1M units and $12B, with the $12-15B range", async () => {
    const all = (await Promise.all(files.map(rowsOf))).flat().map((r) => r.row);
    const h20 = all.filter(
      (r) =>
        r.vendor === "NVIDIA" && r.product === "H20" && r.destination === "CHN" && r.period_start.startsWith("2024"),
    );
    expect(h20.some((r) => r.metric === "units" && Number(r.value) === 1_000_000)).toBe(true);
    expect(h20.some((r) => r.metric === "revenue_usd" && Number(r.value) === 12e9)).toBe(true);
    expect(h20.some((r) => r.metric === "revenue_usd" && Number(r.low) === 12e9 && Number(r.high) === 15e9)).toBe(true);
    // Analyst figures, never company-reported ones: NVIDIA did not disclose H20 revenue for 2024.
    const headline = h20.filter((r) => r.metric === "units" || r.metric === "revenue_usd");
    expect(headline.every((r) => r.estimate_kind !== "reported" && r.source_url !== "")).toBe(true);
  });

  it("names each vendor-less HS heading as the Comtrade importer does, so one HS code is one product", async () => {
    const products = [];
    for await (const { row } of readCsv(`${DATA}products.csv`, [
      "vendor",
      "name",
      "category",
      "hs_codes",
      "parent",
      "notes",
    ]))
      products.push(row);
    const headings = products.filter((p) => p.vendor === "");
    expect(headings.length).toBeGreaterThan(0);
    for (const p of headings) expect(p.name).toBe(toHsProduct(p.hs_codes.replace(".", ""))?.name);
  });
});
