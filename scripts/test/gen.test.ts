import { FACT_COLUMNS, parseFactRow } from "@chipflow/core";
import { openReadonly, readCsv } from "@chipflow/db";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/gen.js";
import { keySpaceOf } from "../src/gen/synthetic-facts.js";
import { toSyntheticShape } from "../src/gen/synthetic-shape.js";

const dir = mkdtempSync(join(tmpdir(), "chipflow-gen-"));
const quiet = { out: () => {} };
const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

async function gen(...args: string[]) {
  expect(await main(args, quiet)).toBe(0);
}

describe("synthetic data generator", () => {
  it("writes the same bytes for the same seed and different bytes for another", async () => {
    await gen("--facts", "3000", "--seed", "7", "--out", join(dir, "a.csv"));
    await gen("--facts", "3000", "--seed", "7", "--out", join(dir, "b.csv"));
    await gen("--facts", "3000", "--seed", "8", "--out", join(dir, "c.csv"));
    expect(sha(join(dir, "a.csv"))).toBe(sha(join(dir, "b.csv")));
    expect(sha(join(dir, "a.csv"))).not.toBe(sha(join(dir, "c.csv")));
  });

  it("writes rows that pass the importer's validation, unique on the natural key, labelled synthetic", async () => {
    const file = join(dir, "valid.csv");
    await gen("--facts", "5000", "--out", file);
    const keys = new Set<string>();
    const vendors = new Set<string>();
    let rows = 0;
    for await (const { row } of readCsv(file, FACT_COLUMNS)) {
      const parsed = parseFactRow(row);
      expect(parsed.ok ? [] : parsed.errors).toEqual([]);
      expect(row.source_publisher).toBe("Synthetic benchmark data");
      expect(row.source_url).toMatch(/^https:\/\/example\.org\//);
      const { metric, vendor, product, origin, destination, buyer, period_start, period_end, source_url } = row;
      keys.add([metric, vendor, product, origin, destination, buyer, period_start, period_end, source_url].join("|"));
      vendors.add(vendor);
      rows++;
    }
    expect(rows).toBe(5000);
    expect(keys.size).toBe(5000);
    expect(vendors.size).toBe(30);
  });

  it("has the shape of chipflow's data: 30 vendors, 300 products, 200 countries, 144 months", () => {
    const shape = toSyntheticShape(1);
    expect([shape.vendors.length, shape.products.length, shape.countries.length]).toEqual([30, 300, 200]);
    expect(shape.periods[0]).toEqual(["2015-01-01", "2015-01-31"]);
    expect(shape.periods.at(-1)).toEqual(["2026-12-01", "2026-12-31"]);
    expect(keySpaceOf(shape)).toBeGreaterThan(10_000_000);
  });

  it("writes a database directly, as one synthetic dataset with every fact", async () => {
    const file = join(dir, "synthetic.sqlite");
    await gen("--facts", "4000", "--db", file);
    const db = openReadonly(file);
    expect(db.prepare("SELECT kind, row_count FROM datasets WHERE id = 'synthetic-benchmark'").get()).toEqual({
      kind: "synthetic",
      row_count: 4000,
    });
    expect(db.prepare("SELECT title FROM datasets").pluck().get()).toMatch(/synthetic/i);
    expect(db.prepare("SELECT count(*) FROM facts").pluck().get()).toBe(4000);
    expect(db.prepare("SELECT count(*) FROM pragma_foreign_key_check('facts')").pluck().get()).toBe(0);
    expect(
      db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'facts'").pluck().get(),
    ).toBeGreaterThanOrEqual(3);
    db.close();
  });

  it("writes a customs-shaped file with --customs: valid rows of no vendor, unique, labelled synthetic", async () => {
    const file = join(dir, "customs.csv");
    await gen("--facts", "50000", "--customs", "--out", file);
    const keys = new Set<string>();
    const origins = new Set<string>();
    let rows = 0;
    for await (const { row } of readCsv(file, FACT_COLUMNS)) {
      const parsed = parseFactRow(row);
      expect(parsed.ok ? [] : parsed.errors).toEqual([]);
      expect([row.vendor, row.source_publisher]).toEqual(["", "Synthetic benchmark data"]);
      expect(row.origin).not.toBe(row.destination);
      keys.add([row.product, row.origin, row.destination, row.period_start].join("|"));
      origins.add(row.origin);
      rows++;
    }
    expect([rows, keys.size, origins.size]).toEqual([50_000, 50_000, 50]);
    expect(await main(["--facts", "10", "--customs", "--db", join(dir, "customs.sqlite")], quiet)).toBe(2);
  });
});
