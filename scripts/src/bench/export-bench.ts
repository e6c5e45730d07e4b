import { rmSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { measureProcess, type Measured } from "./measure-process.js";

export interface ExportResult {
  rows: number;
  chipflow: Measured & { megabytes: number; mbPerSecond: number };
  sqlite: Measured & { megabytes: number; mbPerSecond: number };
  ratio: number;
}

const CHILD = fileURLToPath(new URL("./export-child.js", import.meta.url));
/**
 * The V8 flag `npm run export` runs with (package.json): young-generation halves of at most 8 MB. Left to V8's
 * default, an export of 1M facts peaked at 131 to 173 MB; with it, at 109 to 120 MB, at about the same speed.
 */
const EXPORT_NODE_FLAGS = ["--max-semi-space-size=8"];

/** The export's own query (the same joins, columns in `FACT_COLUMNS` order and order), for the sqlite3 shell. */
export const EXPORT_SQL = `SELECT f.period_start, f.period_end, f.period_label, v.name AS vendor, p.name AS product,
  f.category, f.origin, f.destination, b.name AS buyer, f.metric, f.value, f.low, f.high, f.estimate_kind,
  f.confidence, s.publisher AS source_publisher, s.title AS source_title, s.published_on AS source_date,
  s.url AS source_url, f.note
FROM facts f JOIN sources s ON s.id = f.source_id LEFT JOIN vendors v ON v.id = f.vendor_id
  LEFT JOIN products p ON p.id = f.product_id LEFT JOIN buyers b ON b.id = f.buyer_id
ORDER BY f.dataset_id, f.metric, f.period_start, f.period_end, f.id;`;

/** chipflow's full facts CSV export against `sqlite3 -csv` of the same rows, each in its own process. */
export async function runExportBench(dbPath: string, rows: number, tmp: string): Promise<ExportResult> {
  const ours = `${tmp}/export-chipflow.csv`;
  const theirs = `${tmp}/export-sqlite3.csv`;
  const clean = () => [ours, theirs].forEach((f) => rmSync(f, { force: true }));
  try {
    const sqlite = await measureProcess("sqlite3", ["-readonly", dbPath], {
      stdin: `.headers on\n.mode csv\n.output ${theirs}\n${EXPORT_SQL}\n`,
    });
    const chipflow = await measureProcess(process.execPath, [...EXPORT_NODE_FLAGS, CHILD, dbPath, ours]);
    const { count } = JSON.parse(chipflow.stdout.trim().split("\n").at(-1)!) as { count: number };
    if (count !== rows) throw new Error(`chipflow exported ${count} facts, expected ${rows}`);
    const withRate = (m: Measured, file: string) => {
      const megabytes = statSync(file).size / 1e6;
      return { ...m, megabytes, mbPerSecond: megabytes / m.seconds };
    };
    const c = withRate(chipflow, ours);
    const s = withRate(sqlite, theirs);
    return { rows, chipflow: c, sqlite: s, ratio: c.mbPerSecond / s.mbPerSecond };
  } finally {
    clean();
  }
}
