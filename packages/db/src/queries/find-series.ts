import {
  METRICS,
  isCoarserThan,
  toCoverage,
  toBucketEnd,
  toBucketLabel,
  toFactBucket,
  type Series,
  type SeriesQuery,
  type SeriesResponse,
} from "@chipflow/core";
import type { ReadonlyDb } from "../handles.js";
import { findRollupCells, type Bucket, type RollupCell } from "../rollups/find-rollup-cells.js";
import { rolledSeries } from "./rolled-series.js";
import { isAggregateGroup } from "./aggregate-group.js";
import { findFactsForQuery, type QueryFactRow } from "./find-facts-for-query.js";
import { groupOf } from "./group-of.js";
import { listSourcesByIds } from "./list-sources.js";
import { ownPeriodFinder } from "./own-period.js";
import { placeOfChosen, resolveCell, sourceIdsOf } from "./resolve-cell.js";
import { topSeries } from "./top-series.js";
import { listUnitCategories, unitCategoriesOf } from "./unit-categories.js";

interface Cell {
  group: { key: string; label: string };
  start: string;
  end: string;
  coarser: boolean;
  facts: QueryFactRow[];
}

/**
 * One metric grouped by one dimension per interval, each cell resolved by `resolveCell` (no double counting of
 * totals and parts, competing estimates or datasets). A fact longer than the interval is shown over its whole span
 * and marked `coarser`, never split; it forms its own cell, so it is never added to finer figures. A point whose
 * figures all cover one fiscal period keeps that period's own dates and name ("Q3 FY2025"). World, grouping
 * by place, is returned apart as `total`: never one of the series, never ranked, stacked or folded into Other.
 */
export function findSeries(db: ReadonlyDb, query: SeriesQuery): SeriesResponse {
  const metric = METRICS[query.metric];
  // Facts share few distinct periods: each period's bucket is worked out once.
  const buckets = new Map<string, Bucket>();
  const bucketOf = (periodStart: string, periodEnd: string) => {
    const key = `${periodStart}/${periodEnd}`;
    let bucket = buckets.get(key);
    if (!bucket) {
      const coarser = isCoarserThan(periodStart, periodEnd, query.interval);
      const start = coarser ? periodStart : toFactBucket(periodStart, periodEnd, query.interval);
      bucket = { coarser, start, end: coarser ? periodEnd : toBucketEnd(start, query.interval) };
      buckets.set(key, bucket);
    }
    return bucket;
  };
  const additive = metric.aggregation === "sum";
  const rolled = findRollupCells(db, query.metric, additive, query, query.groupBy, bucketOf);
  const shown = !rolled
    ? seriesOfCells(db, exactCells(db, query, bucketOf), query)
    : rolled.cells
      ? seriesOfCells(db, rolled.cells, query)
      : rolledSeries(db, rolled, query);
  // Each point lists its sources: a Set takes them as they come, without joining the lists first.
  const sourceIds = new Set<number>();
  for (const s of shown.total ? [...shown.series, shown.total] : shown.series)
    for (const p of s.points) for (const id of sourceIdsOf(p)) sourceIds.add(id);
  return {
    metric: { id: query.metric, ...metric },
    groupBy: query.groupBy,
    interval: query.interval,
    ...shown,
    sources: listSourcesByIds(db, sourceIds),
  };
}

/** The cells of a series from the facts themselves, each resolved by `resolveCell`. */
function exactCells(
  db: ReadonlyDb,
  query: SeriesQuery,
  bucketOfPeriod: (start: string, end: string) => Bucket,
): RollupCell[] {
  const additive = METRICS[query.metric].aggregation === "sum";
  const cells = new Map<string, Cell>();
  for (const f of findFactsForQuery(db, query.metric, query)) {
    const { coarser, start, end } = bucketOfPeriod(f.periodStart, f.periodEnd);
    const group = groupOf(f, query.groupBy);
    const key = `${group.key}\u0000${start}\u0000${end}`;
    const cell = cells.get(key);
    if (cell) cell.facts.push(f);
    else cells.set(key, { group, start, end, coarser, facts: [f] });
  }
  return [...cells.values()].map(({ facts, ...cell }) => {
    const { chosen, ...figure } = resolveCell(facts, additive);
    return { ...cell, figure, ...placeOfChosen(chosen) };
  });
}

/** A series answer from its resolved cells, each one point of its group's series. */
function seriesOfCells(
  db: ReadonlyDb,
  cells: RollupCell[],
  query: SeriesQuery,
): Pick<SeriesResponse, "series" | "other" | "total" | "categories"> {
  const additive = METRICS[query.metric].aggregation === "sum";
  const series = new Map<string, Series>();
  const ownPeriod = ownPeriodFinder(db, query.metric);
  const categories: Set<string>[] = [];
  for (const cell of cells) {
    const { figure } = cell;
    categories.push(unitCategoriesOf(query.metric, cell.categories, query.groupBy));
    const s = series.get(cell.group.key) ?? { key: cell.group.key, label: cell.group.label, points: [] };
    const own = ownPeriod(cell.periodStart, cell.periodEnd, cell.granularity, figure.datasetId);
    s.points.push({
      periodStart: own?.start ?? cell.start,
      periodEnd: own?.end ?? cell.end,
      label:
        own?.label ??
        (cell.coarser ? (cell.label ?? `${cell.start} – ${cell.end}`) : toBucketLabel(cell.start, query.interval)),
      value: figure.value,
      low: figure.low,
      high: figure.high,
      estimateKind: figure.estimateKind,
      confidence: figure.confidence,
      coarser: cell.coarser,
      coverage: cell.coarser
        ? null
        : toCoverage(query.interval, cell.granularity, cell.periodStart, cell.periodEnd, cell.periods),
      granularity: cell.granularity,
      basis: figure.basis,
      sourceIds: figure.sourceIds,
      datasetId: figure.datasetId,
      alternatives: figure.alternatives,
    });
    series.set(cell.group.key, s);
  }

  for (const s of series.values())
    s.points.sort((a, b) => a.periodStart.localeCompare(b.periodStart) || a.periodEnd.localeCompare(b.periodEnd));
  const total = [...series.values()].find((s) => isAggregateGroup(query.groupBy, s.key)) ?? null;
  const byLabel = [...series.values()].filter((s) => s !== total).sort((a, b) => a.label.localeCompare(b.label));
  // Series of units of different categories are never added: no Other, no stack.
  const unitCategories = listUnitCategories(categories);
  return {
    ...topSeries(byLabel, query.top, additive && unitCategories.length <= 1),
    categories: unitCategories,
    total,
  };
}
