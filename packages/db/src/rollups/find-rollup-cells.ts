import { getCountry, type FactFilter, type Figure, type Granularity, type GroupBy, type Metric } from "@chipflow/core";
import { dialectOf } from "../dialect/dialect.js";
import type { ReadonlyDb } from "../handles.js";
import { idsOf, prepareCached, type QueryFactRow } from "../queries/find-facts-for-query.js";
import { CellSums } from "./cell-sums.js";
import { countStaleRollups } from "./count-stale-rollups.js";
import { groupOf } from "../queries/group-of.js";
import { resolveSharedCells } from "./resolve-shared-cells.js";
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
  categories: (string | null)[];
  /** The fiscal label of the cell's first fact ("FY2025"), which names a coarser cell; the rollups hold none. */
  label: string | null;
}

const EXACT_LIMIT = 2 ** 53;
/** A fact that names no vendor, product, category, place or buyer: where rows of no such value are grouped. */
const NAMES_NOTHING = {
  vendorId: null,
  vendor: null,
  productId: null,
  product: null,
  category: null,
  origin: null,
  destination: null,
  buyerId: null,
  buyer: null,
} as QueryFactRow;

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
  /**
   * Every cell, built, where some could not be answered from the sums alone (see `resolveSharedCells`): `sums` then
   * holds each dataset's part of a cell apart.
   */
  cells?: RollupCell[];
}

/**
 * Every cell of `rolled` as a `RollupCell`: cell `c` of its sums at index `c`, unless it was built (`cells`). Without
 * `sources`, the cells of the sums are left without source ids (see `CellSums.toRollupCell`).
 */
