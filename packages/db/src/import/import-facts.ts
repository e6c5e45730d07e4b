import { parseFactRow, type DatasetKind, type FactCsvRow } from "@chipflow/core";
import type { WritableDb } from "../handles.js";
import type { ProductInput } from "../write/dimension-ids.js";
import { FactWriter } from "../write/fact-writer.js";

/**
 * One row for the pipeline: a fact row to validate (with, optionally, the full description of its product, such as
 * the HS code of a trade category), or the errors a format adapter already found in its source row.
 */
export type FactSourceRecord =
  | { line: number; row: FactCsvRow; product?: ProductInput }
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
}

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

  db.exec("BEGIN IMMEDIATE");
  try {
    upsertDataset(db, dataset);
    if (options.replace) db.prepare("DELETE FROM facts WHERE dataset_id = ?").run(dataset.id);
    const writer = new FactWriter(db, dataset.id);
    const described = new Set<string>();
    // The hot path: every row of every import passes through this loop once.
    for await (const record of records) {
      summary.read++;
      if (options.onProgress && summary.read % every === 0) options.onProgress(summary.read);
      const parsed = "row" in record ? parseFactRow(record.row) : { ok: false as const, errors: record.errors };
      if (!parsed.ok) {
        summary.rejected++;
        for (const e of parsed.errors) {
          if (summary.errors.length < MAX_REPORTED_ERRORS)
            summary.errors.push({ file: options.file, line: record.line, ...e });
        }
        continue;
      }
      if (summary.rejected > 0 && !options.skipInvalid) continue; // keep checking, but nothing will be written
      if ("product" in record && record.product && !described.has(record.product.name)) {
        writer.ids.product(record.product);
        described.add(record.product.name);
      }
      summary[writer.write(parsed.fact)]++;
    }
    const accept = summary.rejected === 0 || options.skipInvalid === true;
    if (!accept || options.dryRun) {
      db.exec("ROLLBACK");
    } else {
      db.prepare(
        `UPDATE datasets SET row_count = (SELECT count(*) FROM facts WHERE dataset_id = @id),
           imported_at = @at, checksum = @checksum, format = @format WHERE id = @id`,
      ).run({
        id: dataset.id,
        at: new Date().toISOString(),
        checksum: dataset.checksum ?? null,
        format: dataset.format ?? null,
      });
      db.exec("COMMIT");
      summary.committed = true;
    }
  } catch (error) {
    if (db.inTransaction) db.exec("ROLLBACK");
    throw error;
  }
  if (!summary.committed && summary.rejected > 0 && !options.skipInvalid) {
    summary.inserted = 0;
    summary.updated = 0;
  }
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
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
