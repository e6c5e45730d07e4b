import type { Category, Confidence, EstimateKind, FactFilter, FactRecord, Metric } from "@chipflow/core";
import type { ReadonlyDb } from "../handles.js";

/** Which facts to read: the shared fact filter (every list optional) plus the metrics to keep. */
export type FactsFilter = Partial<FactFilter> & { metric?: readonly Metric[] };

/** A fact as the export writes it, with the id and dataset it is stored under. */
export interface StoredFact extends FactRecord {
  id: number;
  datasetId: string;
}

interface Row {
  id: number;
  datasetId: string;
  periodStart: string;
  periodEnd: string;
  periodLabel: string | null;
  vendor: string | null;
  product: string | null;
  category: Category | null;
  origin: string | null;
  destination: string | null;
  buyer: string | null;
  metric: Metric;
  value: number | null;
  low: number | null;
  high: number | null;
  estimateKind: EstimateKind;
  confidence: Confidence | null;
  publisher: string;
  title: string;
  date: string;
  url: string;
  note: string | null;
}

const asJson = (values: readonly string[] | undefined) => (values?.length ? JSON.stringify(values) : null);

const FROM_WHERE = `FROM facts f
         JOIN sources s ON s.id = f.source_id
         LEFT JOIN vendors v ON v.id = f.vendor_id
         LEFT JOIN products p ON p.id = f.product_id
         LEFT JOIN buyers b ON b.id = f.buyer_id
       WHERE (@from IS NULL OR f.period_end >= @from)
         AND (@to IS NULL OR f.period_start <= @to)
         AND (@metric IS NULL OR f.metric IN (SELECT value FROM json_each(@metric)))
         AND (@vendor IS NULL OR v.slug IN (SELECT value FROM json_each(@vendor)))
         AND (@product IS NULL OR p.slug IN (SELECT value FROM json_each(@product)))
         AND (@category IS NULL OR f.category IN (SELECT value FROM json_each(@category)))
         AND (@origin IS NULL OR f.origin IN (SELECT value FROM json_each(@origin)))
         AND (@destination IS NULL OR f.destination IN (SELECT value FROM json_each(@destination)))
         AND (@buyer IS NULL OR b.slug IN (SELECT value FROM json_each(@buyer)))
         AND (@dataset IS NULL OR f.dataset_id IN (SELECT value FROM json_each(@dataset)))
       ORDER BY f.dataset_id, f.metric, f.period_start, f.period_end, f.id`;

const toParams = (filter: FactsFilter) => ({
  from: filter.from ?? null,
  to: filter.to ?? null,
  metric: asJson(filter.metric),
  vendor: asJson(filter.vendor),
  product: asJson(filter.product),
  category: asJson(filter.category),
  origin: asJson(filter.origin),
  destination: asJson(filter.destination),
  buyer: asJson(filter.buyer),
  dataset: asJson(filter.dataset),
});

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
         s.published_on, s.url, f.note
       ${FROM_WHERE}`,
    )
    .raw()
    .iterate(toParams(filter)) as IterableIterator<FactCsvCells>;
}

/**
 * Streams the facts matching a filter, one at a time (memory stays flat however many there are), in a stable
 * order: dataset, metric, period, then id. Lists hold ids (vendor, product, buyer and dataset slugs) or ISO3 codes;
 * `from`/`to` keep facts whose period overlaps the range. SQL takes only bound parameters.
 */
export function* iterateFacts(db: ReadonlyDb, filter: FactsFilter = {}): Generator<StoredFact> {
  const rows = db
    .prepare(
      `SELECT f.id, f.dataset_id AS datasetId, f.period_start AS periodStart, f.period_end AS periodEnd,
         f.period_label AS periodLabel, v.name AS vendor, p.name AS product, f.category, f.origin, f.destination,
         b.name AS buyer, f.metric, f.value, f.low, f.high, f.estimate_kind AS estimateKind, f.confidence,
         s.publisher, s.title, s.published_on AS date, s.url, f.note
       ${FROM_WHERE}`,
    )
    .iterate(toParams(filter)) as IterableIterator<Row>;
  for (const r of rows) {
    yield {
      id: r.id,
      datasetId: r.datasetId,
      periodStart: r.periodStart,
      periodEnd: r.periodEnd,
      periodLabel: r.periodLabel,
      vendor: r.vendor,
      product: r.product,
      category: r.category,
      origin: r.origin,
      destination: r.destination,
      buyer: r.buyer,
      metric: r.metric,
      value: r.value,
      low: r.low,
      high: r.high,
      estimateKind: r.estimateKind,
      confidence: r.confidence,
      source: { publisher: r.publisher, title: r.title, date: r.date, url: r.url },
      note: r.note,
    };
  }
}
