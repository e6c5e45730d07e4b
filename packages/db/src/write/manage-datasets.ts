import { isDatasetId } from "@chipflow/core";
import { createHash } from "node:crypto";
import type { ReadonlyDb, WritableDb } from "../handles.js";
import { rebuildRollups } from "../rollups/rebuild-rollups.js";

/** A dataset as the datasets command lists it: what it is, how much it holds, and where it came from. */
export interface DatasetEntry {
  id: string;
  title: string;
  kind: string;
  facts: number;
  /** Rows of the file it was imported from that gave facts (a Comtrade row can give two: value and units). */
  rows: number;
  firstPeriod: string | null;
  lastPeriod: string | null;
  /** sha256 of the file it was imported from. */
  checksum: string | null;
  importedAt: string | null;
  format: string | null;
  /** Distinct sources its facts cite, and the publisher most of them cite. */
  sources: number;
  mainPublisher: string | null;
}

/** Every dataset, highest priority first. */
export function listDatasetEntries(db: ReadonlyDb): DatasetEntry[] {
  return db
    .prepare(
      `SELECT d.id, d.title, d.kind, d.row_count AS rows, d.checksum, d.imported_at AS importedAt, d.format,
         (SELECT count(*) FROM facts f WHERE f.dataset_id = d.id) AS facts,
         (SELECT min(period_start) FROM facts f WHERE f.dataset_id = d.id) AS firstPeriod,
         (SELECT max(period_end) FROM facts f WHERE f.dataset_id = d.id) AS lastPeriod,
         (SELECT count(DISTINCT source_id) FROM facts f WHERE f.dataset_id = d.id) AS sources,
         (SELECT s.publisher FROM facts f JOIN sources s ON s.id = f.source_id WHERE f.dataset_id = d.id
            GROUP BY s.publisher ORDER BY count(*) DESC, s.publisher LIMIT 1) AS mainPublisher
       FROM datasets d ORDER BY d.priority DESC, d.id`,
    )
    .all() as DatasetEntry[];
}

/** A dataset's coverage: facts per metric and year (of the period's start). */
export interface DatasetCoverage {
  dataset: DatasetEntry;
  years: string[];
  metrics: { metric: string; facts: number; byYear: Record<string, number> }[];
}

/** What one dataset holds, metric by year; an `UnknownDatasetError` if there is no such dataset. */
export function findDatasetCoverage(db: ReadonlyDb, id: string): DatasetCoverage {
  const dataset = listDatasetEntries(db).find((d) => d.id === id);
  if (!dataset) throw new UnknownDatasetError(id, datasetIds(db));
  const cells = db
    .prepare(
      `SELECT metric, substr(period_start, 1, 4) AS year, count(*) AS n FROM facts WHERE dataset_id = ?
       GROUP BY metric, year ORDER BY metric, year`,
    )
    .all(id) as { metric: string; year: string; n: number }[];
  const years = [...new Set(cells.map((c) => c.year))].sort();
  const metrics = new Map<string, { metric: string; facts: number; byYear: Record<string, number> }>();
  for (const c of cells) {
    const m = metrics.get(c.metric) ?? { metric: c.metric, facts: 0, byYear: {} };
    m.facts += c.n;
    m.byYear[c.year] = c.n;
    metrics.set(c.metric, m);
  }
  return { dataset, years, metrics: [...metrics.values()] };
}

/** A dataset the command was asked about that the database does not hold. */
export class UnknownDatasetError extends Error {
  constructor(id: string, known: string[]) {
    super(`no dataset ${id}: the database holds ${known.length ? known.join(", ") : "none"}`);
  }
}

const datasetIds = (db: ReadonlyDb) => db.prepare("SELECT id FROM datasets ORDER BY id").pluck().all() as string[];

function assertDataset(db: ReadonlyDb, id: string): void {
  const known = datasetIds(db);
  if (!known.includes(id)) throw new UnknownDatasetError(id, known);
}

