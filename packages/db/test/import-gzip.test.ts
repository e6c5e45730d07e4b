import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { importFile } from "../src/import/import-file.js";
import { openWritable } from "../src/open-writable.js";
import { contentChecksum, factsOf, fixture, tempDbPath } from "./import-helpers.js";

/** A fixture gzipped into a temporary folder, under `name`. */
function gzipped(source: string, name: string): string {
  const path = join(dirname(tempDbPath()), name);
  writeFileSync(path, gzipSync(readFileSync(fixture(source))));
  return path;
}

describe("importing a gzipped file", () => {
  it.each([
    ["chipflow.csv", "chipflow-csv"],
    ["chipflow.jsonl", "chipflow-jsonl"],
    ["comtrade-plus-latin1.csv", "comtrade-plus-csv"],
  ])("reads %s.gz as it reads the file itself: same format, encoding and facts", async (name, format) => {
    const db = openWritable(tempDbPath());
    const plain = await importFile(db, fixture(name), { dataset: { id: "plain" } });
    const packed = await importFile(db, gzipped(name, `${name}.gz`), { dataset: { id: "packed" } });
    expect(packed).toMatchObject({ format, encoding: plain.encoding, read: plain.read, inserted: plain.inserted });
    expect(factsOf(db, "packed")).toEqual(factsOf(db, "plain"));
  });

  it("names the dataset after the file inside, and its errors after the .gz with the line inside", async () => {
    const db = openWritable(tempDbPath());
    const named = await importFile(db, gzipped("chipflow.csv", "TradeData_2024.csv.gz"));
    expect(named.datasetId).toBe("tradedata-2024");
    const before = contentChecksum(db);
    const bad = await importFile(db, gzipped("chipflow-invalid.csv", "bad.csv.gz"), { dataset: { id: "bad" } });
    expect(bad.committed).toBe(false);
    expect(bad.errors[0]).toMatchObject({ file: expect.stringMatching(/bad\.csv\.gz$/), line: expect.any(Number) });
    expect(contentChecksum(db)).toBe(before);
  });
});
