import { getCountry, type FactFilter, type Figure, type Granularity, type GroupBy, type Metric } from "@chipflow/core";
import { dialectOf } from "../dialect/dialect.js";
import type { ReadonlyDb } from "../handles.js";
import { idsOf, prepareCached } from "../queries/find-facts-for-query.js";
import { CellSums } from "./cell-sums.js";
import { countStaleRollups } from "./count-stale-rollups.js";
import { GRAIN_IDS, rollupCube, rowsKey, type Dictionary, type RollupCube } from "./rollup-cube.js";

/** Where a period goes: its bucket, or `null` to leave its facts out (counted as excluded). */
export type BucketOfPeriod = (start: string, end: string) => Bucket | null;
export interface Bucket {
  start: string;
  end: string;
  coarser: boolean;
}

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

const EXACT_LIMIT = 2 ** 53;

/** A query's cells summed from rollups, built into `RollupCell`s as they are needed. */
export interface RolledCells {
  sums: CellSums;
  /** A group's key and label, by its id in the cube. */
  groupOf: (id: number) => RollupCell["group"];
  buckets: Bucket[];
  /** The facts of periods that `bucketOf` left out. */
  excluded: number;
  /** Whether a row summed holds facts of no vendor. */
  vendorless: boolean;
}

/** Every cell of `rolled` as a `RollupCell`. */
export function listRollupCells({ sums, groupOf, buckets }: RolledCells): RollupCell[] {
  return Array.from({ length: sums.count }, (_, c) => sums.toRollupCell(c, groupOf(sums.groupOf(c)), buckets));
}

const GRAINS = {
  vd: { groups: ["vendor", "destination", "category"], filters: ["vendor", "destination", "category"] },
  vp: { groups: ["vendor", "product", "category"], filters: ["vendor", "product", "category"] },
} as const;
const FILTERS = ["vendor", "product", "category", "origin", "destination", "buyer"] as const;

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

/**
 * The cells of a series or breakdown answered from `fact_rollups`, or `null` when the rollups cannot give exactly
 * what `resolveCell` gives over the facts: a non-additive metric, a filter or grouping the rollups do not hold, a
 * dataset whose rollups are stale, a product that contains others (or is contained) among its figures, periods that
 * overlap, a cell with a non-simple row or more than one dataset, or sums too large to be exact. The rows are summed
 * from the handle's `rollupCube`, in memory. `bucketOf` places each period (the same way the exact path does). `excluded` counts
 * the facts of periods that `bucketOf` leaves out.
 */
export function findRollupCells(
  db: ReadonlyDb,
  metric: Metric,
  additive: boolean,
  filter: FactFilter,
  groupBy: GroupBy,
  bucketOf: BucketOfPeriod,
): RolledCells | null {
  if (!additive) return null;
  const d = dialectOf(db);
  const grain = grainFor(filter, groupBy);
  if (!grain) return null;
  const datasets = filter.dataset.length ? JSON.stringify(filter.dataset) : null;
  if (countStaleRollups(db, datasets) > 0) return null;
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
  const cube = rollupCube(db);
  return cube.complete ? sumCells(db, cube, metric, grain, filter, groupBy, periods, bucketOf) : null;
}

