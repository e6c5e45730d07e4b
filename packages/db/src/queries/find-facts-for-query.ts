import type { Confidence, EstimateKind, FactFilter, Granularity, Metric } from "@chipflow/core";
import { dialectOf } from "../dialect/dialect.js";
import type { ReadonlyDb } from "../handles.js";
import type { SqlStatement } from "../sql-db.js";

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
  /** The product's place in its hierarchy: "/parent-slug/child-slug/"; a product contains those its path prefixes. */
  productPath: string | null;
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

/** Prepared statements by SQL text, per handle: a query's SQL depends only on which filters it uses. */
const statements = new WeakMap<ReadonlyDb, Map<string, SqlStatement>>();

export function prepareCached(db: ReadonlyDb, sql: string): SqlStatement {
  let byText = statements.get(db);
  if (!byText) statements.set(db, (byText = new Map<string, SqlStatement>()));
  let statement = byText.get(sql);
  if (!statement) byText.set(sql, (statement = db.prepare(sql)));
  return statement;
}

/** The ids of the slugs a filter names, through the small dimension table (unknown slugs match nothing). */
export function idsOf(db: ReadonlyDb, table: "vendors" | "products" | "buyers", slugs: string[]): string {
  const ids = prepareCached(db, `SELECT id FROM ${table} WHERE slug IN ${dialectOf(db).jsonList("?")}`)
    .pluck()
    .all(JSON.stringify(slugs));
  return JSON.stringify(ids);
}

/**
 * Which facts of a filter's period range a query reads: those that overlap it, those that start in it, those that
 * start before it and run into it, or those that lie wholly inside it.
 */
export type PeriodMatch = "overlaps" | "starts-in" | "runs-in" | "inside";

/**
 * The index a fact query reads: a vendor's if it names vendors, else a product's, a destination's or an origin's,
 * else the period's (migrations 001, 002 and 010). It is named because SQLite's planner, which has no statistics
 * here, would take the vendor index for any query it covers: that index holds every column a plain flow adds up, so
 * a scan of all of a metric's entries there looked cheaper than a product's few (580 ms against 1 ms at 10M facts).
 * PostgreSQL's planner has statistics: nothing is named there.
 */
function factIndex(filter: FactFilter): string {
  if (filter.vendor.length) return "facts_metric_vendor";
  if (filter.product.length) return "facts_metric_product";
  if (filter.destination.length) return "facts_metric_destination";
  if (filter.origin.length) return "facts_metric_origin";
  return "facts_metric_period";
}

/**
 * The table, conditions and bound parameters of a fact query. SQL takes only bound parameters. Only the filters a
 * query uses appear in its SQL, and slugs are resolved to ids first, so that the index (`factIndex`) narrows the
 * scan.
 */
function factWhere(
  db: ReadonlyDb,
  metric: Metric,
  filter: FactFilter,
  match: PeriodMatch,
  everyVendor = false,
  byDataset = false,
) {
  const d = dialectOf(db);
  const where = ["f.metric = ?"];
  const params: unknown[] = [metric];
  const add = (condition: string, value: unknown) => {
    where.push(condition);
    params.push(value);
  };
  if (match === "overlaps") {
    if (filter.from) add("f.period_end >= ?", filter.from);
    if (filter.to) add("f.period_start <= ?", filter.to);
  } else if (match === "starts-in" || match === "inside") {
    if (filter.from) add("f.period_start >= ?", filter.from);
    if (filter.to) add("f.period_start <= ?", filter.to);
    if (filter.to && match === "inside") add("f.period_end <= ?", filter.to);
  } else {
    add("f.period_start < ?", filter.from);
    add("f.period_end >= ?", filter.from);
  }
  const ids = d.jsonList("?", "integer");
  if (filter.vendor.length) add(`f.vendor_id IN ${ids}`, idsOf(db, "vendors", filter.vendor));
  if (filter.product.length) add(`f.product_id IN ${ids}`, idsOf(db, "products", filter.product));
  if (filter.buyer.length) add(`f.buyer_id IN ${ids}`, idsOf(db, "buyers", filter.buyer));
  for (const column of ["category", "origin", "destination"] as const)
    if (filter[column].length) add(`f.${column} IN ${d.jsonList("?")}`, JSON.stringify(filter[column]));
  if (filter.dataset.length) add(`f.dataset_id IN ${d.jsonList("?")}`, JSON.stringify(filter.dataset));
  if (everyVendor) where.push("f.vendor_id IN (SELECT id FROM vendors)");
  const index = everyVendor ? "facts_metric_vendor" : byDataset ? "facts_natural_key" : factIndex(filter);
  return { facts: `facts f ${d.indexedBy(index)}`, where: where.join(" AND "), params };
}

/**
 * The facts of one metric that match a filter and its period range (by `match`), by period then id. `byDataset`:
 * read through the datasets' own entries (the natural key's), which the caller knows to be fewer than the index of
 * the filter's (`factIndex`) would read.
 */
