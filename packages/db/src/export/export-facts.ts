import Database from "better-sqlite3";
import { createWriteStream, renameSync, rmSync } from "node:fs";
import { extname } from "node:path";
import type { ReadonlyDb } from "../handles.js";
import { iterateFactCsvCells, iterateFacts, type FactsFilter } from "../queries/iterate-facts.js";
import { writeFactCsvCells } from "./facts-csv-stream.js";
import { writeFactsJsonl } from "./facts-jsonl-stream.js";
import { writeFactsParquet } from "./facts-parquet.js";
import { writeFactsXlsx } from "./facts-xlsx.js";

/** The page cache of an export (KiB): 2 MB, SQLite's own default. */
const EXPORT_CACHE_KIB = 2000;

export type ExportFormat = "csv" | "jsonl" | "xlsx" | "parquet";

const FORMAT_OF_EXTENSION: Partial<Record<string, ExportFormat>> = {
  ".jsonl": "jsonl",
  ".ndjson": "jsonl",
  ".xlsx": "xlsx",
  ".parquet": "parquet",
};

/** JSON Lines for `.jsonl` / `.ndjson`, an Excel workbook for `.xlsx`, Parquet for `.parquet`, CSV otherwise. */
export function toExportFormat(path: string): ExportFormat {
  return FORMAT_OF_EXTENSION[extname(path).toLowerCase()] ?? "csv";
}

const openOut = (path: string) => createWriteStream(path, { highWaterMark: 1 << 20 });

/** Writes the facts matching `filter` to `path` in one format; resolves with their number. */
function writeFacts(db: ReadonlyDb, filter: FactsFilter, path: string, format: ExportFormat): Promise<number> {
  switch (format) {
    case "xlsx":
      return writeFactsXlsx(iterateFacts(db, filter), path);
    case "parquet":
      return writeFactsParquet(iterateFactCsvCells(db, filter), path);
    case "jsonl":
      return writeFactsJsonl(iterateFacts(db, filter), openOut(path));
    case "csv":
      return writeFactCsvCells(iterateFactCsvCells(db, filter), openOut(path));
  }
}

/**
 * Writes the facts matching `filter` to `path` in chipflow's format (CSV with `FACT_COLUMNS`, or JSON Lines), as an
 * Excel workbook (`writeFactsXlsx`) or as Parquet (`writeFactsParquet`), streamed. The file is written beside the
 * target and renamed into place when complete.
 */
export async function exportFacts(
  db: ReadonlyDb,
  filter: FactsFilter,
  path: string,
  format: ExportFormat = toExportFormat(path),
): Promise<{ count: number; format: ExportFormat }> {
  const partial = `${path}.partial`;
  const restore = db instanceof Database ? smallCache(db) : () => {};
  try {
    const count = await writeFacts(db, filter, partial, format);
    renameSync(partial, path);
    return { count, format };
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    restore();
  }
}

/**
 * A full export is one sequential pass plus SQLite's sort: a small page cache is as fast and keeps memory low.
 * Returns what puts the old sizes back.
 */
function smallCache(db: Database.Database): () => void {
  const cache = db.pragma("cache_size", { simple: true }) as number;
  const tempCache = db.pragma("temp.cache_size", { simple: true }) as number;
  db.pragma(`cache_size = ${-EXPORT_CACHE_KIB}`);
  db.pragma(`temp.cache_size = ${-EXPORT_CACHE_KIB}`);
  return () => {
    db.pragma(`cache_size = ${cache}`);
    db.pragma(`temp.cache_size = ${tempCache}`);
  };
}
