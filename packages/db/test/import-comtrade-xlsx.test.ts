import ExcelJS from "exceljs";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { importFile } from "../src/import/import-file.js";
import { listImportInputs } from "../src/import/import-inputs.js";
import { importFiles } from "../src/import/import-run.js";
import { openWritable } from "../src/open-writable.js";
import { contentChecksum, factsOf, fixture, tempDbPath, typedComtradeRows, type TypedCell } from "./import-helpers.js";

/** A path for a file named `name` in a new temporary folder. */
const tempFile = (name: string) => join(dirname(tempDbPath()), name);

/** A workbook at `path` whose first sheet holds `rows` (typed cells, as Comtrade+'s "Download Excel" writes them). */
async function workbook(path: string, rows: TypedCell[][]): Promise<string> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet("Sheet1").addRows(rows);
  book.addWorksheet("Sheet2"); // Comtrade+'s downloads carry an empty second sheet
  await book.xlsx.writeFile(path);
  return path;
}

/** A Comtrade+ CSV fixture as the Excel download of the same query, `edit` applied to its rows first. */
function asWorkbook(
  path: string,
  csvFixture: string,
  edit: (rows: TypedCell[][], header: string[]) => void = () => {},
) {
  const { header, rows } = typedComtradeRows(csvFixture);
  edit(rows, header);
  return workbook(path, [header, ...rows]);
}

describe("importing a Comtrade+ Excel download (.xlsx)", () => {
  it("gives the same facts as the CSV download of the same query", async () => {
    const db = openWritable(tempDbPath());
    const csv = await importFile(db, fixture("comtrade-plus-quoted.csv"), { dataset: { id: "csv" } });
    const xlsx = await importFile(db, await asWorkbook(tempFile("TradeData.xlsx"), "comtrade-plus-quoted.csv"), {
      dataset: { id: "xlsx" },
    });
    expect(csv.inserted).toBeGreaterThan(0);
    expect(xlsx).toMatchObject({ format: "comtrade-xlsx", read: csv.read, inserted: csv.inserted, rejected: 0 });
    expect(factsOf(db, "xlsx")).toEqual(factsOf(db, "csv"));
  });

  it("is read from a folder of downloads", async () => {
    const folder = tempFile("downloads");
    mkdirSync(folder);
    await asWorkbook(join(folder, "TradeData_2024.xlsx"), "comtrade-plus-quoted.csv");
    const db = openWritable(tempDbPath());
    const listed = await listImportInputs(folder);
    const summary = await importFiles(db, folder, listed.inputs, { dataset: { id: "folder" } }).finally(() =>
      listed.close(),
    );
    expect(summary.files.map((f) => f.format)).toEqual(["comtrade-xlsx"]);
    expect(factsOf(db, "folder").length).toBeGreaterThan(0);
  });

  it("rejects a bad row naming the file, its row in the sheet and the column, and writes nothing", async () => {
    const db = openWritable(tempDbPath());
    const before = contentChecksum(db);
    const bad = await asWorkbook(tempFile("bad.xlsx"), "comtrade-plus-quoted.csv", (rows, header) => {
      rows[1]![header.indexOf("primaryValue")] = "lots"; // the sheet's row 3: the header is row 1
    });
    const summary = await importFile(db, bad, { dataset: { id: "bad" } });
    expect(summary.committed).toBe(false);
    expect(summary.errors[0]).toMatchObject({ file: bad, line: 3, column: "primaryValue", value: "lots" });
    expect(contentChecksum(db)).toBe(before);
  });

  it("refuses a workbook that is not a Comtrade download, and a damaged one, naming the file", async () => {
    const db = openWritable(tempDbPath());
    const other = await workbook(tempFile("prices.xlsx"), [
      ["chip", "price"],
      ["H20", 12000],
    ]);
    await expect(importFile(db, other)).rejects.toThrow(
      /prices\.xlsx:1: cannot read this workbook as any known format: only a UN Comtrade workbook is read from Excel/,
    );
    const damaged = tempFile("damaged.xlsx");
    writeFileSync(damaged, Buffer.concat([Buffer.from("PK\x03\x04"), Buffer.alloc(64, 7)]));
    await expect(importFile(db, damaged)).rejects.toThrow(/damaged\.xlsx:1: cannot open this Excel workbook/);
    expect(db.prepare("SELECT count(*) FROM datasets").pluck().get()).toBe(0);
  });
});
