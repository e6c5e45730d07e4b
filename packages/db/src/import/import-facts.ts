import { COUNTRIES, type DatasetKind, type FactCsvRow, type FactRecord } from "@chipflow/core";
import type { WritableDb } from "../handles.js";
import { rebuildRollups } from "../rollups/rebuild-rollups.js";
import type { ProductInput } from "../write/dimension-ids.js";
import { dropFactIndexes, restoreFactIndexes, type SavedIndex } from "../write/fact-indexes.js";
import { FactWriter } from "../write/fact-writer.js";
import { checkFactRow } from "./check-fact-row.js";
import { LineIndex } from "./line-index.js";
import type { FactContext, ImportReportCollector } from "./report/import-report-collector.js";

/**
 * One row for the pipeline: a fact row to validate (with, optionally, the full description of its product, such as
 * the HS code of a trade category, and who reported it), or the errors a format adapter already found in its source row.
 */
export type FactSourceRecord =
  | { line: number; row: FactCsvRow; product?: ProductInput; reportedBy?: { reporter: string; mirrorTitle?: string } }
  | { line: number; errors: { column: string; value: string; message: string }[] };

/** The dataset that an import fills. */
export interface DatasetInput {
  id: string;
  title: string;
  description?: string;
  licence?: string;
  kind: DatasetKind;
  priority?: number;
  format?: string;
  checksum?: string | null;
}

export interface ImportOptions {
  dataset: DatasetInput;
  /** Remove the dataset's facts before importing, so the file replaces it whole. Default: upsert by natural key. */
  replace?: boolean;
  /** Import the valid rows of a file that has invalid ones (every skipped row is still reported). */
  skipInvalid?: boolean;
  /** Check and count everything, then roll back. */
  dryRun?: boolean;
  /** The file name used in error messages. */
  file: string;
  /** Called every `progressEvery` rows with the number of rows read. */
  onProgress?: (rowsRead: number) => void;
  progressEvery?: number;
  /**
   * About how many rows the input holds (from its size). A large import into a new dataset, into a store holding
   * fewer facts than that, rebuilds the indexes of `facts` once at the end instead of updating them row by row.
   */
  expectedRows?: number;
  /**
   * Whether a file that gave no facts is fine (a Comtrade file whose rows were all left out on purpose). By default
   * it is not: a file with a header and no rows is rejected, naming the line after the header.
   */
  allowEmpty?: () => boolean;
  /**
   * Inside an import run (`importFiles`), which set the import pragmas and holds the transaction: the facts are
   * written inside a savepoint, and the run finishes the dataset (`finishDataset`) when it commits.
   */
  inRun?: boolean;
  /** Told of every fact that passes the checks and every rejected row, for an import report. */
  report?: ImportReportCollector;
}

/** Why a file that gave no facts at all is rejected. */
export const NO_ROWS = "the file holds no rows after its header: add rows, or leave the file out";

/** The page cache an import works with (KiB, as `PRAGMA cache_size` takes it when negative): bounded memory. */
const IMPORT_CACHE_KIB = 96 * 1024;
/**
 * The page cache of a bulk import, which appends rows and then sorts each index once: measured on 1M rows, SQLite's
 * sorter (with two threads) builds the indexes faster with 16–32 MB than with 96 MB, and memory stays lower.
 */
const BULK_CACHE_KIB = 32 * 1024;
/** Below this many rows, updating the indexes row by row costs less than rebuilding them. */
const REBUILD_INDEXES_FROM = 20_000;

/** One rejected cell: where it is, what it holds and what was expected. */
export interface RowError {
  file: string;
  line: number;
  column: string;
  value: string;
  message: string;
}

export interface ImportSummary {
  datasetId: string;
  /** Source rows read (lines of a file), besides those `skipped`. One row may give several facts (value and units). */
  rows: number;
  /** Facts read from those rows. */
  read: number;
  inserted: number;
  updated: number;
  /** Rows that failed validation (all of them are counted; the first `MAX_REPORTED_ERRORS` are listed). */
  rejected: number;
  errors: RowError[];
  /** Source rows left out on purpose, by reason (for example Comtrade breakdown rows); filled by `importFile`. */
  skipped: Record<string, number>;
  committed: boolean;
  seconds: number;
}

/** Why a row that repeats an earlier row's fact is rejected: upserting it would silently drop one of the two. */
export const REPEATED_FACT =
  "repeats a fact given earlier in this file (the same metric, vendor, product, origin, destination, buyer, " +
  "period and source): keep one row per fact";

/** How many row errors an import keeps to report; it counts them all. */
export const MAX_REPORTED_ERRORS = 1000;

/** `file:line:column: message (got "value")`, the form every rejected row is reported in. */
export function formatRowError(e: RowError): string {
  const got = e.value.length > 60 ? `${e.value.slice(0, 57)}...` : e.value;
  return `${e.file}:${e.line}: column ${e.column}: ${e.message} (got "${got}")`;
}