export function listRollupCells({ sums, groupOf, buckets, cells }: RolledCells, sources = true): RollupCell[] {
  return (
    cells ??
    Array.from({ length: sums.count }, (_, c) => sums.toRollupCell(c, groupOf(sums.groupOf(c)), buckets, sources))
  );
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
 * The cells of a series or breakdown answered from `fact_rollups`, the same as `resolveCell` gives over the facts,
 * or `null` when the rollups cannot give them: a non-additive metric, a filter or grouping the rollups do not hold,
 * a dataset whose rollups are stale, or sums too large to be exact. The rows are summed from the handle's
 * `rollupCube`, in memory. `bucketOf` places each period (the same way the exact path does); `excluded` counts the
 * facts of periods that it leaves out. A cell with rows of more than one dataset, or a non-simple row, or rows of a
 * dataset whose figures can hold one another (a product that contains others, periods that overlap) is resolved
 * against the facts of those rows alone (see `resolveSharedCells`). `alone` asks for only what the sums answer by
 * themselves (a flow's plain sums): any such cell, or such a dataset, or an excluded row not simple or of a second
 * dataset in its group, gives `null`.
 */
export function findRollupCells(
  db: ReadonlyDb,
  metric: Metric,
  additive: boolean,
  filter: FactFilter,
  groupBy: GroupBy,
  bucketOf: BucketOfPeriod,
  alone = false,
): RolledCells | null {
  if (!additive) return null;
  const d = dialectOf(db);
  const grain = grainFor(filter, groupBy);
  if (!grain) return null;
  const datasets = filter.dataset.length ? JSON.stringify(filter.dataset) : null;
  if (countStaleRollups(db, datasets) > 0) return null;
  // Sums of rollup rows know nothing of products that contain others (a parent's figure is the total of its
  // children), nor of periods that hold others (a year and its quarters): a dataset with figures of such products
  // or periods is resolved from its facts. Datasets are never added to one another, so only a dataset's own figures
  // can hold one another.
  const nested = prepareCached(
    db,
    // Products in a hierarchy are few: look each one up in the rollups, never scan the rollups for them (a join
    // let SQLite scan all of them: 30 ms at 1M facts).
    `SELECT DISTINCT r.dataset_id FROM fact_rollups r ${d.indexedBy("fact_rollups_product")}
     WHERE r.product_id IN (SELECT p.id FROM products p
         WHERE p.parent_id IS NOT NULL OR p.id IN (SELECT parent_id FROM products WHERE parent_id IS NOT NULL))
       AND (? IS NULL OR r.dataset_id IN ${d.jsonList("?")})`,
  )
    .pluck()
    .all(datasets, datasets) as string[];
  const byDataset = prepareCached(
    db,
    `SELECT DISTINCT dataset_id, period_start, period_end FROM rollup_periods
     WHERE (? IS NULL OR dataset_id IN ${d.jsonList("?")}) ORDER BY dataset_id, period_start, period_end`,
  )
    .raw()
    .all(datasets, datasets) as [string, string, string][];
  const unsummable = new Set(nested);
  const periods = new Map<string, [string, string]>();
  for (const [k, [dataset, start, end]] of byDataset.entries()) {
    const before = byDataset[k - 1];
    if (before?.[0] === dataset && start <= before[2]) unsummable.add(dataset); // periods that could hold one another
    periods.set(`${start}/${end}`, [start, end]);
  }
  if (alone && unsummable.size) return null;
  const cube = rollupCube(db);
  if (!cube.complete) return null;
  const summed = sumCells(
    db,
    cube,
    metric,
    grain,
    filter,
    groupBy,
    [...periods.values()].sort(),
    bucketOf,
    unsummable,
    alone,
  );
  if (!summed || (!summed.notSimple.size && !summed.shared)) return summed?.rolled ?? null;
  if (alone) return null;
  const cells = resolveSharedCells(db, metric, filter, groupBy, bucketOf, summed.rolled, summed.notSimple);
  return cells && { ...summed.rolled, cells };
}

/**
 * The cells of a query summed from the cube, each dataset's part of a cell apart, with the parts that hold a
 * non-simple row (`notSimple`) and whether a cell has parts of two datasets (`shared`); `null` where the sums cannot
 * stand for the facts at all.
 */
function sumCells(
  db: ReadonlyDb,
  cube: RollupCube,
  metric: Metric,
  grain: keyof typeof GRAINS,
  filter: FactFilter,
  groupBy: GroupBy,
  periods: [string, string][],
  bucketOf: BucketOfPeriod,
  unsummable: Set<string>,
  alone: boolean,
): { rolled: RolledCells; notSimple: Set<number>; shared: boolean } | null {
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
  const notSimple = new Set<number>();
  for (const [segmentIndex, s] of segments.entries()) {
    const keys =
      metricId === undefined
        ? []
        : vendors
          ? [...vendors].map((v) => rowsKey(GRAIN_IDS[grain], metricId, v))
          : [rowsKey(GRAIN_IDS[grain], metricId)];
    const summable = !unsummable.has(s.datasetId);
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
        let group = groupColumn[i]!;
        // Rows of no product are a group of their vendor's ("NVIDIA (all products)"): -2 - the vendor's id, or -1.
        if (group < 0 && groupBy === "product") group = -2 - s.vendor[i]!;
        if (s.vendor[i]! < 0) vendorless = true;
        abs += s.abs[i]!;
        const simple = summable && s.simple[i] === 1;
        if (bucket === -1) {
          // A flow's excluded rows form a cell of their group too: of one dataset, or the rules choose. A series or
          // breakdown counts every fact it leaves out.
          if (alone && (!simple || (excludedSegment.get(group) ?? segmentIndex) !== segmentIndex)) return null;
          excludedSegment.set(group, segmentIndex);
          excluded += s.facts[i]!;
          continue;
        }
        const c = cells.add(
          cellKey(group, bucket, buckets.length, segments.length, segmentIndex),
          group,
          bucket,
          segmentIndex,
          i,
        );
        if (!simple) notSimple.add(c);
      }
  }
  if (abs >= EXACT_LIMIT) return null;
  // A cell of two datasets: the rules choose between them, never add.
  const segmentOfPlace = new Map<number, number>();
  let shared = false;
  for (let c = 0; c < cells.count && segments.length > 1 && !shared; c++) {
    const place = cells.groupOf(c) * buckets.length + cells.bucketOf(c);
    shared = (segmentOfPlace.get(place) ?? cells.segmentOf(c)) !== cells.segmentOf(c);
    segmentOfPlace.set(place, cells.segmentOf(c));
  }
  const rolled = { sums: cells, groupOf: groupFinder(db, cube, groupBy), buckets, excluded, vendorless };
  return { rolled, notSimple, shared };
}

/**
 * The key of one dataset's (segment's) part of a cell in `CellSums`. A group below 0 holds rows of no value of the
 * dimension grouped by (see `groupFinder`): groups are taken in turn, 0, -1, 1, -2…, so that every key is a whole
 * number.
 */
export const cellKey = (group: number, bucket: number, buckets: number, segments: number, segment: number): number =>
  ((group < 0 ? -2 * group - 1 : 2 * group) * buckets + bucket) * segments + segment;

/** A group's key and label by its id in the cube: a vendor's or product's slug and name, a category, a country. */
function groupFinder(db: ReadonlyDb, cube: RollupCube, groupBy: GroupBy): (id: number) => RollupCell["group"] {
  const groups = new Map<number, RollupCell["group"]>();
  const lookup =
    groupBy === "vendor" || groupBy === "product"
      ? prepareCached(db, `SELECT slug AS key, name AS label FROM ${groupBy}s WHERE id = ?`)
      : null;
  const values = groupBy === "category" ? cube.categories.values : cube.destinations.values;
  const vendor = prepareCached(db, "SELECT slug, name FROM vendors WHERE id = ?");
  const find = (id: number): RollupCell["group"] => {
    // Rows of no product, of vendor -2 - id: the group their facts have ("NVIDIA (all products)").
    if (id < -1 && groupBy === "product") {
      const { slug, name } = vendor.get(-2 - id) as { slug: string; name: string };
      return groupOf({ ...NAMES_NOTHING, vendorId: slug, vendor: name }, groupBy);
    }
    // Rows of no vendor, product, category or destination: the group their facts have ("All vendors").
    if (id < 0) return groupOf(NAMES_NOTHING, groupBy);
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
