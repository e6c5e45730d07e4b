import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { postgresDialect } from "../dialect/dialect.js";
import { openPostgresReadonly, openPostgresWritable, type ReadonlyDb, type WritableDb } from "../handles.js";
import { importFile, type ImportFileOptions, type ImportFileSummary } from "../import/import-file.js";
import { importFiles, type ImportRunOptions, type ImportRunSummary } from "../import/import-run.js";
import type { ImportInput } from "../import/open-bytes.js";
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

/** Where an import into PostgreSQL works: the target's transaction, and a scratch SQLite database. */
interface Staging {
  client: pg.Client;
  scratch: WritableDb;
  /** For an import report: the target as stored before the import, where partners' reports are looked up. */
  mirrors: ReadonlyDb | undefined;
}

/**
 * Runs `work` inside one PostgreSQL transaction on the target, opened (and the facts locked against other writers)
 * before anything is read, beside a scratch SQLite database that holds the target's dimensions. `work` ends the
 * transaction; should it throw, or the process die, the target is left as it was.
 */
async function withStaging<T>(
  url: string,
  report: boolean | undefined,
  work: (staging: Staging) => Promise<T>,
): Promise<T> {
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
  const mirrors = report ? openPostgresReadonly(url) : undefined;
  try {
    await client.query("BEGIN");
    // Committed durably whatever the server's default: on disk when the run says it is.
    await client.query("SET LOCAL synchronous_commit = on");
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
    return await work({ client, scratch, mirrors });
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    scratch?.close();
    mirrors?.close();
    await client.end();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A temporary table shaped like `table`, empty, dropped when the transaction ends. */
async function stagingTable(client: pg.Client, table: string): Promise<string> {
  await client.query(`CREATE TEMP TABLE IF NOT EXISTS staged_${table} (LIKE ${table}) ON COMMIT DROP`);
  await client.query(`TRUNCATE staged_${table}`);
  return `staged_${table}`;
}

/** Copies the scratch database's countries and dimensions into the target: new rows added, changed ones updated. */
async function mergeDimensions({ client, scratch }: Staging): Promise<void> {
  // The country list comes from the scratch database, which holds chipflow's own (a new target has none yet).
  for (const table of ["countries", ...DIMENSIONS]) {
    const key = table === "countries" ? "iso3" : "id";
    const columns = (scratch.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
    const staged = await stagingTable(client, table);
    await copyRows(
      client,
      staged,
      columns.join(", "),
      scratch
        .prepare(`SELECT ${columns.join(", ")} FROM ${table}`)
        .raw()
        .iterate() as IterableIterator<unknown[]>,
    );
    const updates = columns.filter((c) => c !== key).map((c) => `${c} = excluded.${c}`);
    await client.query(
      `INSERT INTO ${table} (${columns.join(", ")}) SELECT ${columns.join(", ")} FROM ${staged} ORDER BY ${key}
       ON CONFLICT (${key}) DO UPDATE SET ${updates.join(", ")}`,
    );
    if (key === "id" && table !== "datasets")
      await client.query(
        `SELECT setval(pg_get_serial_sequence('${table}', 'id'), coalesce(max(id), 0) + 1, false) FROM ${table}`,
      );
  }
}

/**
 * Moves one dataset's facts from the scratch database into the target, merged by natural key (an existing fact is
 * updated, never duplicated), after emptying the dataset in the target when `replace`. Returns what the merge did.
 */
async function mergeFacts(
  { client, scratch }: Staging,
  id: string,
  replace: boolean,
): Promise<{ inserted: number; updated: number }> {
  if (replace) await client.query("DELETE FROM facts WHERE dataset_id = $1", [id]);
  const staged = await stagingTable(client, "facts");
  await copyRows(
    client,
    staged,
    `id, ${FACT_COLUMNS}`,
    scratch
      .prepare(`SELECT id, ${FACT_COLUMNS} FROM facts WHERE dataset_id = ? ORDER BY id`)
      .raw()
      .iterate(id) as IterableIterator<unknown[]>,
  );
  scratch.prepare("DELETE FROM facts WHERE dataset_id = ?").run(id);
  const merged = await client.query<{ inserted: number; updated: number }>(
    `WITH merged AS (
       INSERT INTO facts (${FACT_COLUMNS}) SELECT ${FACT_COLUMNS} FROM ${staged} ORDER BY id
       ON CONFLICT (${NATURAL_KEY}) DO UPDATE SET category = excluded.category, granularity = excluded.granularity,
         period_label = excluded.period_label, value = excluded.value, low = excluded.low, high = excluded.high,
         estimate_kind = excluded.estimate_kind, confidence = excluded.confidence, note = excluded.note
       RETURNING (xmax = 0) AS fresh)
     SELECT count(*) FILTER (WHERE fresh)::int AS inserted, count(*) FILTER (WHERE NOT fresh)::int AS updated
     FROM merged`,
  );
  return merged.rows[0]!;
}

/** Each dataset's row count and rollups brought up to date; then the transaction committed, or rolled back for a dry run. */
async function finish(client: pg.Client, datasets: string[], dryRun: boolean | undefined): Promise<void> {
  for (const id of datasets) {
    await client.query(
      "UPDATE datasets SET row_count = (SELECT count(*) FROM facts WHERE dataset_id = $1) WHERE id = $1",
      [id],
    );
    // Each rebuild statement takes the dataset id once.
    for (const sql of rebuildSql(postgresDialect)) await client.query(sql.replace("?", "$1"), [id]);
  }
  await client.query(dryRun ? "ROLLBACK" : "COMMIT");
  // The new rows all-visible and counted at once, as the copy leaves them (see `copySqliteToPostgres`), rather than
  // when autovacuum comes by: until then the planner reads a vendor's facts through the period index.
  if (!dryRun) await client.query("VACUUM (ANALYZE) facts, fact_rollups");
}

/** The merge's counts in a file's summary and its report: what the import did to the target, not to the scratch. */
function count(file: ImportFileSummary, merged: { inserted: number; updated: number }): void {
  Object.assign(file, merged);
  if (file.report) Object.assign(file.report, merged);
}

/** Says in a file's summary and its report whether the target was written, and whether this was a dry run. */
function settle(file: ImportFileSummary, committed: boolean, dryRun: boolean | undefined): void {
  file.committed = committed;
  if (file.report) Object.assign(file.report, { committed, dryRun: dryRun === true });
}

/**
 * Imports one file into PostgreSQL with the one import pipeline: the rows are read, checked and given their
 * dimension ids by `importFile` in a scratch SQLite database that holds the target's dimensions (so rejected rows
 * are reported exactly as on SQLite, `file:line: column …`), then streamed into PostgreSQL through COPY and merged
 * by natural key, all in one PostgreSQL transaction: a failure or a killed process leaves the target as it was. One
 * import at a time: the transaction locks the facts against other writers.
 */
export async function importFileIntoPostgres(
  url: string,
  file: string,
  options: ImportFileOptions = {},
): Promise<ImportFileSummary> {
  const started = performance.now();
  return withStaging(url, options.report, async (staging) => {
    // Checked and given ids in the scratch database, then merged below (a dry run rolls the merge back).
    const summary = await importFile(staging.scratch, file, {
      ...options,
      mirrors: staging.mirrors,
      replace: true,
      dryRun: false,
      inRun: false,
    });
    if (!summary.committed) {
      await staging.client.query("ROLLBACK");
      settle(summary, false, options.dryRun);
      return summary;
    }
    await mergeDimensions(staging);
    count(summary, await mergeFacts(staging, summary.datasetId, options.replace === true));
    await finish(staging.client, [summary.datasetId], options.dryRun);
    settle(summary, !options.dryRun, options.dryRun);
    return { ...summary, seconds: (performance.now() - started) / 1000 };
  });
}

/**
 * Imports many files (the CSVs of a `.zip`, the files of a folder) into PostgreSQL, all or nothing, as `importFiles`
 * does into SQLite: each file goes through the one pipeline in the scratch database and is merged into the target
 * as soon as it is accepted, inside one PostgreSQL transaction that commits only when the whole run is accepted.
 */
export async function importFilesIntoPostgres(
  url: string,
  name: string,
  inputs: ImportInput[],
  options: ImportRunOptions = {},
): Promise<ImportRunSummary> {
  const started = performance.now();
  return withStaging(url, options.report, async (staging) => {
    const emptied = new Set<string>();
    const run = await importFiles(staging.scratch, name, inputs, {
      ...options,
      mirrors: staging.mirrors,
      replace: true,
      dryRun: false,
      afterFile: async (file) => {
        if (file.rejected > 0 && !options.skipInvalid) return; // the run is rolled back: nothing to merge
        await mergeDimensions(staging);
        // --replace empties a dataset once, before its first file, never between the files that fill it.
        const replace = options.replace === true && !emptied.has(file.datasetId);
        emptied.add(file.datasetId);
        count(file, await mergeFacts(staging, file.datasetId, replace));
      },
    });
    if (!run.committed) {
      await staging.client.query("ROLLBACK");
      for (const file of run.files) settle(file, false, options.dryRun);
      return run;
    }
    await mergeDimensions(staging); // the datasets as the run finished them: format, checksum, import time
    await finish(staging.client, run.datasets, options.dryRun);
    const committed = !options.dryRun;
    for (const file of run.files) settle(file, committed, options.dryRun);
    return { ...run, committed, seconds: (performance.now() - started) / 1000 };
  });
}
