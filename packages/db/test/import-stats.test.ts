import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { detectFormat } from "../src/import/detect-format.js";
import { importFile } from "../src/import/import-file.js";
import { coveredMonths } from "../src/import/stats/read-estat.js";
import { openWritable } from "../src/open-writable.js";
import { contentChecksum, factsOf, tempDbPath } from "./import-helpers.js";

const write = (name: string, body: unknown) => {
  const path = join(dirname(tempDbPath()), name);
  writeFileSync(path, typeof body === "string" ? body : JSON.stringify(body, null, 1));
  return path;
};

/** A Comext answer in JSON-stat 2.0: `values` by reporter × partner × indicator × month, the last fastest. */
function eurostatAnswer(values: (number | null)[], partners = ["CN", "EU27_2020"], indicators = ["VALUE_IN_EUROS"]) {
  const months = ["2024-01", "2024-02"];
  const index = (codes: string[]) => Object.fromEntries(codes.map((c, i) => [c, i]));
  const dims = {
    freq: ["M"],
    reporter: ["NL"],
    partner: partners,
    product: ["8486"],
    flow: ["2"],
    indicators,
    time: months,
  };
  return {
    version: "2.0",
    class: "dataset",
    label: "EU trade since 1988 by HS2-4-6 and CN8",
    updated: "2026-08-14T11:00:00+0200",
    id: Object.keys(dims),
    size: Object.values(dims).map((c) => c.length),
    value: Object.fromEntries(values.flatMap((v, i) => (v === null ? [] : [[String(i), v]]))),
    dimension: Object.fromEntries(Object.entries(dims).map(([k, c]) => [k, { category: { index: index(c) } }])),
    extension: { id: "DS-045409" },
  };
}

/** An e-Stat getStatsData answer of Japan's exports by commodity and country, one year, `amounts` by month. */
function estatAnswer(title: string, rows: { code: string; area?: string; amounts: string[] }[]) {
  const months = Array.from({ length: 12 }, (_, i) => ({
    "@code": String(170 + 30 * i),
    "@name": `${i + 1}月_金額`,
    "@unit": "千円",
  }));
  return {
    GET_STATS_DATA: {
      STATISTICAL_DATA: {
        TABLE_INF: {
          "@id": "0004049306",
          TITLE: title,
          UPDATED_DATE: "2026-07-30",
          STATISTICS_NAME_SPEC: { TABULATION_SUB_CATEGORY2: "輸出" },
        },
        CLASS_INF: {
          CLASS_OBJ: [
            { "@id": "cat01", CLASS: rows.map((r) => ({ "@code": r.code, "@name": r.code })) },
            { "@id": "cat02", CLASS: [{ "@code": "140", "@name": "1月_数量1" }, ...months] },
          ],
        },
        DATA_INF: {
          VALUE: rows.flatMap((r) =>
            r.amounts.map((amount, m) => ({
              "@cat01": r.code,
              "@cat02": String(170 + 30 * m),
              "@area": r.area ?? "50105",
              "@time": "2026000000",
              "@unit": "千円",
              $: amount,
            })),
          ),
        },
      },
    },
  };
}

const census = (rows: string[][]) => [["ALL_VAL_MO", "E_COMMODITY", "COMM_LVL", "CTY_CODE", "time"], ...rows];

