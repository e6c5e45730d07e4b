import type { FactRecord, SourceRef } from "@chipflow/core";
import { dialectOf, type Dialect } from "../dialect/dialect.js";
import type { ReadonlyDb } from "../handles.js";
import { factFilterWhere, FACT_JOINS, toFactFilterParams, type FactsFilter } from "./fact-filter-sql.js";

export type { FactsFilter } from "./fact-filter-sql.js";

/** A fact as the export writes it, with the id and dataset it is stored under. */
export interface StoredFact extends FactRecord {
  id: number;
  datasetId: string;
}

type Row = Omit<StoredFact, "source"> & SourceRef;

const fromWhere = (d: Dialect) => `${FACT_JOINS}
  WHERE ${factFilterWhere(d)}
  ORDER BY f.dataset_id, f.metric, f.period_start, f.period_end, f.id`;

/** One fact as the cells of chipflow's fact CSV, in `FACT_COLUMNS` order: text, numbers, or null for blank. */
export type FactCsvCells = (string | number | null)[];

/**
 * The facts of `iterateFacts` (same filter, same order) as bare arrays of cells in `FACT_COLUMNS` order, for the
 * CSV export: no object per fact is built.
 */
export function iterateFactCsvCells(db: ReadonlyDb, filter: FactsFilter = {}): IterableIterator<FactCsvCells> {
  return db
    .prepare(
      `SELECT f.period_start, f.period_end, f.period_label, v.name, p.name, f.category, f.origin, f.destination,
         b.name, f.metric, f.value, f.low, f.high, f.estimate_kind, f.confidence, s.publisher, s.title,
         s.published_on, s.url, nullif(s.locator, ''), s.type, f.note
       ${fromWhere(dialectOf(db))}`,
    )
    .raw()
    .iterate(toFactFilterParams(filter)) as IterableIterator<FactCsvCells>;
}

/**
 * Streams the facts matching a filter, one at a time (memory stays flat however many there are), in a stable
 * order: dataset, metric, period, then id. Lists hold ids (vendor, product, buyer and dataset slugs) or ISO3 codes;
 * `from`/`to` keep facts whose period overlaps the range. SQL takes only bound parameters.
 */
export function* iterateFacts(db: ReadonlyDb, filter: FactsFilter = {}): Generator<StoredFact> {
  const rows = db
    .prepare(
      `SELECT f.id, f.dataset_id AS "datasetId", f.period_start AS "periodStart", f.period_end AS "periodEnd",
         f.period_label AS "periodLabel", v.name AS vendor, p.name AS product, f.category, f.origin, f.destination,
         b.name AS buyer, f.metric, f.value, f.low, f.high, f.estimate_kind AS "estimateKind", f.confidence,
         s.publisher, s.title, s.published_on AS date, s.url, nullif(s.locator, '') AS locator, s.type, f.note
       ${fromWhere(dialectOf(db))}`,
    )
    .iterate(toFactFilterParams(filter)) as IterableIterator<Row>;
  for (const { publisher, title, date, url, locator, type, ...fact } of rows)
    yield { ...fact, source: { publisher, title, date, url, locator, type } };
}
