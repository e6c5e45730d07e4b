import {
  GRANULARITY_RANK,
  getCountry,
  type Confidence,
  type EstimateKind,
  type FactFilter,
  type Figure,
  type Granularity,
  type GroupBy,
  type Metric,
} from "@chipflow/core";
import { dialectOf } from "../dialect/dialect.js";
import type { ReadonlyDb } from "../handles.js";
import { idsOf, prepareCached } from "../queries/find-facts-for-query.js";

/** Where a period goes: its bucket, or `null` to leave its facts out (counted as excluded). */
export type BucketOfPeriod = (start: string, end: string) => { start: string; end: string; coarser: boolean } | null;

/** One cell answered from rollups: the same figure `resolveCell` gives for its facts. */
export interface RollupCell {
  group: { key: string; label: string };
  start: string;
  end: string;
  coarser: boolean;
  figure: Figure;
  granularity: Granularity;
  periodStart: string;
  periodEnd: string;
  /** How many distinct periods the cell's facts cover (seven months of a year, say). */
  periods: number;
  /** The product categories of the cell's facts. */
  categories: string[];
}

const KINDS: EstimateKind[] = ["forecast", "forecast", "estimate", "reported"];
const CONFIDENCES: (Confidence | null)[] = [null, "low", "medium", "high"];
const GRANULARITIES = Object.keys(GRANULARITY_RANK) as Granularity[];
const EXACT_LIMIT = 2 ** 53;

const GRAINS = {
  vd: { groups: ["vendor", "destination", "category"], filters: ["vendor", "destination", "category"] },
  vp: { groups: ["vendor", "product", "category"], filters: ["vendor", "product", "category"] },
} as const;
const FILTERS = ["vendor", "product", "category", "origin", "destination", "buyer"] as const;

const GROUP_SQL: Record<string, { select: string; join: string; by: string }> = {
  vendor: {
    select: "v.slug AS gkey, v.name AS glabel",
    join: "JOIN vendors v ON v.id = r.vendor_id",
    by: "v.id", // the vendor's key, so that its other columns may be selected (PostgreSQL checks)
  },
  product: {
    select: "p.slug AS gkey, p.name AS glabel",
    join: "JOIN products p ON p.id = r.product_id",
    by: "p.id",
  },
  category: { select: "r.category AS gkey, r.category AS glabel", join: "", by: "r.category" },
  destination: { select: "r.destination AS gkey, NULL AS glabel", join: "", by: "r.destination" },
};

const grainFor = (filter: FactFilter, groupBy: GroupBy): keyof typeof GRAINS | null => {
  const used = FILTERS.filter((k) => filter[k].length > 0);
  for (const grain of ["vd", "vp"] as const) {
    const g = GRAINS[grain];
    if (
      (g.groups as readonly string[]).includes(groupBy) &&
      used.every((k) => (g.filters as readonly string[]).includes(k))
    )
      return grain;
  }
  return null;
};

interface Row {
  gkey: string;
  glabel: string | null;
  bs: string;
  be: string;
  coarser: number;
  oneDataset: number;
  datasetId: string;
  simple: number;
  n: number;
  value: number | null;
  nulls: number;
  low: number;
  high: number;
  abs: number;
  kind: number;
  confidence: number | null;
  sources: string;
  granularity: number;
  periodStart: string;
  periodEnd: string;
  periods: number;
  categories: string | null;
}

/**
 * The cells of a series or breakdown answered from `fact_rollups`, or `null` when the rollups cannot give exactly
 * what `resolveCell` gives over the facts: a non-additive metric, a filter or grouping the rollups do not hold, a
 * dataset whose rollups are stale, a product that contains others (or is contained) among its figures, periods that
 * overlap, a cell with a non-simple row or more than one dataset, or
 * sums too large to be exact. `bucketOf` places each period (the same way the exact path does). `excluded` counts
 * the facts of periods that `bucketOf` leaves out.
 */
