import {
  METRICS,
  getCountry,
  isCoarserThan,
  toBucketEnd,
  toBucketLabel,
  toFactBucket,
  type GroupBy,
  type Series,
  type SeriesPoint,
  type SeriesQuery,
  type SeriesResponse,
} from "@chipflow/core";
import type { ReadonlyDb } from "../handles.js";
import { findFactsForQuery, type QueryFactRow } from "./find-facts-for-query.js";
import { listSourcesByIds } from "./list-sources.js";

const NOT_STATED = "(not stated)";

/** The key and label a fact has when grouped by `groupBy`. */
function groupOf(f: QueryFactRow, groupBy: GroupBy): { key: string; label: string } {
  switch (groupBy) {
    case "vendor":
      return { key: f.vendorId ?? "all", label: f.vendor ?? "All vendors" };
    case "product":
      return {
        key: f.productId ?? `all-${f.vendorId ?? "vendors"}`,
        label: f.product ?? `${f.vendor ?? "All"} (all products)`,
      };
    case "category":
      return { key: f.category ?? "all", label: f.category ?? "All categories" };
    case "buyer":
      return { key: f.buyerId ?? "none", label: f.buyer ?? NOT_STATED };
    case "origin":
    case "destination": {
      const code = f[groupBy];
      return code ? { key: code, label: getCountry(code).name } : { key: "none", label: NOT_STATED };
    }
  }
}

/** Facts about the same thing (same dimensions and period) from different sources or datasets compete. */
const identityOf = (f: QueryFactRow) =>
  [f.vendorId, f.productId, f.category, f.origin, f.destination, f.buyerId, f.periodStart, f.periodEnd].join("|");

/** Preferred first: higher dataset priority, then the most recent source. */
const byPreference = (a: QueryFactRow, b: QueryFactRow) =>
  b.priority - a.priority || b.sourceDate.localeCompare(a.sourceDate) || a.id - b.id;

/**
 * One metric grouped by one dimension per interval. Competing estimates of a cell are never summed: the
 * preferred one gives the value and the others come as alternatives. A fact longer than the interval is
 * shown over its whole span and marked `coarser`, never split.
 */
export function findSeries(db: ReadonlyDb, query: SeriesQuery): SeriesResponse {
  const metric = METRICS[query.metric];
  const facts = findFactsForQuery(db, query.metric, query);
  const cells = new Map<
    string,
    { group: { key: string; label: string }; start: string; end: string; coarser: boolean; facts: QueryFactRow[] }
  >();
  for (const f of facts) {
    const coarser = isCoarserThan(f.periodStart, f.periodEnd, query.interval);
    const start = coarser ? f.periodStart : toFactBucket(f.periodStart, f.periodEnd, query.interval);
    const end = coarser ? f.periodEnd : toBucketEnd(start, query.interval);
    const group = groupOf(f, query.groupBy);
    const key = `${group.key}\u0000${start}\u0000${end}`;
    const cell = cells.get(key) ?? { group, start, end, coarser, facts: [] };
    cell.facts.push(f);
    cells.set(key, cell);
  }

  const series = new Map<string, Series>();
  const sourceIds = new Set<number>();
  for (const cell of cells.values()) {
    const identities = new Map<string, QueryFactRow[]>();
    for (const f of cell.facts) identities.set(identityOf(f), [...(identities.get(identityOf(f)) ?? []), f]);
    const ranked = [...identities.values()].map((list) => list.sort(byPreference));
    const parts = metric.aggregation === "sum" ? ranked : ranked.slice(0, 1);
    const chosen = parts.map((list) => list[0]!);
    const others = ranked.flatMap((list, i) => (parts.length > 1 || i === 0 ? list.slice(1) : list));
    const sum = (pick: (f: QueryFactRow) => number | null) =>
      chosen.every((f) => pick(f) !== null) ? chosen.reduce((s, f) => s + pick(f)!, 0) : null;
    const first = chosen[0]!;
    const point: SeriesPoint = {
      periodStart: cell.start,
      periodEnd: cell.end,
      label: cell.coarser
        ? (first.periodLabel ?? `${cell.start} – ${cell.end}`)
        : toBucketLabel(cell.start, query.interval),
      value: sum((f) => f.value),
      low: sum((f) => f.low ?? f.value),
      high: sum((f) => f.high ?? f.value),
      estimateKind: chosen.some((f) => f.estimateKind === "forecast")
        ? "forecast"
        : chosen.some((f) => f.estimateKind === "estimate")
          ? "estimate"
          : "reported",
      confidence: first.confidence,
      coarser: cell.coarser,
      granularity: first.granularity,
      basis: chosen.length > 1 ? "sum" : "reported",
      sourceIds: [...new Set(chosen.map((f) => f.sourceId))],
      alternatives: others.map((f) => ({
        value: f.value,
        low: f.low,
        high: f.high,
        sourceId: f.sourceId,
        datasetId: f.datasetId,
        estimateKind: f.estimateKind,
      })),
    };
    for (const f of cell.facts) sourceIds.add(f.sourceId);
    const s = series.get(cell.group.key) ?? { key: cell.group.key, label: cell.group.label, points: [] };
    s.points.push(point);
    series.set(cell.group.key, s);
  }

  for (const s of series.values())
    s.points.sort((a, b) => a.periodStart.localeCompare(b.periodStart) || a.periodEnd.localeCompare(b.periodEnd));
  return {
    metric: { id: query.metric, ...metric },
    groupBy: query.groupBy,
    interval: query.interval,
    series: [...series.values()].sort((a, b) => a.label.localeCompare(b.label)),
    sources: listSourcesByIds(db, sourceIds),
  };
}
