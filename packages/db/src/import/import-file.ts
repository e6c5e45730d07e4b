import { toSlug } from "@chipflow/core";
import { basename, extname } from "node:path";
import { openReadonly, type ReadonlyDb, type WritableDb } from "../handles.js";
import { COMTRADE_URL } from "./comtrade/comtrade-facts.js";
import { readComtrade, type ComtradeReadReport } from "./comtrade/read-comtrade.js";
import { detectFormat, ImportFormatError, type FormatChoice, type ImportFormat } from "./detect-format.js";
import { fileInput, innerName, inputChecksum, type ImportInput } from "./open-bytes.js";
import { importFacts, type DatasetInput, type FactSourceRecord, type ImportSummary } from "./import-facts.js";
import { readFactCsv } from "./read-fact-csv.js";
import { readFactJsonl } from "./read-fact-jsonl.js";
import { readStats } from "./stats/read-stats.js";
import { STAT_FORMATS, type StatFormat } from "./stats/stat-format.js";
import type { ImportReport } from "./report/import-report.js";
import { ImportReportCollector } from "./report/import-report-collector.js";
import { MirrorLookup } from "./report/mirror-lookup.js";
import { detectEncoding, openTextSource, type TextEncoding } from "./text-encoding.js";

export interface ImportFileOptions {
  format?: FormatChoice;
  /** The dataset to fill; by default one named after the file (`comtrade-2023.csv` → `comtrade-2023`). */
  dataset?: Partial<DatasetInput>;
  /** The URL that Comtrade and statistics-office facts cite (the extract's own query URL, ideally). */
  sourceUrl?: string;
  /** Where in that source the facts stand: the query that made the extract, say. */
  sourceLocator?: string;
  keepBreakdowns?: boolean;
  replace?: boolean;
  skipInvalid?: boolean;
  dryRun?: boolean;
  /**
   * Gather an `ImportReport` as the rows stream (rows by reporter, year and HS code, rows left out, unmapped codes,
   * conflicts with the partner's reports already stored), returned as `report`.
   */
  report?: boolean;
  /**
   * Where the report looks up the partner's reports: by default the database imported into, as stored before the
   * import (through a connection of its own).
   */
  mirrors?: ReadonlyDb;
  onProgress?: (progress: { rows: number; bytes: number; totalBytes: number }) => void;
  /** Inside an import run (`importFiles`), which holds the transaction and finishes the datasets. */
  inRun?: boolean;
}

/** An import's summary, with what was found out about the file. */
export interface ImportFileSummary extends ImportSummary {
  file: string;
  /** The format, as recorded on the dataset: chipflow-csv, chipflow-jsonl, comtrade-plus-csv, … */
  format: ImportFormat;
  encoding: TextEncoding;
  bytes: number;
  /** The sha256 of the file's stored bytes. */
  checksum: string;
  /** When asked for with `report`. */
  report?: ImportReport;
}

/** A rough size of one row of a fact file (synthetic rows are about 210 bytes), to guess a file's row count. */
const BYTES_PER_ROW = 200;

/** The dataset an import fills when the caller names none or only part of it. */
export function toDatasetInput(file: string, given: Partial<DatasetInput> = {}): DatasetInput {
  const name = basename(file);
  const inner = innerName(name); // `TradeData.csv.gz` is named after `TradeData.csv`
  return {
    id: given.id ?? (toSlug(basename(inner, extname(inner))) || "imported"),
    title: given.title ?? name,
    description: given.description ?? `Imported from ${name}`,
    licence: given.licence ?? "",
    kind: given.kind ?? "imported",
    priority: given.priority ?? 0,
  };
}

/**
 * Imports one file: tells its format and encoding, streams its rows through the one import pipeline
 * (`importFacts`: validate every row, write all in one transaction or nothing), and records the file's format,
 * checksum and row count on the dataset.
 */
export function importFile(db: WritableDb, file: string, options: ImportFileOptions = {}): Promise<ImportFileSummary> {
  return importInput(db, fileInput(file), options);
}

