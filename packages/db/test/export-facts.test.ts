import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { FACT_COLUMNS } from "@chipflow/core";
import { exportFacts, toExportFormat } from "../src/export/export-facts.js";
import { neutraliseCell } from "../src/export/neutralise-cell.js";
import { importFile } from "../src/import/import-file.js";
import { openWritable } from "../src/open-writable.js";
import { iterateFacts } from "../src/queries/iterate-facts.js";
import { fixture, tempDbPath } from "./import-helpers.js";

describe("exporting facts", () => {
  it("reads the format from the file's extension, CSV unless it names another", () => {
    const paths = ["a.csv", "a.JSONL", "a.ndjson", "a.xlsx", "out/facts.Parquet", "a.txt", "parquet"];
    expect(paths.map(toExportFormat)).toEqual(["csv", "jsonl", "jsonl", "xlsx", "parquet", "csv", "csv"]);
  });

  it("neutralises cells a spreadsheet would run as formulas, but keeps numbers", () => {
    expect(["=SUM(A1)", "+x", "-cmd", "@here", "\tx", "-5", "+1.5e3", "-.5", "plain", ""].map(neutraliseCell)).toEqual([
      "'=SUM(A1)",
      "'+x",
      "'-cmd",
      "'@here",
      "'\tx",
      "-5",
      "+1.5e3",
      "-.5",
      "plain",
      "",
    ]);
  });

  it("streams facts in a stable order with the filters of the API", async () => {
    const db = openWritable(tempDbPath());
    await importFile(db, fixture("chipflow.csv"), { dataset: { id: "a" } });
    await importFile(db, fixture("comtrade-plus-quoted.csv"), { dataset: { id: "b" } });
    const all = [...iterateFacts(db)];
    expect(all.map((f) => f.datasetId)).toEqual([...Array(4).fill("a"), ...Array(6).fill("b")]);
    const units = [...iterateFacts(db, { metric: ["units"], destination: ["CHN"], dataset: ["b"] })];
    expect(units.map((f) => [f.value, f.source.title])).toEqual([
      [5000, "UN Comtrade: Taiwan export reports"],
      [5200, "UN Comtrade: China import reports"],
    ]);
    const recent = [...iterateFacts(db, { vendor: ["examplechip"], from: "2024-06-01" })];
    expect(recent.map((f) => [f.metric, f.periodStart])).toEqual([
      ["charge_usd", "2024-04-29"],
      ["revenue_usd", "2024-01-01"],
      ["units", "2024-01-01"],
    ]);
  });

  it("writes exactly FACT_COLUMNS, and an export imports again unchanged", async () => {
    const first = openWritable(tempDbPath());
    await importFile(first, fixture("chipflow.csv"), { dataset: { id: "original" } });
    await importFile(first, fixture("comtrade-plus-bom.csv"), { dataset: { id: "original" } });
    const out1 = join(dirname(tempDbPath()), "export-1.csv");
    expect(await exportFacts(first, { dataset: ["original"] }, out1)).toEqual({ count: 8, format: "csv" });
    const csv1 = readFileSync(out1, "utf8");
    expect(csv1.split("\r\n")[0]).toBe(FACT_COLUMNS.join(",")); // RFC 4180 line ends
    expect(csv1).toContain(`"'=HYPERLINK(""x"") is text"`);

    const second = openWritable(tempDbPath());
    const again = await importFile(second, out1, { dataset: { id: "copy" } });
    expect(again).toMatchObject({ inserted: 8, rejected: 0 });
    const out2 = join(dirname(tempDbPath()), "export-2.csv");
    await exportFacts(second, { dataset: ["copy"] }, out2);
    expect(readFileSync(out2, "utf8")).toBe(csv1);
    // The copy holds the very same text: the apostrophe that kept a spreadsheet from running it is dropped on import.
    const strip = ({ id: _id, datasetId: _d, ...f }: { id: number; datasetId: string }) => f;
    expect([...iterateFacts(second)].map(strip)).toEqual([...iterateFacts(first)].map(strip));
  });

  it("imports its own export into the same database without a clash, formula-like names included", async () => {
    const db = openWritable(tempDbPath());
    const file = join(dirname(tempDbPath()), "formula.csv");
    const row = (vendor: string) =>
      `2024-01-01,2024-12-31,,${vendor},,,,CHN,,units,5,,,estimate,,Synthetic,T,2024,https://example.org/t,,,\n`;
    writeFileSync(file, `${FACT_COLUMNS.join(",")}\n${row("=1+1V")}`);
    await importFile(db, file, { dataset: { id: "first" } });
    const out = join(dirname(tempDbPath()), "formula-export.csv");
    await exportFacts(db, { dataset: ["first"] }, out);
    expect(readFileSync(out, "utf8")).toContain("'=1+1V");
    expect(await importFile(db, out, { dataset: { id: "again" } })).toMatchObject({ rejected: 0, inserted: 1 });
    expect(db.prepare("SELECT name FROM vendors").pluck().all()).toEqual(["=1+1V"]);
  });

  it("rejects a name that another name's id already holds, naming file, line and column", async () => {
    const db = openWritable(tempDbPath());
    const file = join(dirname(tempDbPath()), "clash.csv");
    const row = (vendor: string) =>
      `2024-01-01,2024-12-31,,${vendor},,,,CHN,,units,5,,,estimate,,Synthetic,T,2024,https://example.org/t,,,\n`;
    writeFileSync(file, `${FACT_COLUMNS.join(",")}\n${row("Examplechip")}${row("Examplechip!")}`);
    const summary = await importFile(db, file, { dataset: { id: "clash" } });
    expect(summary).toMatchObject({ committed: false, rejected: 1, inserted: 0 });
    expect(summary.errors[0]).toMatchObject({ line: 3, column: "vendor", value: "Examplechip!" });
    expect(summary.errors[0]!.message).toMatch(/another vendor already has the id this name gives/);
  });

  it("writes JSON Lines that import again unchanged", async () => {
    const db = openWritable(tempDbPath());
    await importFile(db, fixture("chipflow.csv"), { dataset: { id: "original" } });
    const out = join(dirname(tempDbPath()), "facts.jsonl");
    expect(await exportFacts(db, {}, out)).toEqual({ count: 4, format: "jsonl" });
    const copy = openWritable(tempDbPath());
    expect(await importFile(copy, out, { dataset: { id: "original" } })).toMatchObject({ inserted: 4, rejected: 0 });
    const strip = (f: { id: number }) => ({ ...f, id: 0 });
    expect([...iterateFacts(copy)].map(strip)).toEqual([...iterateFacts(db)].map(strip));
  });
});
