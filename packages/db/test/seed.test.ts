import { existsSync, mkdirSync, mkdtempSync, writeFileSync, cpSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openReadonly, openWritableRaw } from "../src/handles.js";
import { listMigrations } from "../src/migrate.js";
import { ensureSeededDatabase } from "../src/seed.js";
import { createFixtureDb, FIXTURE_DIR } from "./fixture-db.js";

describe("seeding", () => {
  it("creates the schema, the full country list and every fixture fact with its source", async () => {
    const db = openReadonly(await createFixtureDb());
    expect(db.prepare("SELECT max(version) FROM schema_migrations").pluck().get()).toBe(listMigrations().length);
    expect(db.prepare("SELECT count(*) FROM countries").pluck().get()).toBeGreaterThanOrEqual(249);
    expect(db.prepare("SELECT name FROM countries WHERE iso3 = 'TWN'").pluck().get()).toBe("Taiwan");
    expect(db.prepare("SELECT count(*) FROM facts").pluck().get()).toBe(17);
    expect(db.prepare("SELECT count(*) FROM facts WHERE source_id IS NULL").pluck().get()).toBe(0);
    expect(db.prepare("SELECT row_count FROM datasets WHERE id = 'fixture-estimates'").pluck().get()).toBe(7);
    expect(db.prepare("SELECT journal_mode FROM pragma_journal_mode").pluck().get()).toBe("wal");
    db.close();
  });

  it("labels each fact with the granularity of its period and keeps fiscal labels", async () => {
    const db = openReadonly(await createFixtureDb());
    const rows = db
      .prepare(
        "SELECT DISTINCT granularity, period_label FROM facts WHERE dataset_id = 'fixture-reported' ORDER BY 1, 2",
      )
      .all();
    expect(rows).toEqual([
      { granularity: "quarter", period_label: "Q1 FY2026" },
      { granularity: "quarter", period_label: "Q2 FY2026" },
      { granularity: "year", period_label: null },
      { granularity: "year", period_label: "FY2025" },
    ]);
    db.close();
  });

  it("leaves no database behind when a seed file has a bad row, and says where", async () => {
    const dir = mkdtempSync(join(tmpdir(), "chipflow-bad-seed-"));
    cpSync(FIXTURE_DIR, dir, { recursive: true });
    writeFileSync(
      join(dir, "facts/estimates.csv"),
      "period_start,period_end,period_label,vendor,product,category,origin,destination,buyer,metric,value,low,high,estimate_kind,confidence,source_publisher,source_title,source_date,source_url,source_locator,source_type,note\n" +
        "2024-01-01,2024-12-31,,NVIDIA,H20,,,CHN,,units,lots,,,estimate,medium,P,T,2024,https://example.org,,,\n",
    );
    const path = join(dir, "out.sqlite");
    await expect(ensureSeededDatabase(path, dir)).rejects.toThrow(
      /estimates\.csv:2: column value: expected a plain number/,
    );
    expect(existsSync(path)).toBe(false);
    expect(existsSync(`${path}.seeding`)).toBe(false);
  });

  it("refuses a vendor that makes neither chips nor tools, on its line", async () => {
    const dir = mkdtempSync(join(tmpdir(), "chipflow-bad-vendor-"));
    cpSync(FIXTURE_DIR, dir, { recursive: true });
    writeFileSync(join(dir, "vendors.csv"), "name,hq_country,notes,makes\nNVIDIA,USA,,chips\nASML,NLD,,lenses\n");
    await expect(ensureSeededDatabase(join(dir, "out.sqlite"), dir)).rejects.toThrow(/vendors\.csv:3: .*makes/);
  });

  it("refuses an event whose topic is neither chips nor tools, on its line", async () => {
    const dir = mkdtempSync(join(tmpdir(), "chipflow-bad-event-"));
    cpSync(FIXTURE_DIR, dir, { recursive: true });
    writeFileSync(
      join(dir, "events.csv"),
      "date,date_kind,jurisdiction,actor,title,description,source_publisher,source_title,source_date,source_url,confidence,topic\n" +
        "2023-10-17,announced,USA,BIS,Rule,A synthetic rule,P,T,2023,https://example.org,high,tools\n" +
        "2024-01-01,announced,USA,BIS,Rule two,A synthetic rule,P,T,2024,https://example.org,high,both\n",
    );
    const path = join(dir, "out.sqlite");
    await expect(ensureSeededDatabase(path, dir)).rejects.toThrow(
      /events\.csv:3: topic: expected blank, chips or tools \(got "both"\)/,
    );
    expect(existsSync(path)).toBe(false);
  });

  it("leaves the data of an existing database alone but brings its schema up to date", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "chipflow-old-")), "old.sqlite");
    const old = openWritableRaw(path); // as made by the first chipflow: migration 1 only
    const [first] = listMigrations();
    old.exec(first!.sql);
    old.exec(`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);
      INSERT INTO schema_migrations VALUES (1, '${first!.name}', '2026-01-01');
      INSERT INTO datasets (id, title, kind) VALUES ('kept', 'Kept', 'imported');`);
    old.close();
    expect(await ensureSeededDatabase(path, FIXTURE_DIR)).toBeNull();
    const db = openReadonly(path);
    expect(db.prepare("SELECT id FROM datasets").pluck().all()).toEqual(["kept"]);
    expect(db.prepare("SELECT max(version) FROM schema_migrations").pluck().get()).toBe(listMigrations().length);
    db.close();
  });

  it("reads a dataset whose format is comtrade with the Comtrade importer, citing the extract and its query", async () => {
    const dir = mkdtempSync(join(tmpdir(), "chipflow-comtrade-seed-"));
    cpSync(FIXTURE_DIR, dir, { recursive: true });
    cpSync(join(FIXTURE_DIR, "../import/comtrade-compact.csv"), join(dir, "comtrade.csv"));
    writeFileSync(
      join(dir, "datasets.csv"),
      "id,title,description,licence,kind,priority,file,format,source_url,source_locator\n" +
        "fixture-customs,Fixture customs,Synthetic,Test data,synthetic,20,comtrade.csv,comtrade," +
        "https://example.org/extract.csv,reporterCode=156\n",
    );
    const path = join(dir, "out.sqlite");
    const summary = await ensureSeededDatabase(path, dir);
    expect(summary?.datasets.map((d) => [d.datasetId, d.inserted])).toEqual([["fixture-customs", 4]]);
    const db = openReadonly(path);
    expect(db.prepare("SELECT format FROM datasets").pluck().all()).toEqual(["comtrade-compact-csv"]);
    expect(
      db.prepare("SELECT DISTINCT s.url, s.locator FROM facts f JOIN sources s ON s.id = f.source_id").all(),
    ).toEqual([{ url: "https://example.org/extract.csv", locator: "reporterCode=156" }]);
    db.close();
  });

  it("reads a comtrade dataset whose file is a folder of API answers into one dataset, all or nothing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "chipflow-comtrade-folder-seed-"));
    cpSync(FIXTURE_DIR, dir, { recursive: true });
    mkdirSync(join(dir, "answers"));
    // Synthetic Comtrade+ API answers, one per month, as the preview API returns them (descriptions left out).
    const answer = (period: string, value: number) =>
      JSON.stringify({
        elapsedTime: "0.1 secs",
        count: 1,
        data: [
          {
            typeCode: "C", freqCode: "M", refPeriodId: Number(`${period}01`), refYear: Number(period.slice(0, 4)),
            refMonth: Number(period.slice(4)), period, reporterCode: 410, reporterISO: null, reporterDesc: null,
            flowCode: "X", flowDesc: null, partnerCode: 156, partnerISO: null, partnerDesc: null, partner2Code: 0,
            partner2ISO: null, partner2Desc: null, classificationCode: "H6", classificationSearchCode: "HS",
            isOriginalClassification: true, cmdCode: "8486", cmdDesc: null, aggrLevel: null, isLeaf: null,
            customsCode: "C00", customsDesc: null, mosCode: "0", motCode: 0, motDesc: null, qtyUnitCode: -1,
            qtyUnitAbbr: null, qty: 0.0, isQtyEstimated: true, altQtyUnitCode: -1, altQtyUnitAbbr: null, altQty: 0.0,
            isAltQtyEstimated: false, netWgt: 10.0, isNetWgtEstimated: false, grossWgt: 0.0,
            isGrossWgtEstimated: false, cifvalue: null, fobvalue: value, primaryValue: value,
            legacyEstimationFlag: 2, isReported: false, isAggregate: true,
          },
        ],
        error: "",
      }); // prettier-ignore
    writeFileSync(join(dir, "answers/2024-01.json"), answer("202401", 1000));
    writeFileSync(join(dir, "answers/2024-02.json"), answer("202402", 2000));
    writeFileSync(
      join(dir, "datasets.csv"),
      "id,title,description,licence,kind,priority,file,format,source_url,source_locator\n" +
        "fixture-answers,Fixture answers,Synthetic,Test data,synthetic,20,answers,comtrade," +
        "https://example.org/answers/,period=YYYYMM\n",
    );
    const path = join(dir, "out.sqlite");
    const summary = await ensureSeededDatabase(path, dir);
    expect(summary?.datasets.map((d) => [d.datasetId, d.inserted])).toEqual([["fixture-answers", 2]]);
    const db = openReadonly(path);
    expect(db.prepare("SELECT format, row_count FROM datasets").all()).toEqual([
      { format: "comtrade-plus-json", row_count: 2 },
    ]);
    expect(
      db.prepare("SELECT period_start, origin, destination, value FROM facts ORDER BY period_start").all(),
    ).toEqual([
      { period_start: "2024-01-01", origin: "KOR", destination: "CHN", value: 1000 },
      { period_start: "2024-02-01", origin: "KOR", destination: "CHN", value: 2000 },
    ]);
    db.close();

    writeFileSync(join(dir, "answers/2024-03.json"), answer("2024-3", 3000));
    const bad = join(dir, "bad.sqlite");
    await expect(ensureSeededDatabase(bad, dir)).rejects.toThrow(/2024-03\.json:1: column period/);
    expect(existsSync(bad)).toBe(false);
  });
});