/** `importFile` for any input: a file on disk or a file inside an archive. */
export async function importInput(
  db: WritableDb,
  input: ImportInput,
  options: ImportFileOptions = {},
): Promise<ImportFileSummary> {
  const file = input.name;
  const format = await detectFormat(input, options.format);
  const stats = (STAT_FORMATS as readonly string[]).includes(format) ? (format as StatFormat) : undefined;
  const comtradeLayout = format === "comtrade-plus-json" ? "json" : format === "comtrade-xlsx" ? "xlsx" : "csv";
  const encoding =
    format === "chipflow-jsonl" || comtradeLayout !== "csv" || stats ? "utf-8" : await detectEncoding(input);
  const totalBytes = input.size;
  let bytesRead = () => 0;
  const open = () => {
    const source = openTextSource(input, encoding);
    bytesRead = source.bytesRead;
    return source.stream;
  };
  const datasetInput = toDatasetInput(file, options.dataset);
  // The partner's reports are looked up as stored before this import, through a connection of their own.
  const own = options.report && !options.mirrors && !db.memory && db.name !== "" ? openReadonly(db.name) : undefined;
  const reader = options.report ? (options.mirrors ?? own) : undefined;
  const collector = options.report
    ? new ImportReportCollector(
        format.startsWith("comtrade") || stats ? "reporter" : "flow",
        reader && new MirrorLookup(reader, datasetInput.id),
      )
    : undefined;
  const report: ComtradeReadReport = { skipped: {}, collector };
  const records: AsyncIterable<FactSourceRecord> =
    format === "chipflow-csv"
      ? readFactCsv(file, open())
      : format === "chipflow-jsonl"
        ? readFactJsonl(open())
        : stats
          ? readStats(
              file,
              open(),
              stats,
              { sourceUrl: options.sourceUrl, sourceLocator: options.sourceLocator },
              report.skipped,
            )
          : readComtrade(
              file,
              open,
              {
                sourceUrl: options.sourceUrl ?? COMTRADE_URL,
                sourceLocator: options.sourceLocator,
                keepBreakdowns: options.keepBreakdowns ?? false,
              },
              report,
              comtradeLayout,
            );
  const { onProgress } = options;
  const checksum = await inputChecksum(input);
  const summary = await importFacts(db, withFileErrors(file, records), {
    file,
    dataset: { ...datasetInput, format, checksum },
    replace: options.replace,
    skipInvalid: options.skipInvalid,
    dryRun: options.dryRun,
    onProgress: onProgress && ((rows) => onProgress({ rows, bytes: bytesRead(), totalBytes })),
    progressEvery: 5000,
    allowEmpty: () => Object.values(report.skipped).some((n) => n > 0),
    expectedRows: Math.floor(totalBytes / BYTES_PER_ROW),
    report: collector,
    inRun: options.inRun,
  }).finally(() => own?.close());
  const skipped = Object.values(report.skipped).reduce((a, b) => a + b, 0);
  const totals = {
    file,
    format,
    encoding,
    datasetId: summary.datasetId,
    dryRun: options.dryRun ?? false,
    skipInvalid: options.skipInvalid ?? false,
  };
  return {
    ...summary,
    skipped: report.skipped,
    file,
    format,
    encoding,
    bytes: totalBytes,
    checksum,
    ...(collector && {
      report: collector.toReport({
        ...totals,
        committed: summary.committed,
        rows: summary.rows + skipped,
        inserted: summary.inserted,
        updated: summary.updated,
        rejected: summary.rejected,
      }),
    }),
  };
}

/** A CSV syntax error (a stray quote, say) aborts the import; its message gets the file and line in front. */
async function* withFileErrors(file: string, records: AsyncIterable<FactSourceRecord>) {
  try {
    yield* records;
  } catch (error) {
    const e = error as Error & { code?: string; lines?: number };
    if (typeof e.code !== "string" || !e.code.startsWith("CSV_")) throw error;
    const hint = e.code === "CSV_MIXED_LINE_ENDINGS" ? "" : "; check the quoting of that line";
    throw new ImportFormatError(`${file}:${e.lines ?? "?"}: ${e.message}${hint}`);
  }
}