/**
 * Gives a dataset another id, in one transaction: its facts move to the new id and its rollups are rebuilt. Every
 * API reader sees the change at its next request (the data version changes).
 */
export function renameDataset(db: WritableDb, from: string, to: string): void {
  if (!isDatasetId(to)) throw new Error(`invalid id ${to}: expected lowercase letters, digits and dashes`);
  db.transaction(() => {
    assertDataset(db, from);
    if (datasetIds(db).includes(to))
      throw new Error(`a dataset ${to} exists already: remove it first, or pick another id`);
    db.prepare(
      `INSERT INTO datasets (id, title, description, licence, kind, priority, format, imported_at, row_count, checksum)
       SELECT ?, title, description, licence, kind, priority, format, imported_at, row_count, checksum
       FROM datasets WHERE id = ?`,
    ).run(to, from);
    db.prepare("UPDATE facts SET dataset_id = ? WHERE dataset_id = ?").run(to, from);
    db.prepare("DELETE FROM datasets WHERE id = ?").run(from);
    rebuildRollups(db, to);
  })();
}

/**
 * Removes a dataset, its facts and rollups, and the sources nothing cites any more, in one transaction; returns
 * how many facts went.
 */
export function removeDataset(db: WritableDb, id: string): { facts: number; sources: number } {
  return db.transaction(() => {
    assertDataset(db, id);
    const facts = db.prepare("SELECT count(*) FROM facts WHERE dataset_id = ?").pluck().get(id) as number;
    db.prepare("DELETE FROM datasets WHERE id = ?").run(id); // facts and rollups go with it (ON DELETE CASCADE)
    const sources = db
      .prepare(
        `DELETE FROM sources WHERE id NOT IN (SELECT source_id FROM facts)
           AND id NOT IN (SELECT source_id FROM events)`,
      )
      .run().changes;
    return { facts, sources };
  })();
}

/** The database's own check and each dataset's content digest. */
export interface VerifyReport {
  /** "ok", or the problems `PRAGMA integrity_check` found. */
  integrity: string[];
  /** Rows that break a foreign key. */
  foreignKeyViolations: number;
  datasets: { id: string; facts: number; digest: string }[];
}

/**
 * Checks the database file (`integrity_check`, `foreign_key_check`) and works out each dataset's digest: sha256 over
 * its facts in a fixed order, every stored column but the row id, so two databases holding the same data give the
 * same digests (the file checksum recorded at import says which file the data came from).
 */
export function verifyDatabase(db: ReadonlyDb): VerifyReport {
  const integrity = db.prepare("PRAGMA integrity_check").pluck().all() as string[];
  const foreignKeyViolations = db.prepare("PRAGMA foreign_key_check").all().length;
  const rows = db.prepare(
    `SELECT f.metric, v.slug, p.slug, f.category, f.origin, f.destination, b.slug, f.period_start, f.period_end,
       f.period_label, f.value, f.low, f.high, f.estimate_kind, f.confidence, f.note,
       s.publisher, s.title, s.published_on, s.url, s.locator, s.type
     FROM facts f JOIN sources s ON s.id = f.source_id LEFT JOIN vendors v ON v.id = f.vendor_id
       LEFT JOIN products p ON p.id = f.product_id LEFT JOIN buyers b ON b.id = f.buyer_id
     WHERE f.dataset_id = ?
     ORDER BY f.metric, v.slug, p.slug, f.category, f.origin, f.destination, b.slug, f.period_start, f.period_end,
       s.url, s.title, f.value`,
  );
  const datasets = datasetIds(db).map((id) => {
    const hash = createHash("sha256");
    let facts = 0;
    for (const row of rows.raw().iterate(id) as Iterable<unknown[]>) {
      hash.update(JSON.stringify(row)).update("\n");
      facts++;
    }
    return { id, facts, digest: hash.digest("hex") };
  });
  return { integrity, foreignKeyViolations, datasets };
}