export function findFactsForQuery(
  db: ReadonlyDb,
  metric: Metric,
  filter: FactFilter,
  match: PeriodMatch = "overlaps",
  byDataset = false,
): QueryFactRow[] {
  const d = dialectOf(db);
  const { facts, where, params } = factWhere(db, metric, filter, match, false, byDataset);
  return prepareCached(
    db,
    `SELECT f.id, f.dataset_id AS "datasetId", ds.priority, f.source_id AS "sourceId", s.published_on AS "sourceDate",
       v.slug AS "vendorId", v.name AS vendor, p.slug AS "productId", p.name AS product, p.path AS "productPath",
       f.category, f.origin, f.destination, b.slug AS "buyerId", b.name AS buyer,
       f.period_start AS "periodStart", f.period_end AS "periodEnd", f.granularity, f.period_label AS "periodLabel",
       f.value, f.low, f.high, f.estimate_kind AS "estimateKind", f.confidence
     FROM ${facts}
       JOIN datasets ds ON ds.id = f.dataset_id
       JOIN sources s ON s.id = f.source_id
       LEFT JOIN vendors v ON v.id = f.vendor_id
       LEFT JOIN products p ON p.id = f.product_id
       LEFT JOIN buyers b ON b.id = f.buyer_id
     WHERE ${where}
     ORDER BY ${d.noIndex("f.period_start")}, ${d.noIndex("f.id")}`, // sorted after the scan, in the named index
  ).all(...params) as QueryFactRow[];
}

/**
 * What a flow that adds its cells up plainly reads of its facts (see `addsUpPlainly`), column by column, fact `i`
 * at index `i` of each: the ids and codes of its cells, its source, value, low and high, kind and confidence. Only
 * columns of the vendor index (migration 010), so that a vendor's facts come from the index alone. A cell's dataset
 * and the categories come from the rollups.
 */
export interface PlainFlowFacts {
  vendorId: (number | null)[];
  productId: (number | null)[];
  origin: (string | null)[];
  destination: (string | null)[];
  sourceId: number[];
  value: (number | null)[];
  low: (number | null)[];
  high: (number | null)[];
  estimateKind: EstimateKind[];
  confidence: (Confidence | null)[];
}

// A plain flow's figures are whole numbers (the rollups' `simple` rows), so they are read as integers, the same
// numbers: SQLite writes and V8 parses an integer faster than a float (at 10M facts 4.1 ms rather than 6.4 ms
// for the four numeric columns of a vendor's year, before parsing). Columns are read as they are stored, not
// joined into keys or ranked in SQL, which cost SQLite more than the arrays themselves.
const whole = (column: string) => `CAST(${column} AS BIGINT)`;

const PLAIN_FLOW_COLUMNS: Record<keyof PlainFlowFacts, string> = {
  vendorId: "f.vendor_id",
  productId: "f.product_id",
  origin: "f.origin",
  destination: "f.destination",
  sourceId: "f.source_id",
  value: whole("f.value"),
  low: whole("f.low"),
  high: whole("f.high"),
  estimateKind: "f.estimate_kind",
  confidence: "f.confidence",
};

/**
 * The facts of one metric that match a filter and lie inside its period range, in no particular order. `vendorless`:
 * some of them may name no vendor (see `PlainFlow`).
 */
export function findPlainFlowFacts(
  db: ReadonlyDb,
  metric: Metric,
  filter: FactFilter,
  vendorless = false,
): PlainFlowFacts {
  // Where every fact names its vendor and no filter narrows the read, every vendor is asked for, so that the vendor
  // index serves it alone, one range per vendor, rather than the period index and a table page per fact (at 1M
  // facts, a year of all vendors: 42–110 ms rather than 224–355 ms).
  const everyVendor = !vendorless && factIndex(filter) === "facts_metric_period";
  const { facts, where, params } = factWhere(db, metric, filter, "inside", everyVendor);
  const d = dialectOf(db);
  const names = Object.keys(PLAIN_FLOW_COLUMNS) as (keyof PlainFlowFacts)[];
  // Each column as one JSON array: the driver hands over seven values, not seven per fact, and the arrays come out
  // of JSON.parse packed. At 10M facts a vendor's year (14,000 facts), read and summed: 27 ms one value at a time,
  // 22 ms as one array per fact, 18.5 ms as one array per column.
  const texts = prepareCached(
    db,
    `SELECT ${names.map((name) => d.jsonArray(PLAIN_FLOW_COLUMNS[name])).join(", ")} FROM ${facts} WHERE ${where}`,
  )
    .raw()
    .get(...params) as string[];
  return Object.fromEntries(names.map((name, i) => [name, JSON.parse(texts[i]!)])) as PlainFlowFacts;
}

/** How many facts of one metric match a filter and its period range (by `match`). */
export function countFactsForQuery(db: ReadonlyDb, metric: Metric, filter: FactFilter, match: PeriodMatch): number {
  const { facts, where, params } = factWhere(db, metric, filter, match);
  return Number(
    prepareCached(db, `SELECT count(*) FROM ${facts} WHERE ${where}`)
      .pluck()
      .get(...params),
  );
}
