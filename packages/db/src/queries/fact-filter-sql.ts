import type { FactFilter } from "@chipflow/core";
import type { Dialect } from "../dialect/dialect.js";

/** Which facts to read: the shared fact filter (every list optional) plus the metrics to keep. */
export type FactsFilter = Partial<FactFilter> & { metric?: readonly string[] };

/** The facts with their source and dimension names, as the facts page and the facts export read them. */
export const FACT_JOINS = `FROM facts f
  JOIN sources s ON s.id = f.source_id
  LEFT JOIN vendors v ON v.id = f.vendor_id
  LEFT JOIN products p ON p.id = f.product_id
  LEFT JOIN buyers b ON b.id = f.buyer_id`;

/**
 * The conditions of a `FactsFilter`, every one bound (`toFactFilterParams`): periods overlapping `from`..`to`, and
 * each list of ids (vendor, product, buyer, dataset slugs) or codes when it is given.
 */
export const factFilterWhere = (d: Dialect) => `(@from IS NULL OR f.period_end >= @from)
  AND (@to IS NULL OR f.period_start <= @to)
  AND (@metric IS NULL OR f.metric IN ${d.jsonList("@metric")})
  AND (@vendor IS NULL OR v.slug IN ${d.jsonList("@vendor")})
  AND (@product IS NULL OR p.slug IN ${d.jsonList("@product")})
  AND (@category IS NULL OR f.category IN ${d.jsonList("@category")})
  AND (@origin IS NULL OR f.origin IN ${d.jsonList("@origin")})
  AND (@destination IS NULL OR f.destination IN ${d.jsonList("@destination")})
  AND (@buyer IS NULL OR b.slug IN ${d.jsonList("@buyer")})
  AND (@dataset IS NULL OR f.dataset_id IN ${d.jsonList("@dataset")})`;

/** A list as a bound JSON array, or null for "any". */
export const asJsonList = (values: readonly string[] | undefined) => (values?.length ? JSON.stringify(values) : null);

/** The bound parameters of `factFilterWhere`. */
export function toFactFilterParams(filter: FactsFilter) {
  return {
    from: filter.from ?? null,
    to: filter.to ?? null,
    metric: asJsonList(filter.metric),
    vendor: asJsonList(filter.vendor),
    product: asJsonList(filter.product),
    category: asJsonList(filter.category),
    origin: asJsonList(filter.origin),
    destination: asJsonList(filter.destination),
    buyer: asJsonList(filter.buyer),
    dataset: asJsonList(filter.dataset),
  };
}
