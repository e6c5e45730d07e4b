import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { postgresDialect } from "../dialect/dialect.js";
import { openPostgresWritable, type WritableDb } from "../handles.js";
import { importFile, type ImportFileOptions, type ImportFileSummary } from "../import/import-file.js";
import { migrate } from "../migrate.js";
import { openWritable } from "../open-writable.js";
import { rebuildSql } from "../rollups/rollup-sql.js";
import { toCsvField } from "./to-csv-field.js";

/** The dimension tables an import may add to (or update), copied into the scratch database and back. */
const DIMENSIONS = ["vendors", "products", "buyers", "sources", "datasets"] as const;
const FACT_COLUMNS = `dataset_id, source_id, vendor_id, product_id, category, origin, destination, buyer_id,
  period_start, period_end, granularity, period_label, metric, value, low, high, estimate_kind, confidence, note`;
const NATURAL_KEY = `dataset_id, metric, coalesce(vendor_id, 0), coalesce(product_id, 0), coalesce(origin, ''),
  coalesce(destination, ''), coalesce(buyer_id, 0), period_start, period_end, source_id`;
const CHUNK = 256 * 1024;

/** Rows of a SQLite query as PostgreSQL CSV, in chunks. */
function* csvOf(rows: IterableIterator<unknown[]>) {
  let chunk = "";
  for (const row of rows) {
    chunk += row.map(toCsvField).join(",") + "\n";
    if (chunk.length >= CHUNK) {
      yield chunk;
      chunk = "";
    }
  }
  if (chunk) yield chunk;
}

/** Streams a SQLite query's rows into a PostgreSQL table through COPY. */
async function copyRows(client: pg.Client, table: string, columns: string, rows: IterableIterator<unknown[]>) {
  await pipeline(
    Readable.from(csvOf(rows)),
    client.query(copyFrom(`COPY ${table} (${columns}) FROM STDIN WITH (FORMAT csv)`)),
  );
}

/**
 * Imports one file into PostgreSQL with the one import pipeline: the rows are read, checked and given their
 * dimension ids by `importFile` in a scratch SQLite database that holds the target's dimensions (so rejected rows
 * are reported exactly as on SQLite, `file:line: column …`), then streamed into PostgreSQL through COPY and merged
 * by natural key (an existing fact is updated, never duplicated) — all inside one PostgreSQL transaction, opened
 * before the dimensions are read and committed last, so that a failure or a killed process leaves the target as it
 * was. One import at a time: the transaction locks the facts against other writers.
 */
export async function importFileIntoPostgres(
  url: string,
  file: string,
  options: ImportFileOptions = {},
): Promise<ImportFileSummary> {
  const started = performance.now();
  const target = openPostgresWritable(url);
  try {
    migrate(target);
  } finally {
    target.close();
  }
  const dir = mkdtempSync(join(tmpdir(), "chipflow-import-"));
  const client = new pg.Client({ connectionString: url, application_name: "chipflow import" });
  await client.connect();
  let scratch: WritableDb | undefined;
  try {
    await client.query("BEGIN");
    await client.query("LOCK TABLE datasets, facts IN SHARE ROW EXCLUSIVE MODE");
    scratch = openWritable(join(dir, "scratch.sqlite"));
    for (const table of DIMENSIONS) {
      const { rows, fields } = await client.query({ text: `SELECT * FROM ${table}`, rowMode: "array" });
      const columns = fields.map((f) => f.name);
      const insert = scratch.prepare(
        `INSERT INTO ${table} (${columns.join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`,
      );
      scratch.transaction(() => rows.forEach((row) => insert.run(row)))();
    }
    // Checked and given ids in the scratch database, then merged below (a dry run rolls the merge back).
    const summary = await importFile(scratch, file, { ...options, replace: true, dryRun: false, inRun: false });
    if (!summary.committed) {
      await client.query("ROLLBACK");
      return summary;
    }
    const id = summary.datasetId;
    // The country list comes from the scratch database, which holds chipflow's own (a new target has none yet).
    for (const table of ["countries", ...DIMENSIONS]) {
      const key = table === "countries" ? "iso3" : "id";
      const columns = (scratch.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
      await client.query(`CREATE TEMP TABLE staged_${table} (LIKE ${table}) ON COMMIT DROP`);
      await copyRows(
        client,
        `staged_${table}`,
        columns.join(", "),
        scratch
          .prepare(`SELECT ${columns.join(", ")} FROM ${table}`)
          .raw()
          .iterate() as IterableIterator<unknown[]>,
      );
      const updates = columns.filter((c) => c !== key).map((c) => `${c} = excluded.${c}`);
      await client.query(
        `INSERT INTO ${table} (${columns.join(", ")}) SELECT ${columns.join(", ")} FROM staged_${table} ORDER BY ${key}
         ON CONFLICT (${key}) DO UPDATE SET ${updates.join(", ")}`,
      );
      if (key === "id" && table !== "datasets")
        await client.query(
          `SELECT setval(pg_get_serial_sequence('${table}', 'id'), coalesce(max(id), 0) + 1, false) FROM ${table}`,
        );
    }
    if (options.replace) await client.query("DELETE FROM facts WHERE dataset_id = $1", [id]);
    await client.query("CREATE TEMP TABLE staged_facts (LIKE facts) ON COMMIT DROP");
    await copyRows(
      client,
      "staged_facts",
      `id, ${FACT_COLUMNS}`,
      scratch
        .prepare(`SELECT id, ${FACT_COLUMNS} FROM facts WHERE dataset_id = ? ORDER BY id`)
        .raw()
        .iterate(id) as IterableIterator<unknown[]>,
    );
    const merged = await client.query<{ inserted: number; updated: number }>(
      `WITH merged AS (
         INSERT INTO facts (${FACT_COLUMNS}) SELECT ${FACT_COLUMNS} FROM staged_facts ORDER BY id
         ON CONFLICT (${NATURAL_KEY}) DO UPDATE SET category = excluded.category, granularity = excluded.granularity,
           period_label = excluded.period_label, value = excluded.value, low = excluded.low, high = excluded.high,
           estimate_kind = excluded.estimate_kind, confidence = excluded.confidence, note = excluded.note
         RETURNING (xmax = 0) AS fresh)
       SELECT count(*) FILTER (WHERE fresh)::int AS inserted, count(*) FILTER (WHERE NOT fresh)::int AS updated
       FROM merged`,
    );
    await client.query(
      "UPDATE datasets SET row_count = (SELECT count(*) FROM facts WHERE dataset_id = $1) WHERE id = $1",
      [id],
    );
    // Each rebuild statement takes the dataset id once.
    for (const sql of rebuildSql(postgresDialect)) await client.query(sql.replace("?", "$1"), [id]);
    if (options.dryRun) await client.query("ROLLBACK");
    else await client.query("COMMIT");
    const seconds = (performance.now() - started) / 1000;
    return { ...summary, ...merged.rows[0]!, committed: !options.dryRun, seconds };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    scratch?.close();
    await client.end();
    rmSync(dir, { recursive: true, force: true });
  }
}
