import type { Confidence, EstimateKind, FactFilter, Granularity, Metric } from "@chipflow/core";
import type { ReadonlyDb } from "../handles.js";

/** A fact joined with the names and ids a query needs. */
export interface QueryFactRow {
  id: number;
  datasetId: string;
  priority: number;
  sourceId: number;
  sourceDate: string;
  vendorId: string | null;
  vendor: string | null;
  productId: string | null;
  product: string | null;
  category: string | null;
  origin: string | null;
  destination: string | null;
  buyerId: string | null;
  buyer: string | null;
  periodStart: string;
  periodEnd: string;
  granularity: Granularity;
  periodLabel: string | null;
  value: number | null;
  low: number | null;
  high: number | null;
  estimateKind: EstimateKind;
  confidence: Confidence | null;
}

const asJson = (values: string[]) => (values.length ? JSON.stringify(values) : null);

/** The facts of one metric that match a filter, overlapping its period range. SQL takes only bound parameters. */
export function findFactsForQuery(db: ReadonlyDb, metric: Metric, filter: FactFilter): QueryFactRow[] {
  return db
    .prepare(
      `SELECT f.id, f.dataset_id AS datasetId, d.priority, f.source_id AS sourceId, s.published_on AS sourceDate,
         v.slug AS vendorId, v.name AS vendor, p.slug AS productId, p.name AS product, f.category,
         f.origin, f.destination, b.slug AS buyerId, b.name AS buyer,
         f.period_start AS periodStart, f.period_end AS periodEnd, f.granularity, f.period_label AS periodLabel,
         f.value, f.low, f.high, f.estimate_kind AS estimateKind, f.confidence
       FROM facts f
         JOIN datasets d ON d.id = f.dataset_id
         JOIN sources s ON s.id = f.source_id
         LEFT JOIN vendors v ON v.id = f.vendor_id
         LEFT JOIN products p ON p.id = f.product_id
         LEFT JOIN buyers b ON b.id = f.buyer_id
       WHERE f.metric = @metric
         AND (@from IS NULL OR f.period_end >= @from)
         AND (@to IS NULL OR f.period_start <= @to)
         AND (@vendor IS NULL OR v.slug IN (SELECT value FROM json_each(@vendor)))
         AND (@product IS NULL OR p.slug IN (SELECT value FROM json_each(@product)))
         AND (@category IS NULL OR f.category IN (SELECT value FROM json_each(@category)))
         AND (@origin IS NULL OR f.origin IN (SELECT value FROM json_each(@origin)))
         AND (@destination IS NULL OR f.destination IN (SELECT value FROM json_each(@destination)))
         AND (@buyer IS NULL OR b.slug IN (SELECT value FROM json_each(@buyer)))
         AND (@dataset IS NULL OR f.dataset_id IN (SELECT value FROM json_each(@dataset)))
       ORDER BY f.period_start, f.id`,
    )
    .all({
      metric,
      from: filter.from ?? null,
      to: filter.to ?? null,
      vendor: asJson(filter.vendor),
      product: asJson(filter.product),
      category: asJson(filter.category),
      origin: asJson(filter.origin),
      destination: asJson(filter.destination),
      buyer: asJson(filter.buyer),
      dataset: asJson(filter.dataset),
    }) as QueryFactRow[];
}
