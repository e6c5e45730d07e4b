import { createHash } from "node:crypto";
import type { WritableDb } from "../handles.js";
import { finishDataset, setImportPragmas, type DatasetInput } from "./import-facts.js";
import { importInput, toDatasetInput, type ImportFileOptions, type ImportFileSummary } from "./import-file.js";
import type { ImportInput } from "./open-bytes.js";

export interface ImportRunOptions extends Omit<ImportFileOptions, "onProgress" | "inRun"> {
  /** One dataset per file, each named after its file; by default every file fills one dataset (`dataset`). */
  datasetPerFile?: boolean;
  /** Rows read and stored bytes read across all the inputs, against the total of their sizes. */
  onProgress?: (progress: { rows: number; bytes: number; totalBytes: number; file: string }) => void;
  /**
   * Called after each file, inside the run's transaction, with the file's summary (which it may amend): an import
   * into PostgreSQL merges there what the file stored.
   */
  afterFile?: (summary: ImportFileSummary) => Promise<void>;
}

export interface ImportRunSummary {
  files: ImportFileSummary[];
  /** Every dataset the run filled, by id. */
  datasets: string[];
  rejected: number;
  committed: boolean;
  seconds: number;
}

/**
 * Imports many files in one run (the CSVs of a `.zip`, the files of a folder), all or nothing: every file goes
 * through the one pipeline (`importInput`), each in a savepoint of one transaction, and the run commits only when
 * no file has a rejected row (or with `skipInvalid`). Errors name the file inside the archive. `name` (the archive
 * or folder) names the one dataset they fill, unless `datasetPerFile` or `dataset.id` says otherwise.
 */
export async function importFiles(
  db: WritableDb,
  name: string,
  inputs: ImportInput[],
  options: ImportRunOptions = {},
): Promise<ImportRunSummary> {
  const started = performance.now();
  const { datasetPerFile, onProgress, afterFile, ...fileOptions } = options;
  const shared = datasetPerFile ? null : toDatasetInput(name, options.dataset);
  const totalBytes = inputs.reduce((s, i) => s + i.size, 0);
  const files: ImportFileSummary[] = [];
  const restorePragmas = setImportPragmas(db);
  db.exec("BEGIN IMMEDIATE");
  try {
    let doneRows = 0;
    let doneBytes = 0;
    for (const input of inputs) {
      const dataset = shared ?? toDatasetInput(input.name);
      // --replace empties a dataset once, before its first file, never between the files that fill it.
      const first = !files.some((f) => f.datasetId === dataset.id);
      const summary = await importInput(db, input, {
        ...fileOptions,
        dataset,
        replace: fileOptions.replace === true && first,
        inRun: true,
        onProgress:
          onProgress &&
          ((p) => onProgress({ rows: doneRows + p.rows, bytes: doneBytes + p.bytes, totalBytes, file: input.name })),
      });
      files.push(summary);
      await afterFile?.(summary);
      doneRows += summary.read;
      doneBytes += input.size;
      onProgress?.({ rows: doneRows, bytes: doneBytes, totalBytes, file: input.name });
    }
    const rejected = files.reduce((s, f) => s + f.rejected, 0);
    const datasets = [...new Set(files.map((f) => f.datasetId))];
    const accept = rejected === 0 || options.skipInvalid === true;
    const committed = accept && !options.dryRun;
    if (committed) {
      for (const id of datasets) finishDataset(db, runDataset(id, shared, files));
      db.exec("COMMIT");
      for (const f of files) f.committed = true;
    } else db.exec("ROLLBACK");
    // A rejected run writes nothing: no file says it wrote facts (a dry run says what an import would do).
    if (!accept) for (const f of files) Object.assign(f, { inserted: 0, updated: 0 });
    for (const f of files) if (f.report) f.report.committed = committed;
    return { files, datasets, rejected, committed, seconds: (performance.now() - started) / 1000 };
  } catch (error) {
    if (db.inTransaction) db.exec("ROLLBACK");
    throw error;
  } finally {
    restorePragmas();
  }
}

/**
 * A dataset as the run leaves it: its files' format (or `mixed`), and a checksum of its files' checksums in order,
 * so the same files give the same checksum.
 */
function runDataset(id: string, shared: DatasetInput | null, files: ImportFileSummary[]): DatasetInput {
  const own = files.filter((f) => f.datasetId === id);
  const formats = [...new Set(own.map((f) => f.format))];
  const checksum = own.length === 1 ? own[0]!.checksum : combined(own.map((f) => `${f.file} ${f.checksum}`));
  return {
    ...(shared ?? toDatasetInput(own[0]!.file)),
    format: formats.length === 1 ? formats[0] : "mixed",
    checksum,
  };
}

const combined = (lines: string[]) => createHash("sha256").update(lines.join("\n")).digest("hex");
