import type { FactFilter, GroupBy, Metric } from "@chipflow/core";
import { dialectOf } from "../dialect/dialect.js";
import type { ReadonlyDb } from "../handles.js";
import { findFactsForQuery, prepareCached, type QueryFactRow } from "../queries/find-facts-for-query.js";
import { groupOf } from "../queries/group-of.js";
import {
  chooseDataset,
  latestSource,
  placeOfChosen,
  resolveDataset,
  type DatasetRank,
} from "../queries/resolve-cell.js";
import { cellKey, type BucketOfPeriod, type RolledCells, type RollupCell } from "./find-rollup-cells.js";

/**
 * Every cell of a query whose sums hold each dataset's part of a cell apart, as `resolveCell` would give it over
 * the cell's facts: a cell of one dataset whose rows are all simple is its sum; any other is resolved dataset by
 * dataset, a simple part from its sum and a part with a non-simple row (`notSimple`) from its facts, read for those
 * parts alone; then the datasets' figures are chosen between (`chooseDataset`). So a customs download of a million
 * facts beside a curated dataset reads the curated dataset's facts, not the download's. `null` if the facts read do
 * not match the rollups' counts (the exact path answers).
 */
export function resolveSharedCells(
  db: ReadonlyDb,
  metric: Metric,
  filter: FactFilter,
  groupBy: GroupBy,
  bucketOf: BucketOfPeriod,
  rolled: RolledCells,
  notSimple: Set<number>,
): RollupCell[] | null {
  const factsOf = readNotSimple(db, metric, filter, groupBy, bucketOf, rolled, notSimple);
  if (!factsOf) return null;
  const { sums, groupOf: groupById, buckets } = rolled;
  const rankOf = datasetRanker(db);
  // Each cell's parts, one per dataset.
  const places = new Map<number, number[]>();
  for (let c = 0; c < sums.count; c++) {
    const place = sums.groupOf(c) * buckets.length + sums.bucketOf(c);
    const parts = places.get(place);
    if (parts) parts.push(c);
    else places.set(place, [c]);
  }
  const cells: RollupCell[] = [];
  for (const parts of places.values()) {
    const group = groupById(sums.groupOf(parts[0]!));
    const resolved = parts.map((c): { cell: RollupCell; rank: DatasetRank } => {
      const facts = factsOf.get(c);
      if (!facts) {
        const cell = sums.toRollupCell(c, group, buckets);
        return { cell, rank: rankOf(cell.figure.datasetId, cell.figure.sourceIds) };
      }
      const resolved = resolveDataset(facts, true);
      const { chosen, ...figure } = resolved;
      const { start, end, coarser } = buckets[sums.bucketOf(c)]!;
      return {
        cell: { group, start, end, coarser, figure, ...placeOfChosen(chosen) },
        rank: { priority: chosen[0]!.priority, latestSource: latestSource(resolved) },
      };
    });
    if (resolved.length === 1) {
      cells.push(resolved[0]!.cell);
      continue;
    }
    const { best, alternatives } = chooseDataset(
      resolved,
      (r) => r.cell.figure,
      (r) => r.rank,
    );
    cells.push({ ...best.cell, figure: { ...best.cell.figure, alternatives } });
  }
  return cells;
}

/**
 * The facts of the cells' parts that hold a non-simple row, by part: read for those datasets and groups alone, and
 * checked against the rollups' count of each part's facts.
 */
function readNotSimple(
  db: ReadonlyDb,
  metric: Metric,
  filter: FactFilter,
  groupBy: GroupBy,
  bucketOf: BucketOfPeriod,
  { sums, groupOf: groupById, buckets }: RolledCells,
  notSimple: Set<number>,
): Map<number, QueryFactRow[]> | null {
  const factsOf = new Map<number, QueryFactRow[]>();
  if (!notSimple.size) return factsOf;
  const datasets = new Set<string>();
  const groups = new Map<string, number>();
  for (const c of notSimple) {
    datasets.add(sums.datasetOf(c));
    groups.set(groupById(sums.groupOf(c)).key, sums.groupOf(c));
  }
  const segments = new Map(sums.segments.map((s, k) => [s.datasetId, k]));
  const bucketIds = new Map(buckets.map((b, id) => [`${b.start}/${b.end}/${b.coarser}`, id]));
  // Rows of no value of the grouped dimension (group -1) are not a filter's to name: their groups are not narrowed.
  const narrowed = [...groups.values()].some((g) => g < 0)
    ? { ...filter, dataset: [...datasets] }
    : { ...filter, dataset: [...datasets], [groupBy]: [...groups.keys()] };
  // The datasets' own entries, where they hold fewer facts than the query's groups hold in every dataset (a curated
  // dataset beside a customs download of a million facts).
  let inGroups = 0;
  const grouped = new Set(groups.values());
  for (let c = 0; c < sums.count; c++) if (grouped.has(sums.groupOf(c))) inGroups += sums.figureOf(c).factCount;
  const rows = prepareCached(db, `SELECT sum(row_count) FROM datasets WHERE id IN ${dialectOf(db).jsonList("?")}`)
    .pluck()
    .get(JSON.stringify([...datasets]));
  const byDataset = Number(rows) < inGroups;
  for (const f of findFactsForQuery(db, metric, narrowed, "overlaps", byDataset)) {
    const b = bucketOf(f.periodStart, f.periodEnd);
    const bucket = b && bucketIds.get(`${b.start}/${b.end}/${b.coarser}`);
    const group = groups.get(groupOf(f, groupBy).key);
    const segment = segments.get(f.datasetId);
    if (bucket === undefined || bucket === null || group === undefined || segment === undefined) continue;
    const c = sums.find(cellKey(group, bucket, buckets.length, sums.segments.length, segment));
    if (!notSimple.has(c)) continue;
    const facts = factsOf.get(c);
    if (facts) facts.push(f);
    else factsOf.set(c, [f]);
  }
  for (const c of notSimple) if (factsOf.get(c)?.length !== sums.figureOf(c).factCount) return null;
  return factsOf;
}

/** A dataset's rank among others for a cell's figure: its priority, and the latest date of the sources given. */
function datasetRanker(db: ReadonlyDb): (datasetId: string, sourceIds: number[]) => DatasetRank {
  const priorities = new Map<string, number>();
  const dates = new Map<number, string>();
  const priority = prepareCached(db, "SELECT priority FROM datasets WHERE id = ?").pluck();
  const published = prepareCached(db, "SELECT published_on FROM sources WHERE id = ?").pluck();
  return (datasetId, sourceIds) => {
    let p = priorities.get(datasetId);
    if (p === undefined) priorities.set(datasetId, (p = Number(priority.get(datasetId))));
    let latestSource = "";
    for (const id of sourceIds) {
      let date = dates.get(id);
      if (date === undefined) dates.set(id, (date = published.get(id) as string));
      if (date > latestSource) latestSource = date;
    }
    return { priority: p, latestSource };
  };
}