describe("importing statistics offices' trade answers", () => {
  it("tells each office's answer from the others and from Comtrade", async () => {
    expect(await detectFormat(write("e.json", eurostatAnswer([1, 2, 3, 4])))).toBe("eurostat-json");
    expect(await detectFormat(write("j.json", estatAnswer("(1-6月：確報) 2026年", [])))).toBe("estat-json");
    expect(await detectFormat(write("u.json", census([["1", "8486", "HS4", "5700", "2024-01"]])))).toBe("census-json");
    await expect(detectFormat(write("c.csv", "reporterCode,period\n156,2024\n"), "stats")).rejects.toThrow(
      /cannot read this file as stats: expected an answer of Eurostat's Comext API/,
    );
  });

  it("reads a Comext answer as one euro value per month, leaving out EU aggregates and empty cells", async () => {
    const db = openWritable(tempDbPath());
    // CN: January 222448350, February missing; EU27_2020: both months (an aggregate, not a country).
    const summary = await importFile(db, write("nl.json", eurostatAnswer([222448350, null, 5, 6])), {
      dataset: { id: "nl" },
    });
    expect(summary).toMatchObject({ format: "eurostat-json", inserted: 1, rejected: 0 });
    expect(summary.skipped).toEqual({
      "reporters or partners that name no country (EU aggregates, secret or unknown areas)": 2,
    });
    expect(factsOf(db, "nl")).toEqual([
      {
        start: "2024-01-01",
        end: "2024-01-31",
        product: "HS 8486",
        category: "semiconductor_equipment",
        origin: "NLD",
        destination: "CHN",
        metric: "revenue_eur",
        value: 222448350,
        kind: "reported",
        source: "Comext DS-045409: Netherlands (Kingdom of the) export reports",
        sourceDate: "2026-08-14",
      },
    ]);
  });

  it("reads Japan's table in yen, only for the months its title says it covers, each statistical code apart", async () => {
    const db = openWritable(tempDbPath());
    const answer = estatAnswer("確報 品別国別表 輸出(1-2月：確報) 2026年", [
      { code: "848620000", amounts: ["48853553", "46405416", "0", ...Array<string>(9).fill("0")] },
      { code: "854231100", amounts: ["7", "0", "0", ...Array<string>(9).fill("0")] },
    ]);
    const summary = await importFile(db, write("jp.json", answer), { dataset: { id: "jp" } });
    expect(summary).toMatchObject({ format: "estat-json", inserted: 4, rejected: 0 });
    expect(summary.skipped).toEqual({
      "months the table does not cover yet (after the last month its title names)": 20,
    });
    expect(factsOf(db, "jp").map((f) => [f.start, f.product, f.origin, f.destination, f.metric, f.value])).toEqual([
      ["2026-01-01", "HS 8486.20", "JPN", "CHN", "revenue_jpy", 48853553000],
      ["2026-02-01", "HS 8486.20", "JPN", "CHN", "revenue_jpy", 46405416000],
      ["2026-01-01", "HS 8542.31, Japan 854231100", "JPN", "CHN", "revenue_jpy", 7000],
      ["2026-02-01", "HS 8542.31, Japan 854231100", "JPN", "CHN", "revenue_jpy", 0],
    ]);
  });

  it("finds the months a Japanese table covers in its title, year by year", () => {
    expect([...coveredMonths("輸出(1-12月：確定) 2021年～2024年 , (1-12月：確々報) 2025年")]).toEqual([
      [2021, 12],
      [2022, 12],
      [2023, 12],
      [2024, 12],
      [2025, 12],
    ]);
    expect([...coveredMonths("確報 品別国別表 輸出(1-6月：確報) 2026年")]).toEqual([[2026, 6]]);
    expect(coveredMonths("品別国別表 輸出").size).toBe(0);
  });

  it("reads a Census answer as dollars a month, each row's line being its row of the answer", async () => {
    const db = openWritable(tempDbPath());
    const rows = [
      ["468585934", "8486", "HS4", "5700", "2022-01"],
      ["453300238", "8486", "HS4", "5700", "2022-02"],
    ];
    const summary = await importFile(db, write("us.json", census(rows)), { dataset: { id: "us" } });
    expect(summary).toMatchObject({ format: "census-json", inserted: 2 });
    expect(factsOf(db, "us").map((f) => [f.start, f.end, f.origin, f.destination, f.metric, f.value])).toEqual([
      ["2022-01-01", "2022-01-31", "USA", "CHN", "revenue_usd", 468585934],
      ["2022-02-01", "2022-02-28", "USA", "CHN", "revenue_usd", 453300238],
    ]);
  });

  it("rejects a country it cannot place, naming file, line and column, and writes nothing", async () => {
    const db = openWritable(tempDbPath());
    await importFile(db, write("ok.json", census([["1", "8486", "HS4", "5700", "2022-01"]])), {
      dataset: { id: "us" },
    });
    const before = contentChecksum(db);
    const bad = write(
      "bad.json",
      census([
        ["1", "8486", "HS4", "5700", "2022-02"],
        ["2", "8486", "HS4", "5830", "2022-02"],
      ]),
    );
    const summary = await importFile(db, bad, { dataset: { id: "us" } });
    expect(summary.committed).toBe(false);
    expect(summary.errors[0]).toMatchObject({ file: bad, line: 3, column: "CTY_CODE", value: "5830" });
    expect(contentChecksum(db)).toBe(before);

    const japan = write(
      "jp.json",
      estatAnswer("(1-12月：確報) 2026年", [
        { code: "848620000", area: "50304", amounts: Array<string>(12).fill("1") },
      ]),
    );
    const rejected = await importFile(db, japan, { dataset: { id: "jp" } });
    expect(rejected.errors[0]).toMatchObject({ file: japan, line: 1, column: "@area", value: "50304" });
    expect(contentChecksum(db)).toBe(before);
  });

  it("rejects a JSON-stat answer without a reporter dimension as a whole, saying which dimensions it needs", async () => {
    const db = openWritable(tempDbPath());
    const answer = eurostatAnswer([1, 2, 3, 4]) as Record<string, unknown> & { id: string[] };
    answer.id = answer.id.filter((d) => d !== "reporter");
    const before = contentChecksum(db);
    await expect(importFile(db, write("odd.json", answer), { dataset: { id: "odd" } })).rejects.toThrow(
      /odd\.json: expected a Eurostat Comext answer in JSON-stat 2\.0 .*missing: reporter/,
    );
    expect(contentChecksum(db)).toBe(before);
  });

  it("reads the shipped extracts: the Netherlands' HS 8486 exports to China in January 2021", async () => {
    const db = openWritable(tempDbPath());
    const file = fileURLToPath(
      new URL(
        "../../../data/trade-stats/eurostat-nl-de-exports-to-china-hs8486-8542-monthly/20260814_eurostat_NL_hs8486_exports_to_cn.json",
        import.meta.url,
      ),
    );
    const summary = await importFile(db, file, { dataset: { id: "nl" } });
    expect(summary).toMatchObject({ inserted: 66, rejected: 0 });
    expect(factsOf(db, "nl")[0]).toMatchObject({
      start: "2021-01-01",
      origin: "NLD",
      destination: "CHN",
      value: 222448350,
    });
  });
});
