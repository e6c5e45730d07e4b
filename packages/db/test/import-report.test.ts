import { COUNTRIES } from "@chipflow/core";
import { mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { WritableDb } from "../src/handles.js";
import { importFile } from "../src/import/import-file.js";
import { mirrorGap } from "../src/import/report/import-report.js";
import { openWritable } from "../src/open-writable.js";
import { contentChecksum, fixture, tempDbPath } from "./import-helpers.js";

const fresh = (): WritableDb => openWritable(tempDbPath());

const COMPACT_HEADER =
  "year,reporter,reporter_code,partner,partner_code,flow,flow_code,hs_code,commodity,trade_value_usd,net_weight_kg";

/** A Comtrade file in the compact layout: one `year,reporter,partner,flow,hs,value` per row. */
function compactFile(rows: string[], commodity = ""): string {
  const lines = rows.map((r) => {
    const [year, reporter, partner, flow, hs, value] = r.split(",");
    return `${year},,${reporter},,${partner},,${flow},${hs},${commodity},${value},`;
  });
  const file = join(mkdtempSync(join(tmpdir(), "chipflow-report-")), "extract.csv");
  writeFileSync(file, `${COMPACT_HEADER}\n${lines.join("\n")}\n`);
  return file;
}

describe("the import report", () => {
  it("counts rows by reporter, year and HS code, with the rows skipped on purpose beside them", async () => {
    const db = fresh();
    const { report } = await importFile(db, fixture("comtrade-plus-quoted.csv"), { dryRun: true, report: true });
    expect(report).toMatchObject({
      format: "comtrade-plus-csv",
      datasetId: "comtrade-plus-quoted",
      dryRun: true,
      committed: false,
      rows: 7,
      facts: 6,
      inserted: 6,
      rejected: 0,
      groupedBy: "reporter",
      ungrouped: null,
    });
    const counts = { skipped: 0, valueUsd: expect.any(Number), importsUsd: 0, exportsUsd: 0 };
    expect(report!.groups).toEqual([
      { by: "CHN", year: "2023", product: "8542.31", rows: 1, ...counts, importsUsd: 1_100_000 },
      // The breakdown, the monthly and the re-export rows of Taiwan's 2023 processors are skipped.
      { by: "TWN", year: "2023", product: "8542.31", rows: 1, ...counts, skipped: 3, exportsUsd: 1_000_000 },
      { by: "USA", year: "2023", product: "8486.20", rows: 1, ...counts, exportsUsd: 2.5e9 },
      { by: "USA", year: "2024", product: "8542.32", rows: 1, ...counts, importsUsd: 123_456_789_012 },
    ]);
    expect(report!.leftOut).toEqual([
      {
        kind: "skipped",
        reason: "breakdown rows (partner2Code, customsCode or motCode other than the total)",
        rows: 1,
        firstLines: [4],
      },
      {
        kind: "skipped",
        reason: "monthly rows of a reporter and year that also has annual rows",
        rows: 1,
        firstLines: [6],
      },
      { kind: "skipped", reason: "re-export and re-import rows", rows: 1, firstLines: [8] },
    ]);
    expect(report!.unmapped).toEqual([]);
  });

  it("lists why rows were rejected, and the codes that name no country or HS product, with their first line", async () => {
    const db = fresh();
    const file = compactFile([
      "2023,156,528,M,854231,100",
      "2023,999,528,X,854231,100",
      "2023,156,999,M,854231,100",
      "2023,156,528,M,85A2,100",
      "2023,156,527,M,854231,100",
      "2023,999,528,X,854232,100",
    ]);
    const { report } = await importFile(db, file, { dryRun: true, report: true });
    expect(report).toMatchObject({ rows: 6, facts: 1, rejected: 4, inserted: 0 });
    expect(report!.leftOut).toEqual([
      {
        kind: "rejected",
        reason: "reporter_code: expected a UN M49 country code such as 156, 842 or 490",
        rows: 2,
        firstLines: [3, 7],
      },
      { kind: "rejected", reason: "hs_code: expected an HS code of 2, 4 or 6 digits", rows: 1, firstLines: [5] },
      {
        kind: "rejected",
        reason: "partner_code: expected a UN M49 country code such as 156, 842 or 490",
        rows: 1,
        firstLines: [4],
      },
      {
        kind: "skipped",
        reason: "rows whose partner is an area that names no country (nes regions, bunkers, free zones)",
        rows: 1,
        firstLines: [6],
      },
    ]);
    expect(report!.unmapped).toEqual([
      { kind: "country", column: "partner_code", code: "527", rows: 1, firstLine: 6, outcome: "left out" },
      { kind: "country", column: "partner_code", code: "999", rows: 1, firstLine: 4, outcome: "rejected" },
      { kind: "country", column: "reporter_code", code: "999", rows: 2, firstLine: 3, outcome: "rejected" },
      { kind: "hs", column: "hs_code", code: "85A2", rows: 1, firstLine: 5, outcome: "rejected" },
    ]);
  });

  it("finds the partner's report of the same flow in another dataset, and flags those more than 10% apart", async () => {
    const path = tempDbPath();
    const db = openWritable(path);
    const stored = compactFile([
      "2023,528,156,X,854231,1000000", // the Netherlands' exports of processors to China
      "2023,156,528,M,854231,500000", // China's imports of them from the Netherlands
      "2023,528,156,X,854232,900000",
      "2022,528,156,X,854231,1000000",
    ]);
    await importFile(db, stored, { dataset: { id: "stored" } });
    const before = contentChecksum(db);
    const file = compactFile([
      "2023,156,528,M,854231,1100000", // 9.1% above the Netherlands' 1,000,000: agrees
      "2023,156,528,M,854232,1000000", // exactly 10% apart: agrees
      "2022,156,528,M,854231,1250000", // 20% apart: a conflict
      "2023,528,156,X,854231,400000", // against China's 500,000 (not the Netherlands' own 1,000,000): a conflict
      "2023,156,0,M,854231,9000000", // from the world: no partner reports it
      "2024,156,528,M,854231,1000000", // no stored report of 2024
    ]);
    const { report } = await importFile(db, file, { dataset: { id: "new" }, dryRun: true, report: true });
    expect(report!.mirrors).toEqual({
      checked: true,
      tolerance: 0.1,
      compared: 4,
      conflictCount: 2,
      conflicts: [
        {
          line: 4,
          metric: "revenue_usd",
          product: "HS 8542.31",
          origin: "NLD",
          destination: "CHN",
          periodStart: "2022-01-01",
          periodEnd: "2022-12-31",
          reporter: "CHN",
          value: 1_250_000,
          mirrorDatasetId: "stored",
          mirrorSource: "UN Comtrade: Netherlands (Kingdom of the) export reports",
          mirrorValue: 1_000_000,
          gap: 0.2,
        },
        expect.objectContaining({
          line: 5,
          reporter: "NLD",
          value: 400_000,
          mirrorSource: "UN Comtrade: China import reports",
          mirrorValue: 500_000,
          gap: 0.2,
        }),
      ],
    });
    expect(contentChecksum(db)).toBe(before); // a dry run with a report writes nothing
    // The dataset being filled is not its own mirror: its figures are about to be replaced or updated.
    const same = await importFile(db, file, { dataset: { id: "stored" }, dryRun: true, report: true });
    expect(same.report!.mirrors).toMatchObject({ compared: 0, conflictCount: 0 });
    db.close();
  });

  it("compares with the stored figures even when a large import rebuilds the indexes at the end", async () => {
    const db = fresh();
    await importFile(db, compactFile(["2020,156,528,M,850100,2000"]), { dataset: { id: "china" } });
    // 30,000 rows of the Netherlands' exports, 5 MB with their descriptions: enough for a bulk import.
    const others = COUNTRIES.filter((c) => c.m49 && !["CHN", "NLD", "WLD"].includes(c.iso3)).map((c) => c.m49);
    const rows: string[] = [];
    for (const partner of ["156", ...others.slice(0, 99)])
      for (let year = 2011; year <= 2020; year++)
        for (let code = 0; code < 30; code++) rows.push(`${year},528,${Number(partner)},X,${850100 + code},1000`);
    const file = compactFile(rows, "x".repeat(130));
    expect(statSync(file).size / 200).toBeGreaterThan(20_000); // importFile's guess of its rows: a bulk import
    const summary = await importFile(db, file, { dataset: { id: "nld" }, dryRun: true, report: true });
    expect(summary).toMatchObject({ rows: 30_000, rejected: 0, committed: false });
    expect(summary.report!.groups).toHaveLength(300);
    expect(summary.report!.mirrors).toMatchObject({
      compared: 1,
      conflictCount: 1,
      conflicts: [expect.objectContaining({ origin: "NLD", destination: "CHN", value: 1000, mirrorValue: 2000 })],
    });
    expect(db.prepare("SELECT count(*) FROM facts").pluck().get()).toBe(1);
  }, 30_000);

  it("counts a chipflow file by origin → destination, and its unknown country codes as unmapped", async () => {
    const db = fresh();
    const { report } = await importFile(db, fixture("chipflow-invalid.csv"), { dryRun: true, report: true });
    expect(report).toMatchObject({ groupedBy: "flow", rows: 5, facts: 2, rejected: 3 });
    expect(report!.groups.map((g) => [g.by, g.year, g.product, g.rows])).toEqual([
      ["TWN → CHN", "2024", "Examplechip XA-100", 1],
      ["TWN → CHN", "2024", "Examplechip XA-200", 1],
    ]);
    expect(report!.unmapped).toEqual([
      { kind: "country", column: "destination", code: "XXX", rows: 1, firstLine: 3, outcome: "rejected" },
    ]);
    expect(report!.leftOut.map((r) => [r.reason, r.firstLines])).toContainEqual([
      "(row): expected 20 fields as in the header, got 5",
      [5],
    ]);
  });

  it("says the mirror flows were not checked when the database is in memory", async () => {
    const db = openWritable(":memory:");
    const { report } = await importFile(db, fixture("comtrade-compact-hs.csv"), { dryRun: true, report: true });
    expect(report!.mirrors).toEqual({ checked: false, tolerance: 0.1, compared: 0, conflictCount: 0, conflicts: [] });
  });

  it("is gathered only when asked for", async () => {
    const summary = await importFile(fresh(), fixture("comtrade-compact-hs.csv"), { dryRun: true });
    expect(summary.report).toBeUndefined();
  });

  it("measures how far apart two reports are as a share of the larger", () => {
    expect(mirrorGap(100, 110)).toBeCloseTo(0.0909, 4);
    expect(mirrorGap(90, 100)).toBe(0.1);
    expect(mirrorGap(0, 0)).toBe(0);
    expect(mirrorGap(0, 5)).toBe(1);
    expect(mirrorGap(5, 0)).toBe(1);
  });
});
