import {
  CATEGORIES,
  DATASET_KINDS,
  EVENT_COLUMNS,
  EVENT_TOPICS,
  FACT_COLUMNS,
  keyword,
  OPTIONAL_EVENT_COLUMNS,
  OPTIONAL_FACT_COLUMNS,
  type Category,
  type EventTopic,
} from "@chipflow/core";
import { existsSync, renameSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import type { WritableDb } from "./handles.js";
import { formatRowError, importFacts, type ImportSummary } from "./import/import-facts.js";
import { readCsv } from "./import/read-csv.js";
import { openWritable } from "./open-writable.js";
import { DimensionIds } from "./write/dimension-ids.js";
import { checkEventRow, insertEvents } from "./write/insert-events.js";
import { inputChecksum } from "./import/open-bytes.js";
import { importFile, type ImportFileOptions } from "./import/import-file.js";
import { listImportInputs } from "./import/import-inputs.js";
import { importFiles } from "./import/import-run.js";

/** The curated files in `data/`; `data/README.md` describes each. */
export const SEED_FILES = {
  vendors: ["name", "hq_country", "notes", "makes"],
  products: ["vendor", "name", "category", "hs_codes", "notes", "parent"],
  buyers: ["name", "country", "notes"],
  datasets: [
    "id",
    "title",
    "description",
    "licence",
    "kind",
    "priority",
    "file",
    "format",
    "source_url",
    "source_locator",
  ],
} as const;

/**
 * How a curated dataset's file is read: chipflow's fact CSV, a UN Comtrade extract (read by the Comtrade importer),
 * or `stats`, answers of statistics offices' trade APIs (Eurostat, Japan's e-Stat, the U.S. Census Bureau); the
 * extracts cite `source_url` and `source_locator`: where the extract was published and the query that made it.
 * An extract's `file` may also be a folder: the API answers it holds, one per query, fill the dataset together,
 * all or nothing.
 */
const SEED_FORMATS = ["chipflow-csv", "comtrade", "stats"] as const;

export interface SeedSummary {
  datasets: ImportSummary[];
  events: number;
}

async function readAll<C extends string>(file: string, columns: readonly C[], optional: readonly C[] = []) {
  const rows: { line: number; row: Record<C, string> }[] = [];
  for await (const r of readCsv(file, columns, { optional })) rows.push(r);
  return rows;
}

/** Loads the curated seed data from `dataDir` into an open database. Throws, naming file and line, on any bad row. */
export async function seedDatabase(db: WritableDb, dataDir: string): Promise<SeedSummary> {
  const ids = new DimensionIds(db);
  const file = (name: string) => join(dataDir, name);

  const vendors = await readAll(file("vendors.csv"), SEED_FILES.vendors, ["makes"]);
  const products = await readAll(file("products.csv"), SEED_FILES.products, ["parent"]);
  const buyers = await readAll(file("buyers.csv"), SEED_FILES.buyers);
  db.transaction(() => {
    for (const { line, row } of vendors) {
      const makes = row.makes
        ? withLine(`vendors.csv:${line}`, () => keyword<EventTopic>(row.makes, "makes", EVENT_TOPICS))
        : null;
      ids.vendor({ name: row.name, hqCountry: row.hq_country || null, notes: row.notes || null, makes });
    }
    for (const { line, row } of products) {
      const category = withLine(`products.csv:${line}`, () => keyword<Category>(row.category, "category", CATEGORIES));
      ids.product({
        vendor: row.vendor || null,
        name: row.name,
        category,
        hsCodes: row.hs_codes ? row.hs_codes.split(";").map((s) => s.trim()) : [],
        notes: row.notes || null,
      });
    }
    for (const { line, row } of products.filter((p) => p.row.parent))
      withLine(`products.csv:${line}`, () => setParent(db, ids, row.vendor || null, row.name, row.parent));
    for (const { row } of buyers) ids.buyer({ name: row.name, country: row.country || null, notes: row.notes || null });
  })();

  const summaries: ImportSummary[] = [];
  const optional = ["format", "source_url", "source_locator"] as const;
  for (const { line, row } of await readAll(file("datasets.csv"), SEED_FILES.datasets, optional)) {
    const path = file(row.file);
    const format = withLine(`datasets.csv:${line}`, () =>
      keyword(row.format || "chipflow-csv", "format", SEED_FORMATS),
    );
    const dataset = {
      id: row.id,
      title: row.title,
      description: row.description,
      licence: row.licence,
      kind: withLine(`datasets.csv:${line}`, () => keyword(row.kind, "kind", DATASET_KINDS)),
      priority: Number(row.priority) || 0,
    };
    const summary =
      format !== "chipflow-csv"
        ? await importExtract(db, path, {
            format,
            dataset,
            replace: true,
            sourceUrl: row.source_url || undefined,
            sourceLocator: row.source_locator || undefined,
          })
        : await importFacts(db, readCsv(path, FACT_COLUMNS, { optional: OPTIONAL_FACT_COLUMNS }), {
            file: row.file,
            replace: true,
            dataset: { ...dataset, format: "chipflow-csv", checksum: await inputChecksum(path) },
          });
    if (!summary.committed) {
      throw new Error(`seed file rejected:\n${summary.errors.map(formatRowError).join("\n")}`);
    }
    summaries.push(summary);
  }

  const events = await readAll(file("events.csv"), EVENT_COLUMNS, OPTIONAL_EVENT_COLUMNS);
  const problems = events.flatMap(({ line, row }) => checkEventRow(row).map((p) => `events.csv:${line}: ${p}`));
  if (problems.length) throw new Error(`seed file rejected:\n${problems.join("\n")}`);
  db.exec("DELETE FROM events");
  const eventCount = insertEvents(
    db,
    events.map((e) => e.row),
  );
  return { datasets: summaries, events: eventCount };
}

/** An extract (Comtrade or statistics office), or a folder of them (every importable file in it, by name), into one dataset. */
async function importExtract(
  db: WritableDb,
  path: string,
  options: ImportFileOptions & { dataset: { id: string } },
): Promise<ImportSummary> {
  if (!statSync(path).isDirectory()) return importFile(db, path, options);
  const listed = await listImportInputs(path);
  const { inputs } = listed;
  try {
    if (!inputs.length) throw new Error(`${path}: no ${options.format} file in this folder`);
    const run = await importFiles(db, options.dataset.id, inputs, options);
    const total = (key: "rows" | "read" | "inserted" | "updated" | "rejected") =>
      run.files.reduce((n, f) => n + f[key], 0);
    const skipped: Record<string, number> = {};
    for (const f of run.files) for (const [k, n] of Object.entries(f.skipped)) skipped[k] = (skipped[k] ?? 0) + n;
    return {
      datasetId: options.dataset.id,
      rows: total("rows"),
      read: total("read"),
      inserted: total("inserted"),
      updated: total("updated"),
      rejected: total("rejected"),
      errors: run.files.flatMap((f) => f.errors),
      skipped,
      committed: run.committed,
      seconds: run.seconds,
    };
  } finally {
    listed.close();
  }
}

/**
 * Creates and seeds the database at `path` when it does not exist yet, or migrates it when it does. A new one is
 * built beside the target and renamed into place only when complete, so a failed seed never leaves a half-filled
 * database behind.
 */
export async function ensureSeededDatabase(path: string, dataDir: string): Promise<SeedSummary | null> {
  if (existsSync(path)) {
    openWritable(path).close(); // an existing database is brought up to the current schema
    return null;
  }
  const tmp = `${path}.seeding`;
  for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) rmSync(f, { force: true });
  const db = openWritable(tmp);
  try {
    const summary = await seedDatabase(db, dataDir);
    db.pragma("wal_checkpoint(TRUNCATE)");
    db.close();
    renameSync(tmp, path);
    return summary;
  } catch (error) {
    db.close();
    for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) rmSync(f, { force: true });
    throw error;
  }
}

