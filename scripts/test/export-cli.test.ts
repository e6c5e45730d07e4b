import { FACT_COLUMNS } from "@chipflow/core";
import { copySqliteToPostgres, iterateFactCsvCells, openReadonly, restoreCell, writeFactsParquet } from "@chipflow/db";
import { DuckDBInstance, type Json } from "@duckdb/node-api";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../packages/db/test/postgres/test-database.js";
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

/** Runs one query in a fresh in-memory DuckDB, as a researcher reading the file would; rows as JSON values. */
async function duckdb(sql: string, ...values: string[]): Promise<Record<string, Json>[]> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    return (await connection.runAndReadAll(sql, values)).getRowObjectsJson();
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** The type of each fact column as DuckDB reads it from the Parquet export, and the columns every fact has. */
const DATES: string[] = ["period_start", "period_end"];
const DOUBLES: string[] = ["value", "low", "high"];
const PARQUET_TYPES = Object.fromEntries(
  FACT_COLUMNS.map((c) => [c, DATES.includes(c) ? "DATE" : DOUBLES.includes(c) ? "DOUBLE" : "VARCHAR"]),
);
const REQUIRED = [
  "period_start",
  "period_end",
  "metric",
  "estimate_kind",
  "source_publisher",
  "source_title",
  "source_date",
  "source_url",
];

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

  it("exports the same bytes from PostgreSQL as from SQLite, as CSV, JSON Lines and Parquet", async () => {
    const url = await createTestDatabase();
    await copySqliteToPostgres(db, url);
    for (const file of ["all.csv", "all.jsonl", "all.parquet"]) {
      const [fromSqlite, fromPostgres] = [join(dir, `sqlite-${file}`), join(dir, `postgres-${file}`)];
      expect((await run(exportMain, "--db", db, "--out", fromSqlite)).code).toBe(0);
      expect((await run(exportMain, "--db", url, "--out", fromPostgres)).code).toBe(0);
      expect(readFileSync(fromPostgres).equals(readFileSync(fromSqlite)), file).toBe(true);
    }
    expect(readFileSync(join(dir, "postgres-all.csv"), "utf8").split("\r\n").length).toBeGreaterThan(5);
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

  it("writes .parquet files as Parquet with the CSV's columns, typed, optional where a fact may leave them blank", async () => {
    const out = join(dir, "facts.parquet");
    const result = await run(exportMain, "--db", db, "--out", out);
    expect(result).toMatchObject({ code: 0, err: "" });
    expect(result.out).toMatch(/^wrote 10 facts to .*facts\.parquet \(parquet\)/);
    expect(existsSync(`${out}.partial`)).toBe(false);

    const columns = await duckdb("DESCRIBE SELECT * FROM read_parquet(?)", out);
    expect(Object.fromEntries(columns.map((c) => [c.column_name, c.column_type]))).toEqual(PARQUET_TYPES);
    expect(columns.map((c) => c.column_name)).toEqual(FACT_COLUMNS);
    const schema = await duckdb("SELECT name, repetition_type FROM parquet_schema(?) WHERE name <> 'root'", out);
    expect(schema.filter((c) => c.repetition_type === "REQUIRED").map((c) => c.name)).toEqual(REQUIRED);
    const [codecs] = await duckdb("SELECT list(DISTINCT compression) AS codecs FROM parquet_metadata(?)", out);
    expect(codecs).toEqual({ codecs: ["SNAPPY"] });
  });

  it("holds the very facts of the CSV export of the same filter, row by row, blanks as nulls and text as it is", async () => {
    const csv = join(dir, "2024.csv");
    const parquet = join(dir, "2024.parquet");
    for (const out of [csv, parquet])
      expect((await run(exportMain, "--db", db, "--from", "2024-01-01", "--out", out)).code).toBe(0);
    const fromCsv = await duckdb("SELECT * FROM read_csv(?, all_varchar = true)", csv);
    const fromParquet = await duckdb("SELECT * FROM read_parquet(?)", parquet);
    expect(fromParquet).toHaveLength(4);
    // The CSV's text keeps a spreadsheet from running it (an apostrophe before `=`); Parquet holds the text itself.
    const restored = (row: Record<string, Json>) =>
      Object.fromEntries(Object.entries(row).map(([c, v]) => [c, typeof v === "string" ? restoreCell(v) : v]));
    // Numbers as the CSV writes them; dates come back from DuckDB as YYYY-MM-DD, as the CSV has them.
    const asCsvText = (row: Record<string, Json>) =>
      Object.fromEntries(Object.entries(row).map(([c, v]) => [c, typeof v === "number" ? String(v) : v]));
    expect(fromParquet.map(asCsvText)).toEqual(fromCsv.map(restored));
    expect(fromParquet.map((r) => r.value)).toContain(3.5e9);
    expect(fromParquet.map((r) => r.note)).toContain('=HYPERLINK("x") is text');
  });

  it("--format chooses the format whatever the file is called: Parquet with no matching fact, an Excel workbook", async () => {
    const none = join(dir, "none.data");
    const empty = await run(exportMain, "--db", db, "--vendor", "nobody", "--format", "parquet", "--out", none);
    expect(empty.out).toMatch(/^wrote 0 facts to .*none\.data \(parquet\)/);
    expect(await duckdb("SELECT count(*)::INTEGER AS n FROM read_parquet(?)", none)).toEqual([{ n: 0 }]);
    expect(await duckdb("DESCRIBE SELECT * FROM read_parquet(?)", none)).toHaveLength(FACT_COLUMNS.length);

    const book = join(dir, "workbook.data");
    const xlsx = await run(exportMain, "--db", db, "--format", "xlsx", "--out", book);
    expect(xlsx.out).toMatch(/^wrote 10 facts to .*workbook\.data \(xlsx\)/);
    expect(readFileSync(book).subarray(0, 2).toString()).toBe("PK"); // a zip, as every .xlsx is
  });

  it("writes a row group per so many facts, so a large export never holds all its facts at once", async () => {
    const out = join(dir, "groups.parquet");
    const handle = openReadonly(db);
    try {
      expect(await writeFactsParquet(iterateFactCsvCells(handle), out, { rowGroupRows: 3 })).toBe(10);
    } finally {
      handle.close();
    }
    const groups = await duckdb(
      "SELECT row_group_num_rows::INTEGER AS n FROM parquet_metadata(?) WHERE column_id = 0 ORDER BY row_group_id",
      out,
    );
    expect(groups.map((g) => g.n)).toEqual([3, 3, 3, 1]);
    const whole = join(dir, "whole.parquet");
    expect((await run(exportMain, "--db", db, "--out", whole)).code).toBe(0);
    const sql = "SELECT * FROM read_parquet(?)";
    expect(await duckdb(sql, out)).toEqual(await duckdb(sql, whole));
  });
});
