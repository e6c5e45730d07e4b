import { describe, expect, it } from "vitest";
import type { WritableDb } from "../src/handles.js";
import { toIso3FromComtrade } from "../src/import/comtrade/comtrade-country.js";
import { toHsProduct } from "../src/import/comtrade/hs-product.js";
import { importFile } from "../src/import/import-file.js";
import { openWritable } from "../src/open-writable.js";
import { contentChecksum, factsOf, fixture, tempDbPath } from "./import-helpers.js";

const fresh = (): WritableDb => openWritable(tempDbPath());

describe("importing UN Comtrade files", () => {
  it("maps M49 codes to ISO3, with 490 as Taiwan and 0 / W00 as the world", () => {
    expect(["156", "842", "490", "0", "W00", " 0 ", "036", "251", "899"].map(toIso3FromComtrade)).toEqual([
      "CHN",
      "USA",
      "TWN",
      "WLD",
      "WLD",
      "WLD",
      "AUS",
      "FRA",
      "ROW",
    ]);
    expect(toIso3FromComtrade("999")).toBeUndefined();
  });

  it("turns HS codes into vendor-less products with a category, keeping the code", () => {
    expect(toHsProduct("854231")).toEqual({ name: "HS 8542.31", hsCode: "8542.31", category: "integrated_circuits" });
    expect(toHsProduct("854232")?.category).toBe("memory");
    expect(toHsProduct(" 848620 ")).toMatchObject({ name: "HS 8486.20", category: "semiconductor_equipment" });
    expect(toHsProduct("903141")?.category).toBe("inspection");
    expect(toHsProduct("847150")?.category).toBe("server");
    expect(toHsProduct("8541")).toMatchObject({ name: "HS 8541", category: "other" });
    expect(toHsProduct("TOTAL")).toBeUndefined();
  });

  it("reads the compact layout of API scripts, leaves out areas that name no country, and cites the extract's query", async () => {
    const db = fresh();
    const summary = await importFile(db, fixture("comtrade-compact.csv"), {
      dataset: { id: "compact" },
      sourceUrl: "https://example.org/extract.csv",
      sourceLocator: "reporterCode=156&flowCode=M",
    });
    expect(summary).toMatchObject({ format: "comtrade-compact-csv", rejected: 0, committed: true });
    expect(summary.skipped).toEqual({
      "rows whose partner is an area that names no country (nes regions, bunkers, free zones)": 2,
      "rows of all commodities together (cmdCode TOTAL)": 1,
    });
    const facts = factsOf(db, "compact");
    expect(facts.map((f) => [f.product, f.origin, f.destination, f.value])).toEqual([
      ["HS 8542", "WLD", "CHN", 3_000_000],
      ["HS 8542", "TWN", "CHN", 1_200_000],
      ["HS 8542", "KOR", "CHN", 800_000],
      ["HS 8486", "NLD", "CHN", 500_000],
    ]);
    expect(db.prepare("SELECT DISTINCT url, locator, type FROM sources").all()).toEqual([
      { url: "https://example.org/extract.csv", locator: "reporterCode=156&flowCode=M", type: "primary" },
    ]);
  });

  it("reads the compact layout with flow_code, hs_code and trade_value_usd, keeping both sides of a trade apart", async () => {
    const db = fresh();
    const summary = await importFile(db, fixture("comtrade-compact-hs.csv"), { dataset: { id: "both" } });
    expect(summary).toMatchObject({ format: "comtrade-compact-hs-csv", rejected: 0, committed: true });
    expect(factsOf(db, "both").map((f) => [f.origin, f.destination, f.value, f.source])).toEqual([
      ["NLD", "CHN", 400_000.5, "UN Comtrade: Netherlands (Kingdom of the) export reports"],
      ["NLD", "CHN", 420_000, "UN Comtrade: China import reports"],
    ]);
  });

  it("reads a quoted Comtrade+ file with trailing commas: totals only, annual over monthly, flows by reporter", async () => {
    const db = fresh();
    const summary = await importFile(db, fixture("comtrade-plus-quoted.csv"), { dataset: { id: "ct" } });
    expect(summary).toMatchObject({ format: "comtrade-plus-csv", encoding: "utf-8", rejected: 0, committed: true });
    expect(summary.skipped).toEqual({
      "breakdown rows (partner2Code, customsCode or motCode other than the total)": 1,
      "monthly rows of a reporter and year that also has annual rows": 1,
      "re-export and re-import rows": 1,
    });
    expect(factsOf(db, "ct")).toEqual([
      {
        start: "2023-01-01",
        end: "2023-12-31",
        product: "HS 8542.31",
        category: "integrated_circuits",
        origin: "TWN",
        destination: "CHN",
        metric: "revenue_usd",
        value: 1_000_000,
        kind: "reported",
        source: "UN Comtrade: Taiwan export reports",
        sourceDate: "2023",
      },
      expect.objectContaining({ metric: "units", value: 5000, kind: "reported", origin: "TWN", destination: "CHN" }),
      // China's mirror report of the same flow: origin is the partner, and a source of its own (never summed).
      expect.objectContaining({ metric: "revenue_usd", value: 1_100_000, origin: "TWN", destination: "CHN" }),
      expect.objectContaining({
        metric: "units",
        value: 5200,
        kind: "estimate",
        source: "UN Comtrade: China import reports",
      }),
      // Quantity in kg: value only. "0 " (with a space) is the world.
      expect.objectContaining({ product: "HS 8486.20", origin: "USA", destination: "WLD", value: 2.5e9 }),
      {
        start: "2024-01-01",
        end: "2024-01-31",
        product: "HS 8542.32",
        category: "memory",
        origin: "KOR",
        destination: "USA",
        metric: "revenue_usd",
        value: 123_456_789_012,
        kind: "reported",
        source: "UN Comtrade: United States of America import reports",
        sourceDate: "2024-01",
      },
    ]);
    const products = db.prepare("SELECT name, vendor_id, hs_codes FROM products ORDER BY name").all();
    expect(products).toEqual([
      { name: "HS 8486.20", vendor_id: null, hs_codes: "8486.20" },
      { name: "HS 8542.31", vendor_id: null, hs_codes: "8542.31" },
      { name: "HS 8542.32", vendor_id: null, hs_codes: "8542.32" },
    ]);
    const notes = db.prepare("SELECT DISTINCT note FROM facts ORDER BY 1").pluck().all();
    expect(notes).toEqual(["HS H5 848620", "HS H6 854231", "HS H6 854232"]);
    expect(db.prepare("SELECT DISTINCT url FROM sources").pluck().all()).toEqual(["https://comtradeplus.un.org/"]);
  });

  it("keeps breakdown rows apart from the total when asked, citing the given URL", async () => {
    const db = fresh();
    const url = "https://comtradeapi.un.org/data/v1/get/C/A/HS?cmdCode=854231";
    const summary = await importFile(db, fixture("comtrade-plus-quoted.csv"), { keepBreakdowns: true, sourceUrl: url });
    expect(summary.rejected).toBe(0);
    expect(Object.keys(summary.skipped)).not.toContain(
      "breakdown rows (partner2Code, customsCode or motCode other than the total)",
    );
    const air = factsOf(db, "comtrade-plus-quoted").filter((f) => f.source.includes("transport 1000"));
    expect(air.map((f) => [f.metric, f.value])).toEqual([
      ["revenue_usd", 600_000],
      ["units", 3000],
    ]);
    expect(db.prepare("SELECT DISTINCT url FROM sources").pluck().all()).toEqual([url]);
  });

  it("reads UTF-8 with a BOM and Latin-1 into the same facts", async () => {
    const db = fresh();
    const bom = await importFile(db, fixture("comtrade-plus-bom.csv"), { dataset: { id: "bom" } });
    const latin1 = await importFile(db, fixture("comtrade-plus-latin1.csv"), { dataset: { id: "latin1" } });
    expect([bom.encoding, latin1.encoding]).toEqual(["utf-8", "windows-1252"]);
    expect(bom).toMatchObject({ inserted: 4, rejected: 0 });
    expect(factsOf(db, "latin1")).toEqual(factsOf(db, "bom"));
    expect(factsOf(db, "bom").map((f) => [f.product, f.category, f.origin, f.destination, f.metric])).toEqual([
      ["HS 9030.82", "inspection", "NLD", "TUR", "revenue_usd"],
      ["HS 9030.82", "inspection", "NLD", "TUR", "units"],
      ["HS 8471.50", "server", "FRA", "CIV", "revenue_usd"],
      ["HS 8471.50", "server", "FRA", "CIV", "units"],
    ]);
  });

  it("reads the legacy 35-column CSV with numeric flow codes and older HS revisions", async () => {
    const db = fresh();
    const summary = await importFile(db, fixture("comtrade-legacy.csv"));
    expect(summary).toMatchObject({ format: "comtrade-legacy-csv", rejected: 0, inserted: 5 });
    expect(factsOf(db, "comtrade-legacy").map((f) => [f.origin, f.destination, f.metric, f.value, f.kind])).toEqual([
      ["JPN", "CHN", "revenue_usd", 840_000_000, "reported"],
      ["JPN", "CHN", "units", 120, "reported"],
      ["JPN", "CHN", "revenue_usd", 870_000_000, "reported"],
      ["JPN", "CHN", "units", 118, "estimate"],
      ["NLD", "TWN", "revenue_usd", 310_000_000, "reported"],
    ]);
  });

  it("rejects a file with an unknown country code or a bad value, naming the Comtrade column", async () => {
    const db = fresh();
    const before = contentChecksum(db);
    const summary = await importFile(db, fixture("comtrade-plus-invalid.csv"));
    expect(summary.committed).toBe(false);
    expect(summary.errors.map((e) => [e.line, e.column, e.value, e.message])).toEqual([
      [2, "partnerCode", "999", "expected a UN M49 country code such as 156, 842 or 490"],
      [3, "primaryValue", "n/a", "expected the trade value in USD"],
    ]);
    expect(contentChecksum(db)).toBe(before);
    const skipped = await importFile(db, fixture("comtrade-plus-invalid.csv"), { skipInvalid: true });
    expect(skipped).toMatchObject({ committed: true, rejected: 2, inserted: 2 });
  });
});