export function findRollupCells(
  db: ReadonlyDb,
  metric: Metric,
  additive: boolean,
  filter: FactFilter,
  groupBy: GroupBy,
  bucketOf: BucketOfPeriod,
): { cells: RollupCell[]; excluded: number } | null {
  if (!additive) return null;
  const d = dialectOf(db);
  const grain = grainFor(filter, groupBy);
  if (!grain) return null;
  const datasets = filter.dataset.length ? JSON.stringify(filter.dataset) : null;
  const stale = prepareCached(
    db,
    `SELECT count(*) FROM datasets d LEFT JOIN rollup_markers m ON m.dataset_id = d.id
     WHERE (m.dataset_id IS NULL OR m.row_count IS DISTINCT FROM d.row_count
         OR m.imported_at IS DISTINCT FROM d.imported_at)
       AND (? IS NULL OR d.id IN ${d.jsonList("?")})`,
  )
    .pluck()
    .get(datasets, datasets) as number;
  if (stale > 0) return null;
  // Sums of rollup rows know nothing of products that contain others (a parent's figure is the total of its
  // children): where such a product has figures in the datasets asked for, the exact path answers.
  const nested = prepareCached(
    db,
    // Products in a hierarchy are few: look each one up in the rollups, never scan the rollups for them.
    `SELECT EXISTS (SELECT 1 FROM products p
       WHERE (p.parent_id IS NOT NULL OR p.id IN (SELECT parent_id FROM products WHERE parent_id IS NOT NULL))
         AND EXISTS (SELECT 1 FROM fact_rollups r ${d.indexedBy("fact_rollups_product")} WHERE r.product_id = p.id
           AND (? IS NULL OR r.dataset_id IN ${d.jsonList("?")})))`,
  )
    .pluck()
    .get(datasets, datasets) as number;
  if (nested) return null;

  const periods = prepareCached(
    db,
    `SELECT DISTINCT period_start, period_end FROM rollup_periods
     WHERE (? IS NULL OR dataset_id IN ${d.jsonList("?")}) ORDER BY period_start, period_end`,
  )
    .raw()
    .all(datasets, datasets) as [string, string][];
  let lastEnd = "";
  for (const [start, end] of periods) {
    if (start <= lastEnd) return null; // overlapping periods could hold one another
    lastEnd = end;
  }
  const buckets = periods.flatMap(([start, end]) => {
    const b = bucketOf(start, end);
    return [[start, end, b?.start ?? "", b?.end ?? "", b ? Number(b.coarser) : -1]];
  });

  const where = ["r.grain = ?", "r.metric = ?"];
  const params: unknown[] = [JSON.stringify(buckets), grain, metric];
  const add = (condition: string, value: unknown) => {
    where.push(condition);
    params.push(value);
  };
  if (filter.from) add("r.period_end >= ?", filter.from);
  if (filter.to) add("r.period_start <= ?", filter.to);
  const ids = d.jsonList("?", "integer");
  if (filter.vendor.length) add(`r.vendor_id IN ${ids}`, idsOf(db, "vendors", filter.vendor));
  if (filter.product.length) add(`r.product_id IN ${ids}`, idsOf(db, "products", filter.product));
  for (const column of ["category", "destination"] as const)
    if (filter[column].length) add(`r.${column} IN ${d.jsonList("?")}`, JSON.stringify(filter[column]));
  if (datasets) add(`r.dataset_id IN ${d.jsonList("?")}`, datasets);
  const group = GROUP_SQL[groupBy]!;
  const granularityRank = `CASE r.granularity ${GRANULARITIES.map((g) => `WHEN '${g}' THEN ${GRANULARITY_RANK[g]}`).join(" ")} END`;
  const index = filter.vendor.length ? "fact_rollups_lookup" : "fact_rollups_period";
  // One index search per distinct period (`b` first, by CROSS JOIN), never a scan of `b` per rollup row.
  const rows = prepareCached(
    db,
    `WITH b(ps, pe, bs, be, coarser) AS MATERIALIZED (
       SELECT ps, pe, bs, be, CAST(coarser AS integer) FROM ${d.jsonRows("?", ["ps", "pe", "bs", "be", "coarser"])} j)
     SELECT ${group.select}, b.bs, b.be, b.coarser, ${d.toInteger("min(r.dataset_id) = max(r.dataset_id)")} AS "oneDataset",
       min(r.dataset_id) AS "datasetId", min(r.simple) AS simple, sum(r.fact_count) AS n, sum(r.value_sum) AS value,
       sum(r.value_nulls) AS nulls, sum(r.low_sum) AS low, sum(r.high_sum) AS high, sum(r.abs_sum) AS abs,
       min(r.kind_rank) AS kind, min(r.confidence_rank) AS confidence, ${d.groupConcat("r.source_ids")} AS sources,
       max(${granularityRank}) AS granularity, min(r.period_start) AS "periodStart", max(r.period_end) AS "periodEnd",
       count(DISTINCT r.period_start) AS periods, ${d.groupConcat("r.category", { distinct: true })} AS categories
     FROM b CROSS JOIN fact_rollups r ${d.indexedBy(index)} ${group.join}
     WHERE r.period_start = b.ps AND r.period_end = b.pe AND ${where.join(" AND ")}
     GROUP BY ${group.by}, b.bs, b.be, b.coarser`,
  ).all(...params) as Row[];

  let abs = 0;
  let excluded = 0;
  const cells: RollupCell[] = [];
  for (const r of rows) {
    if (!r.simple || !r.oneDataset) return null;
    abs += r.abs;
    if (r.coarser < 0) {
      excluded += r.n;
      continue;
    }
    const sourceIds = [...new Set(r.sources.split(",").map(Number))].sort((a, b) => a - b);
    cells.push({
      group: { key: r.gkey, label: r.glabel ?? getCountry(r.gkey).name },
      start: r.bs,
      end: r.be,
      coarser: r.coarser === 1,
      figure: {
        value: r.nulls > 0 ? null : r.value,
        low: r.low,
        high: r.high,
        estimateKind: KINDS[r.kind]!,
        confidence: r.confidence === null ? null : CONFIDENCES[r.confidence]!,
        basis: r.n === 1 ? "reported" : "sum",
        datasetId: r.datasetId,
        sourceIds,
        alternatives: [],
        factCount: r.n,
      },
      granularity: GRANULARITIES.find((g) => GRANULARITY_RANK[g] === r.granularity)!,
      periodStart: r.periodStart,
      periodEnd: r.periodEnd,
      periods: r.periods,
      categories: r.categories?.split(",") ?? [],
    });
  }
  if (abs >= EXACT_LIMIT) return null;
  return { cells, excluded };
}
