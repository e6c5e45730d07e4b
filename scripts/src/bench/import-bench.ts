import { FACT_COLUMNS } from "@chipflow/core";
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { measureProcess, type Measured } from "./measure-process.js";

export interface ImportResult {
  rows: number;
  megabytes: number;
  chipflow: Measured & { rowsPerSecond: number };
  sqlite: Measured & { rowsPerSecond: number };
  ratio: number;
}

const CHILD = fileURLToPath(new URL("./import-child.js", import.meta.url));

/** The sqlite3 shell's own CSV import into a table of the same columns (all TEXT, no indexes, no checks). */
export function sqliteImportScript(csv: string): string {
  return [
    "PRAGMA journal_mode = WAL;",
    "PRAGMA synchronous = NORMAL;",
    `CREATE TABLE staging (${FACT_COLUMNS.map((c) => `${c} TEXT`).join(", ")});`,
    `.import --csv --skip 1 ${csv} staging`,
    "SELECT count(*) FROM staging;",
  ].join("\n");
}

/** chipflow's import of `csv` against `sqlite3 .import` of the same file, each in its own process. */
export async function runImportBench(csv: string, rows: number, megabytes: number, tmp: string): Promise<ImportResult> {
  const sqliteDb = `${tmp}/import-sqlite3.sqlite`;
  const chipflowDb = `${tmp}/import-chipflow.sqlite`;
  const clean = () =>
    [sqliteDb, chipflowDb].forEach((f) => ["", "-wal", "-shm"].forEach((s) => rmSync(f + s, { force: true })));
  clean();
  try {
    const sqlite = await measureProcess("sqlite3", [sqliteDb], { stdin: sqliteImportScript(csv) });
    const counted = Number(sqlite.stdout.trim().split("\n").at(-1));
    if (counted !== rows) throw new Error(`sqlite3 imported ${counted} rows, expected ${rows}`);
    const chipflow = await measureProcess(process.execPath, [CHILD, csv, chipflowDb]);
    const summary = JSON.parse(chipflow.stdout.trim().split("\n").at(-1)!) as { inserted: number; rejected: number };
    if (summary.inserted !== rows || summary.rejected !== 0)
      throw new Error(`chipflow imported ${summary.inserted} rows (${summary.rejected} rejected), expected ${rows}`);
    const withRate = (m: Measured) => ({ ...m, rowsPerSecond: rows / m.seconds });
    return {
      rows,
      megabytes,
      chipflow: withRate(chipflow),
      sqlite: withRate(sqlite),
      ratio: sqlite.seconds / chipflow.seconds,
    };
  } finally {
    clean();
  }
}
