import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { importFile } from "../src/import/import-file.js";
import { openWritable } from "../src/open-writable.js";
import { contentChecksum, factsOf, fixture, tempDbPath, typedComtradeRows } from "./import-helpers.js";

/** A Comtrade+ CSV fixture as the Comtrade+ API answers the same query: `{"elapsedTime", "count", "data": [...]}`. */
function asApiAnswer(csvFixture: string, edit: (rows: Record<string, unknown>[]) => void = () => {}): string {
  const { header, rows } = typedComtradeRows(csvFixture);
  const data: Record<string, unknown>[] = rows.map((row) => Object.fromEntries(header.map((k, i) => [k, row[i]])));
  edit(data);
  return JSON.stringify({ elapsedTime: "0.42 secs", count: data.length, data, error: "" }, null, 2);
}

const write = (name: string, body: string | Buffer) => {
  const path = join(dirname(tempDbPath()), name);
  writeFileSync(path, body);
  return path;
};

describe("importing a Comtrade+ API answer (JSON)", () => {
  it("gives the same facts as the CSV download of the same query, gzipped or not", async () => {
    const db = openWritable(tempDbPath());
    const csv = await importFile(db, fixture("comtrade-plus-quoted.csv"), { dataset: { id: "csv" } });
    const json = await importFile(db, write("answer.json", asApiAnswer("comtrade-plus-quoted.csv")), {
      dataset: { id: "json" },
    });
    expect(json).toMatchObject({ format: "comtrade-plus-json", read: csv.read, inserted: csv.inserted, rejected: 0 });
    expect(factsOf(db, "json")).toEqual(factsOf(db, "csv"));
    const packed = write("answer.json.gz", gzipSync(asApiAnswer("comtrade-plus-quoted.csv")));
    await importFile(db, packed, { dataset: { id: "json-gz" } });
    expect(factsOf(db, "json-gz")).toEqual(factsOf(db, "csv"));
  });

  it("rejects a bad row naming the file, its place in `data` and the column, and writes nothing", async () => {
    const db = openWritable(tempDbPath());
    const before = contentChecksum(db);
    const bad = write(
      "bad.json",
      asApiAnswer("comtrade-plus-quoted.csv", (rows) => (rows[1]!.primaryValue = "lots")),
    );
    const summary = await importFile(db, bad, { dataset: { id: "bad" } });
    expect(summary.committed).toBe(false);
    expect(summary.errors[0]).toMatchObject({ file: bad, line: 2, column: "primaryValue", value: "lots" });
    expect(contentChecksum(db)).toBe(before);
  });
});
