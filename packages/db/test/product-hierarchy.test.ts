import { breakdownQuerySchema, seriesQuerySchema } from "@chipflow/core";
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { openReadonly, type ReadonlyDb } from "../src/handles.js";
import { findBreakdown } from "../src/queries/find-breakdown.js";
import { findSeries } from "../src/queries/find-series.js";
import { ensureSeededDatabase } from "../src/seed.js";
import { FIXTURE_DIR } from "./fixture-db.js";

const HEADER =
  "period_start,period_end,period_label,vendor,product,category,origin,destination,buyer,metric,value,low,high," +
  "estimate_kind,confidence,source_publisher,source_title,source_date,source_url,source_locator,source_type,note\n";
const row = (product: string, value: number, source: string) =>
  `2025-01-01,2025-12-31,,Examplechip,${product},,,CHN,,units,${value},,,estimate,medium,Fixture (synthetic),${source},2025,https://example.org/${source},,secondary,\n`;

/**
 * A synthetic vendor whose "XA family" holds the XA-1 and XA-2 (every figure made up): a source gives the family
 * 100 units, others give XA-1 60 and XA-2 30. The family's figure is their total, never a sibling of them.
 */
let db: ReadonlyDb;
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "chipflow-hierarchy-"));
  cpSync(FIXTURE_DIR, dir, { recursive: true });
  writeFileSync(join(dir, "vendors.csv"), "name,hq_country,notes\nNVIDIA,USA,\nASML,NLD,\nExamplechip,CHN,\n");
  writeFileSync(
    join(dir, "products.csv"),
    "vendor,name,category,hs_codes,parent,notes\nNVIDIA,H20,ai_accelerator,8542.31,,\nNVIDIA,H200,ai_accelerator,8542.31,,\n" +
      "ASML,Lithography systems,lithography,8486.20,,\nExamplechip,XA family,ai_accelerator,,,\n" +
      "Examplechip,XA-1,ai_accelerator,,XA family,\nExamplechip,XA-2,ai_accelerator,,XA family,\n",
  );
  writeFileSync(
    join(dir, "facts/estimates.csv"),
    HEADER + row("XA family", 100, "a") + row("XA-1", 60, "b") + row("XA-2", 30, "c"),
  );
  const path = join(dir, "hierarchy.sqlite");
  await ensureSeededDatabase(path, dir);
  db = openReadonly(path);
});
const units = { metric: "units", vendor: "examplechip", dataset: "fixture-estimates" };

describe("a product that contains others", () => {
  it("gives the cell's figure as their total, never added to them", () => {
    const r = findSeries(db, seriesQuerySchema.parse({ ...units, groupBy: "destination", interval: "year" }));
    expect(r.series[0]!.points[0]).toMatchObject({ value: 100, basis: "reported" });
  });

  it("is a row of a breakdown by product beside its children, and the total counts the family once", () => {
    const r = findBreakdown(db, breakdownQuerySchema.parse({ ...units, groupBy: "product" }));
    expect(r.rows.map((x) => [x.label, x.value])).toEqual([
      ["XA family", 100],
      ["XA-1", 60],
      ["XA-2", 30],
    ]);
    expect(r.total).toBe(100);
  });

  it("is kept in the products' paths, so that a product knows what holds it", () => {
    expect(db.prepare("SELECT path FROM products WHERE name = 'XA-2'").pluck().get()).toBe(
      "/examplechip-xa-family/examplechip-xa-2/",
    );
  });
});
