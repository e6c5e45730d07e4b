import ExcelJS from "exceljs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { exportFacts } from "../src/export/export-facts.js";
import { importFile } from "../src/import/import-file.js";
import { openWritable } from "../src/open-writable.js";
import { iterateFacts } from "../src/queries/iterate-facts.js";
import { fixture, tempDbPath } from "./import-helpers.js";

describe("the Excel export", () => {
  it("writes a data sheet and a sources sheet, headers frozen, dates as dates, numbers as numbers, text never a formula", async () => {
    const db = openWritable(tempDbPath());
    await importFile(db, fixture("chipflow.csv"), { dataset: { id: "original" } });
    await importFile(db, fixture("comtrade-plus-quoted.csv"), { dataset: { id: "customs" } });
    const out = join(dirname(tempDbPath()), "facts.xlsx");
    expect(await exportFacts(db, {}, out)).toEqual({ count: 10, format: "xlsx" });

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.worksheets.map((s) => s.name)).toEqual(["data", "sources"]);
    const [data, sources] = book.worksheets as [ExcelJS.Worksheet, ExcelJS.Worksheet];
    for (const sheet of [data, sources]) expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const header = (data.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 3)).toEqual(["period_start", "period_end", "period_label"]);
    expect(data.rowCount).toBe(11);

    const facts = [...iterateFacts(db)];
    const col = (name: string) => header.indexOf(name) + 1;
    facts.forEach((fact, i) => {
      const row = data.getRow(i + 2);
      expect(row.getCell(col("period_start")).value).toEqual(new Date(`${fact.periodStart}T00:00:00Z`));
      expect(row.getCell(col("period_start")).numFmt).toBe("yyyy-mm-dd");
      expect(row.getCell(col("value")).value).toBe(fact.value); // a number, not text
      expect(row.getCell(col("metric")).value).toBe(fact.metric);
      // the row's source is a row of the sources sheet, with the fact's own source
      const source = sources.getRow((row.getCell(col("source")).value as number) + 1);
      expect([source.getCell(2).value, source.getCell(5).value]).toEqual([fact.source.publisher, fact.source.url]);
    });
    // A cell a spreadsheet would run is plain text here: the workbook holds no formula at all.
    const texts: unknown[] = [];
    data.eachRow((row) =>
      row.eachCell((cell) => texts.push(cell.type === ExcelJS.ValueType.Formula ? "formula" : cell.value)),
    );
    expect(texts).not.toContain("formula");
    expect(texts).toContain('=HYPERLINK("x") is text');
    expect(sources.rowCount - 1).toBe(new Set(facts.map((f) => JSON.stringify(f.source))).size);
  });
});
