import { FACT_COLUMNS } from "@chipflow/core";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { bufferIo } from "../src/cli/cli-io.js";
import { main as exportMain } from "../src/export.js";
import { main as importMain } from "../src/import.js";

const EXAMPLES = fileURLToPath(new URL("../../data/examples/", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "chipflow-export-"));
const db = join(dir, "db.sqlite");

async function run(main: typeof exportMain, ...argv: string[]) {
  const io = bufferIo();
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe("npm run export", () => {
  beforeAll(async () => {
    expect((await run(importMain, join(EXAMPLES, "facts.csv"), "--dataset", "examples", "--db", db)).code).toBe(0);
    expect((await run(importMain, join(EXAMPLES, "comtrade-plus.csv"), "--dataset", "ct", "--db", db)).code).toBe(0);
  });

  it("writes the filtered facts as CSV with exactly FACT_COLUMNS", async () => {
    const out = join(dir, "china.csv");
    const result = await run(
      exportMain,
      "--destination",
      "CHN",
      "--metric",
      "units",
      "--dataset",
      "ct",
      "--db",
      db,
      "--out",
      out,
    );
    expect(result).toMatchObject({ code: 0, err: "" });
    expect(result.out).toMatch(/^wrote 2 facts to .*china\.csv \(csv\)/);
    const lines = readFileSync(out, "utf8").trim().split("\r\n");
    expect(lines[0]).toBe(FACT_COLUMNS.join(","));
    expect(lines.slice(1).map((l) => l.split(",")[10])).toEqual(["5000", "5200"]);
  });

  it("round-trips: export, import into a new database, export again gives the same file", async () => {
    const first = join(dir, "first.csv");
    const second = join(dir, "second.csv");
    const copy = join(dir, "copy.sqlite");
    expect((await run(exportMain, "--db", db, "--dataset", "examples", "--out", first)).code).toBe(0);
    expect((await run(importMain, first, "--dataset", "examples", "--db", copy)).code).toBe(0);
    expect((await run(exportMain, "--db", copy, "--out", second)).code).toBe(0);
    expect(readFileSync(second, "utf8")).toBe(readFileSync(first, "utf8"));
  });

  it("names the flag and what to send when a filter is wrong", async () => {
    const out = join(dir, "x.csv");
    const country = await run(exportMain, "--db", db, "--origin", "China", "--out", out);
    expect(country.code).toBe(2);
    expect(country.err).toContain("invalid --origin China: expected ISO 3166-1 alpha-3 codes such as CHN,USA");
    const metric = await run(exportMain, "--db", db, "--metric", "dollars", "--out", out);
    expect(metric.err).toMatch(/invalid --metric: dollars \(expected one of units, revenue_usd/);
    const date = await run(exportMain, "--db", db, "--from", "2024-13-01", "--out", out);
    expect(date.err).toContain("invalid --from 2024-13-01: expected a date as YYYY-MM-DD");
    const noOut = await run(exportMain, "--db", db);
    expect(noOut.code).toBe(2);
    expect(noOut.err).toContain("required option '--out <file>' not specified");
  });
});
