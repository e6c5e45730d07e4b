import { openWritableRaw } from "@chipflow/db";
import { execFileSync } from "node:child_process";
import { cpus, loadavg, totalmem } from "node:os";

export interface Machine {
  cpu: string;
  cores: number;
  ramGb: number;
  node: string;
  sqliteCli: string;
  sqliteLibrary: string;
  /** The 1, 5 and 15-minute load averages when the run started: how busy the (shared) machine was. */
  loadAverage: number[];
}

/** What the figures were measured on. */
export function getMachine(): Machine {
  const db = openWritableRaw(":memory:");
  const sqliteLibrary = db.prepare("SELECT sqlite_version()").pluck().get() as string;
  db.close();
  let sqliteCli = "not installed";
  try {
    sqliteCli = execFileSync("sqlite3", ["--version"], { encoding: "utf8" }).split(" ")[0] ?? sqliteCli;
  } catch {
    // reported as not installed
  }
  return {
    cpu: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    ramGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    sqliteCli,
    sqliteLibrary: `${sqliteLibrary} (better-sqlite3)`,
    loadAverage: loadavg(),
  };
}