/**
 * Makes `parent` (a product of the same vendor) the parent of `name`, and writes the paths of the product and of
 * everything below it. A product cannot contain itself, directly or not.
 */
function setParent(db: WritableDb, ids: DimensionIds, vendor: string | null, name: string, parent: string): void {
  const find = db.prepare("SELECT id, path FROM products WHERE ifnull(vendor_id, 0) = ? AND name = ?");
  const vendorId = vendor === null ? 0 : ids.vendor(vendor);
  const child = find.get(vendorId, name) as { id: number; path: string };
  const up = find.get(vendorId, parent) as { id: number; path: string } | undefined;
  if (!up) throw new Error(`parent: no product "${parent}" of ${vendor ?? "no vendor"} in products.csv`);
  if (up.path.startsWith(child.path)) throw new Error(`parent: "${parent}" is "${name}" or lies inside it`);
  db.prepare("UPDATE products SET parent_id = ? WHERE id = ?").run(up.id, child.id);
  const [parentPath, childPath] = [up.path, child.path];
  // Every product whose path starts with the child's old path moves under the parent's path.
  db.prepare("UPDATE products SET path = ? || substr(path, 2) WHERE substr(path, 1, length(?)) = ?").run(
    parentPath,
    childPath,
    childPath,
  );
}

function withLine<T>(where: string, f: () => T): T {
  try {
    return f();
  } catch (error) {
    throw new Error(`${where}: ${(error as Error).message}`);
  }
}
