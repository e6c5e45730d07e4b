import { parse } from "csv-parse/sync";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ReadonlyDb } from "../src/handles.js";

/** The synthetic import fixtures (see fixtures/import/README.md). */
export const IMPORT_DIR = fileURLToPath(new URL("./fixtures/import/", import.meta.url));
export const fixture = (name: string) => join(IMPORT_DIR, name);

/** A cell of a Comtrade fixture as the API or an Excel download types it. */
export type TypedCell = string | number | boolean | null;

/**
 * A Comtrade+ CSV fixture's header and rows with each cell typed as the Comtrade+ API answers and its Excel
 * downloads hold them: blank as null, True/False as booleans, numbers as numbers, the rest as text.
 */
export function typedComtradeRows(csvFixture: string): { header: string[]; rows: TypedCell[][] } {
  const records: string[][] = parse(readFileSync(fixture(csvFixture)), { bom: true, relax_column_count: true });
  const [header, ...rows] = records;
  const typed = (v: string): TypedCell =>
    v === "" ? null : v === "True" ? true : v === "False" ? false : /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
  return { header: header!, rows: rows.map((row) => header!.map((_, i) => typed(row[i] ?? ""))) };
}

/** A path for a new database file in its own temporary folder. */
export function tempDbPath(): string {
  return join(mkdtempSync(join(tmpdir(), "chipflow-import-")), "test.sqlite");
}

/** A hash of every row of every table: equal before and after means the content did not change. */
export function contentChecksum(db: ReadonlyDb): string {
  const hash = createHash("sha256");
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all();
  for (const table of tables as string[]) {
    hash.update(table);
    for (const row of db.prepare(`SELECT * FROM "${table}" ORDER BY 1`).iterate()) hash.update(JSON.stringify(row));
  }
  return hash.digest("hex");
}

/** The facts of a dataset in a readable, stable form. */
export function factsOf(db: ReadonlyDb, dataset: string) {
  return db
    .prepare(
      `SELECT f.period_start AS start, f.period_end AS end, p.name AS product, f.category, f.origin, f.destination,
         f.metric, f.value, f.estimate_kind AS kind, s.title AS source, s.published_on AS sourceDate
       FROM facts f JOIN sources s ON s.id = f.source_id LEFT JOIN products p ON p.id = f.product_id
       WHERE f.dataset_id = ? ORDER BY f.id`,
    )
    .all(dataset) as {
    start: string;
    end: string;
    product: string | null;
    category: string | null;
    origin: string | null;
    destination: string | null;
    metric: string;
    value: number | null;
    kind: string;
    source: string;
    sourceDate: string;
  }[];
}