/** The cells of a query summed from the cube: what the rules would give, or `null` where they would not add up. */
function sumCells(
  db: ReadonlyDb,
  cube: RollupCube,
  metric: Metric,
  grain: keyof typeof GRAINS,
  filter: FactFilter,
  groupBy: GroupBy,
  periods: [string, string][],
  bucketOf: BucketOfPeriod,
): RolledCells | null {
  // Each period of the cube: its bucket (-1: excluded, -2: outside the query's dates or not asked for).
  const buckets: Bucket[] = [];
  const bucketIds = new Map<string, number>();
  const bucketOfPeriod = new Int32Array(cube.periods.values.length).fill(-2);
  for (const [start, end] of periods) {
    const period = cube.periods.find(`${start}/${end}`);
    if (period === undefined || (filter.from && end < filter.from) || (filter.to && start > filter.to)) continue;
    const b = bucketOf(start, end);
    if (!b) {
      bucketOfPeriod[period] = -1;
      continue;
    }
    const key = `${b.start}/${b.end}/${b.coarser}`;
    let id = bucketIds.get(key);
    if (id === undefined) bucketIds.set(key, (id = buckets.push(b) - 1));
    bucketOfPeriod[period] = id;
  }
  const ids = (table: "vendors" | "products", slugs: string[]) =>
    slugs.length ? new Set(JSON.parse(idsOf(db, table, slugs)) as number[]) : null;
  const textIds = (dictionary: Dictionary, values: string[]) =>
    values.length ? new Set(values.map((v) => dictionary.find(v) ?? -2)) : null;
  const vendors = ids("vendors", filter.vendor);
  const products = ids("products", filter.product);
  const categories = textIds(cube.categories, filter.category);
  const destinations = textIds(cube.destinations, filter.destination);
  const segments = filter.dataset.length
    ? filter.dataset.flatMap((id) => cube.segments.get(id) ?? [])
    : [...cube.segments.values()];

  const metricId = cube.metrics.find(metric);
  const cells = new CellSums(cube, segments);
  const excludedSegment = new Map<number, number>();
  let abs = 0;
  let excluded = 0;
  let vendorless = false;
  for (const [segmentIndex, s] of segments.entries()) {
    const keys =
      metricId === undefined
        ? []
        : vendors
          ? [...vendors].map((v) => rowsKey(GRAIN_IDS[grain], metricId, v))
          : [rowsKey(GRAIN_IDS[grain], metricId)];
    const groupColumn = { vendor: s.vendor, product: s.product, category: s.category, destination: s.destination }[
      groupBy as "vendor" | "product" | "category" | "destination"
    ];
    for (const key of keys)
      for (const i of s.rows.get(key) ?? []) {
        const bucket = bucketOfPeriod[s.period[i]!]!;
        if (bucket === -2) continue;
        if (products && !products.has(s.product[i]!)) continue;
        if (categories && !categories.has(s.category[i]!)) continue;
        if (destinations && !destinations.has(s.destination[i]!)) continue;
        const group = groupColumn[i]!;
        // A row without the dimension grouped by (no vendor, no destination) would be a group of its own ("All
        // vendors", "(not stated)"): the exact path makes it.
        if (!s.simple[i] || group < 0) return null;
        if (s.vendor[i]! < 0) vendorless = true;
        abs += s.abs[i]!;
        if (bucket === -1) {
          // Excluded rows form a cell of their group too: of one dataset, or the rules choose.
          if ((excludedSegment.get(group) ?? segmentIndex) !== segmentIndex) return null;
          excludedSegment.set(group, segmentIndex);
          excluded += s.facts[i]!;
          continue;
        }
        // A cell of two datasets: the rules choose between them, never add.
        if (!cells.add(group * buckets.length + bucket, group, bucket, segmentIndex, i)) return null;
      }
  }
  if (abs >= EXACT_LIMIT) return null;
  return { sums: cells, groupOf: groupFinder(db, cube, groupBy), buckets, excluded, vendorless };
}

/** A group's key and label by its id in the cube: a vendor's or product's slug and name, a category, a country. */
function groupFinder(db: ReadonlyDb, cube: RollupCube, groupBy: GroupBy): (id: number) => RollupCell["group"] {
  const groups = new Map<number, RollupCell["group"]>();
  const lookup =
    groupBy === "vendor" || groupBy === "product"
      ? prepareCached(db, `SELECT slug AS key, name AS label FROM ${groupBy}s WHERE id = ?`)
      : null;
  const values = groupBy === "category" ? cube.categories.values : cube.destinations.values;
  const find = (id: number): RollupCell["group"] => {
    if (lookup) return lookup.get(id) as RollupCell["group"];
    const key = values[id]!;
    return { key, label: groupBy === "category" ? key : getCountry(key).name };
  };
  return (id) => {
    let group = groups.get(id);
    if (!group) groups.set(id, (group = find(id)));
    return group;
  };
}
