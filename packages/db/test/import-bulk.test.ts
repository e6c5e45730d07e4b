import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import type { WritableDb } from "../src/handles.js";
import { importFacts } from "../src/import/import-facts.js";
import { importFile } from "../src/import/import-file.js";
import { readFactCsv } from "../src/import/read-fact-csv.js";
import { openTextSource } from "../src/import/text-encoding.js";
import { openWritable } from "../src/open-writable.js";
import { writeLargeFactsFile } from "./fixtures/faults/large-import.js";
import { tempDbPath } from "./import-helpers.js";

const ROWS = 30_000;

/** Every fact of every dataset, without ids (which differ once a duplicate's row is removed), in key order. */
const allFacts = (db: WritableDb) =>
  db
    .prepare(
      `SELECT dataset_id, source_id, vendor_id, product_id, category, origin, destination, buyer_id, period_start,
         period_end, granularity, period_label, metric, value, low, high, estimate_kind, confidence, note
       FROM facts ORDER BY dataset_id, metric, product_id, destination, period_start, period_end, source_id`,
    )
    .all();
const indexes = (db: WritableDb) =>
  db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'facts' ORDER BY name").all();

/**
 * A synthetic file large enough for the bulk path (its indexes rebuilt once at the end), where two facts appear
 * again with other values, on lines 5001, 30003 and 30004.
 */
function writeFileWithDuplicates(): string {
  const file = join(dirname(tempDbPath()), "bulk.csv");
  writeLargeFactsFile(file, ROWS);
  const lines = readFileSync(file, "utf8").trimEnd().split("\n");
  const again = (line: string, value: string) => line.replace(/,units,\d+,/, `,units,${value},`);
  lines.splice(5000, 0, again(lines[10]!, "111"));
  lines.push(again(lines[20]!, "222"), again(lines[10]!, "333"));
  writeFileSync(file, lines.join("\n") + "\n");
  return file;
}

describe("a large import into a new dataset", () => {
  it("rejects repeated facts in the bulk path as in the row-by-row path, naming their lines", async () => {
    const file = writeFileWithDuplicates();
    const dataset = { id: "bulk", title: "Synthetic bulk import", kind: "synthetic" as const };
    const bulk = openWritable(tempDbPath());
    const rowByRow = openWritable(tempDbPath());
    const a = await importFile(bulk, file, { dataset });
    const b = await importFacts(rowByRow, readFactCsv(file, openTextSource(file, "utf-8").stream), { file, dataset });
    // The bulk path finds every repeat when it builds the unique index; the row-by-row path stops writing (and so
    // comparing keys) at the first rejected row. Both reject the file and name the first repeat.
    expect(a.errors.map((e) => [e.line, e.column])).toEqual([
      [5001, "metric"],
      [30003, "metric"],
      [30004, "metric"],
    ]);
    expect(b.errors.map((e) => [e.line, e.column])).toEqual([[5001, "metric"]]);
    for (const summary of [a, b]) expect(summary).toMatchObject({ read: ROWS + 3, committed: false });
    expect(bulk.prepare("SELECT count(*) FROM facts").pluck().get()).toBe(0);
    bulk.close();
    rowByRow.close();
  });

  it("with --skip-invalid keeps the first copy of each fact and gives the same facts as the row-by-row path", async () => {
    const file = writeFileWithDuplicates();
    const dataset = { id: "bulk", title: "Synthetic bulk import", kind: "synthetic" as const };
    const bulk = openWritable(tempDbPath());
    const rowByRow = openWritable(tempDbPath());
    const before = indexes(bulk);
    const a = await importFile(bulk, file, { dataset, skipInvalid: true });
    const b = await importFacts(rowByRow, readFactCsv(file, openTextSource(file, "utf-8").stream), {
      file,
      dataset,
      skipInvalid: true,
    });
    expect(a).toMatchObject({ read: ROWS + 3, inserted: ROWS, rejected: 3, committed: true });
    expect(b).toMatchObject({ inserted: ROWS, rejected: 3, committed: true });
    expect(allFacts(bulk)).toEqual(allFacts(rowByRow));
    const value = (db: WritableDb, id: number) => db.prepare("SELECT value FROM facts WHERE id = ?").pluck().get(id);
    expect(value(bulk, 10)).toBe(9); // line 11 of the file: its later copies were rejected
    expect(indexes(bulk)).toEqual(before);
    expect(bulk.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(bulk.pragma("foreign_key_check")).toEqual([]);
    expect(bulk.pragma("foreign_keys", { simple: true })).toBe(1);
    bulk.close();
    rowByRow.close();
  });
});