/**
 * The import pipeline: read rows → validate each against the core schema → write, all in one transaction.
 * A file with any invalid row writes nothing unless `skipInvalid`; a failure part way (or a killed process)
 * leaves the database as it was, since nothing is committed until the last row is in.
 */
export async function importFacts(
  db: WritableDb,
  records: AsyncIterable<FactSourceRecord>,
  options: ImportOptions,
): Promise<ImportSummary> {
  const started = performance.now();
  const { dataset } = options;
  const summary: ImportSummary = {
    datasetId: dataset.id,
    rows: 0,
    read: 0,
    inserted: 0,
    updated: 0,
    rejected: 0,
    errors: [],
    skipped: {},
    committed: false,
    seconds: 0,
  };
  const every = options.progressEvery ?? 10_000;

  const { inRun } = options;
  const restorePragmas = inRun ? () => undefined : setImportPragmas(db);
  db.exec(inRun ? "SAVEPOINT import_file" : "BEGIN IMMEDIATE");
  try {
    upsertDataset(db, dataset);
    if (options.replace) db.prepare("DELETE FROM facts WHERE dataset_id = ?").run(dataset.id);
    const fresh = db.prepare("SELECT 1 FROM facts WHERE dataset_id = ? LIMIT 1").get(dataset.id) === undefined;
    const expected = options.expectedRows ?? 0;
    const stored = (db.prepare("SELECT max(id) FROM facts").pluck().get() as number | null) ?? 0;
    let dropped: SavedIndex[] | undefined;
    if (fresh && expected >= REBUILD_INDEXES_FROM && expected > stored) {
      dropped = dropFactIndexes(db);
      db.pragma(`cache_size = ${-BULK_CACHE_KIB}`);
    }
    const writer = new FactWriter(db, dataset.id, { fresh, batched: dropped !== undefined });
    const described = new Set<string>();
    const lines = new LineIndex(); // bulk path: which line each written row came from, to report repeated facts
    let written = 0;
    let lastLine = -1;
    const { report } = options;
    const reject = (line: number, value: string) => {
      summary.rejected++;
      const error = { column: "metric", value, message: REPEATED_FACT };
      if (summary.errors.length < MAX_REPORTED_ERRORS) summary.errors.push({ file: options.file, line, ...error });
      report?.rejected(line, [error]);
    };
    // The hot path: every row of every import passes through this loop once.
    for await (const record of records) {
      summary.read++;
      if (record.line !== lastLine) {
        summary.rows++;
        lastLine = record.line;
      }
      if (options.onProgress && summary.read % every === 0) options.onProgress(summary.read);
      const parsed = "row" in record ? checkFactRow(record.row) : { ok: false as const, errors: record.errors };
      if (!parsed.ok) {
        summary.rejected++;
        for (const e of parsed.errors) {
          if (summary.errors.length < MAX_REPORTED_ERRORS)
            summary.errors.push({ file: options.file, line: record.line, ...e });
        }
        report?.rejected(record.line, parsed.errors);
        continue;
      }
      const context: FactContext | undefined = report && "row" in record ? toFactContext(record) : undefined;
      if (summary.rejected > 0 && !options.skipInvalid) {
        report?.fact(record.line, parsed.fact, context); // keep checking, but nothing will be written
        continue;
      }
      let outcome: ReturnType<FactWriter["write"]>;
      try {
        if ("product" in record && record.product && !described.has(record.product.name)) {
          writer.ids.product(record.product);
          described.add(record.product.name);
        }
        if (dropped) lines.record(written, record.line);
        outcome = writer.write(parsed.fact);
        if (dropped) written++;
      } catch (error) {
        const clash = toNameClash(error, parsed.fact);
        if (!clash) throw error;
        summary.rejected++;
        if (summary.errors.length < MAX_REPORTED_ERRORS)
          summary.errors.push({ file: options.file, line: record.line, ...clash });
        report?.rejected(record.line, [clash]);
        continue;
      }
      if (outcome === "repeated") reject(record.line, parsed.fact.metric);
      else {
        summary[outcome]++;
        report?.fact(record.line, parsed.fact, context);
      }
    }
    if (dropped && (summary.rejected === 0 || options.skipInvalid)) {
      writer.flush();
      // Found only now, the repeats were told to the report as facts too; it lists them among the rejected rows.
      const repeated = restoreFactIndexes(db, dropped, writer.firstNewId);
      for (const id of repeated) reject(lines.lineOf(id - writer.firstNewId), "");
      summary.inserted -= repeated.length;
    }
    if (summary.read === 0 && summary.rejected === 0 && !options.allowEmpty?.()) {
      const error = { column: "(file)", value: "", message: NO_ROWS };
      summary.rejected++;
      summary.errors.push({ file: options.file, line: 2, ...error });
      report?.rejected(2, [error]);
    }
    const accept = summary.rejected === 0 || options.skipInvalid === true;
    if (inRun) db.exec(accept ? "RELEASE import_file" : "ROLLBACK TO import_file; RELEASE import_file");
    else if (!accept || options.dryRun) {
      db.exec("ROLLBACK");
    } else {
      finishDataset(db, dataset);
      db.exec("COMMIT");
      summary.committed = true;
    }
  } catch (error) {
    if (inRun) db.exec("ROLLBACK TO import_file; RELEASE import_file");
    else if (db.inTransaction) db.exec("ROLLBACK");
    throw error;
  } finally {
    restorePragmas();
  }
  if (!summary.committed && summary.rejected > 0 && !options.skipInvalid) {
    summary.inserted = 0;
    summary.updated = 0;
  }
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

/** What the report needs to know of a fact besides the fact, from its source record. */
function toFactContext(record: Extract<FactSourceRecord, { row: FactCsvRow }>): FactContext {
  return {
    hsCode: record.product?.hsCodes?.[0],
    reporter: record.reportedBy?.reporter,
    mirrorTitle: record.reportedBy?.mirrorTitle,
  };
}

/**
 * The last step of an import, in its transaction: the dataset's row count, import time, checksum and format, and
 * its rollups rebuilt so the query API's `fact_rollups` stay in step with its facts.
 */
export function finishDataset(db: WritableDb, dataset: DatasetInput): void {
  db.prepare(
    `UPDATE datasets SET row_count = (SELECT count(*) FROM facts WHERE dataset_id = @id),
       imported_at = @at, checksum = @checksum, format = @format WHERE id = @id`,
  ).run({
    id: dataset.id,
    at: new Date().toISOString(),
    checksum: dataset.checksum ?? null,
    format: dataset.format ?? null,
  });
  rebuildRollups(db, dataset.id);
}

/**
 * Before the import's transaction (foreign_keys cannot change inside one): a larger page cache, and no per-row
 * foreign-key lookups when every reference a fact can hold is valid by construction — dimension ids come from
 * `DimensionIds` in the same transaction, the dataset is upserted first, and countries are checked against the ISO
 * list, all of which is in the table. Returns what puts the connection back as it was.
 */
export function setImportPragmas(db: WritableDb): () => void {
  const cache = db.pragma("cache_size", { simple: true }) as number;
  const foreignKeys = db.pragma("foreign_keys", { simple: true }) as number;
  const threads = db.pragma("threads", { simple: true }) as number;
  db.pragma(`cache_size = ${-IMPORT_CACHE_KIB}`);
  db.pragma("threads = 2");
  const countries = db
    .prepare("SELECT count(*) FROM countries WHERE iso3 IN (SELECT value FROM json_each(?))")
    .pluck()
    .get(JSON.stringify(COUNTRIES.map((c) => c.iso3))) as number;
  if (foreignKeys && countries === COUNTRIES.length) db.pragma("foreign_keys = OFF");
  return () => {
    db.pragma(`cache_size = ${cache}`);
    db.pragma(`threads = ${threads}`);
    if (foreignKeys) db.pragma("foreign_keys = ON");
  };
}

function upsertDataset(db: WritableDb, d: DatasetInput): void {
  db.prepare(
    `INSERT INTO datasets (id, title, description, licence, kind, priority, format)
     VALUES (@id, @title, @description, @licence, @kind, @priority, @format)
     ON CONFLICT (id) DO UPDATE SET title = excluded.title, description = excluded.description,
       licence = excluded.licence, kind = excluded.kind, priority = excluded.priority`,
  ).run({
    id: d.id,
    title: d.title,
    description: d.description ?? "",
    licence: d.licence ?? "",
    kind: d.kind,
    priority: d.priority ?? 0,
    format: d.format ?? null,
  });
}

/**
 * A name that the database refuses because another name already has its id (`NVIDIA!` beside `NVIDIA`: ids ignore
 * case and punctuation), as a row error on its column; undefined for any other failure.
 */
function toNameClash(error: unknown, fact: FactRecord): Omit<RowError, "file" | "line"> | undefined {
  const message = error instanceof Error ? error.message : "";
  const table = /UNIQUE constraint failed: (vendors|products|buyers)\.slug/.exec(message)?.[1];
  if (!table) return undefined;
  const column = ({ vendors: "vendor", products: "product", buyers: "buyer" } as const)[table as "vendors"];
  const value = fact[column] ?? "";
  return {
    column,
    value,
    message:
      `another ${column} already has the id this name gives (ids ignore case and punctuation): ` +
      `write the ${column} exactly as it is known, or give it a name that differs in letters or digits`,
  };
}
