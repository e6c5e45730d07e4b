import type { Alternative, Confidence, EstimateKind, Figure } from "@chipflow/core";
import { GRANULARITY_RANK, daysInclusive, groupMap } from "@chipflow/core";
import { PickedFacts, generalityOf, identityOf } from "./fact-overlap.js";
import type { QueryFactRow } from "./find-facts-for-query.js";
import { sortedIds } from "./sorted-ids.js";

/** A resolved cell: the figure, plus the facts that give its value (for labels, periods and granularity). */
export interface ResolvedCell extends Figure {
  chosen: QueryFactRow[];
}

const CONFIDENCE_RANK: Record<Confidence, number> = { high: 3, medium: 2, low: 1 };
const KIND_RANK: Record<EstimateKind, number> = { reported: 3, estimate: 2, forecast: 1 };

/**
 * Competing facts of one identity, preferred first: higher dataset priority, then a point value over a range only,
 * then higher confidence, then the most recent source, then the earliest stored.
 */
export function byPreference(a: QueryFactRow, b: QueryFactRow): number {
  return (
    b.priority - a.priority ||
    Number(b.value !== null) - Number(a.value !== null) ||
    (b.confidence ? CONFIDENCE_RANK[b.confidence] : 0) - (a.confidence ? CONFIDENCE_RANK[a.confidence] : 0) ||
    b.sourceDate.localeCompare(a.sourceDate) ||
    a.id - b.id
  );
}

const lowOf = (f: QueryFactRow) => f.low ?? f.value;
const highOf = (f: QueryFactRow) => f.high ?? f.value;
const minOf = (xs: (number | null)[]) =>
  xs.some((x) => x !== null) ? Math.min(...xs.filter((x) => x !== null)) : null;
const maxOf = (xs: (number | null)[]) =>
  xs.some((x) => x !== null) ? Math.max(...xs.filter((x) => x !== null)) : null;
const sumOf = (xs: (number | null)[]) => (xs.every((x) => x !== null) ? xs.reduce((s, x) => s + x, 0) : null);

const toAlternative = (f: QueryFactRow): Alternative => ({
  value: f.value,
  low: f.low,
  high: f.high,
  sourceId: f.sourceId,
  datasetId: f.datasetId,
  estimateKind: f.estimateKind,
});

/** The weaker of two kinds: a forecast over an estimate, an estimate over a reported figure. */
export const weakerKind = (a: EstimateKind, b: EstimateKind): EstimateKind => (KIND_RANK[b] < KIND_RANK[a] ? b : a);

/** The lower of two confidences; a missing one gives way to the other. */
const weakerConfidence = (a: Confidence | null, b: Confidence | null): Confidence | null =>
  b && (!a || CONFIDENCE_RANK[b] < CONFIDENCE_RANK[a]) ? b : a;

/** The weakest kind among the facts: one forecast makes the figure a forecast. */
export function weakestKind(kinds: EstimateKind[]): EstimateKind {
  return kinds.reduce<EstimateKind>(weakerKind, "reported");
}

/** The length of a fact's period in days, worked out once per distinct period. */
const DAYS = new Map<string, number>();
function daysOf(f: QueryFactRow): number {
  const key = `${f.periodStart}/${f.periodEnd}`;
  let days = DAYS.get(key);
  if (days === undefined) {
    days = daysInclusive(f.periodStart, f.periodEnd);
    if (DAYS.size > 100_000) DAYS.clear();
    DAYS.set(key, days);
  }
  return days;
}

/** Resolves the facts of one dataset in one cell. */
export function resolveDataset(facts: QueryFactRow[], additive: boolean): ResolvedCell {
  // Totals first (most dimensions left open, then the longest period), so a reported total wins over its parts.
  const ranked = [...groupMap(facts, identityOf).values()]
    .map((list) => {
      const best = list.sort(byPreference)[0]!;
      return { list, generality: generalityOf(best), days: daysOf(best) };
    })
    .sort((a, b) => b.generality - a.generality || b.days - a.days || byPreference(a.list[0]!, b.list[0]!))
    .map((r) => r.list);
  const picked: QueryFactRow[][] = [];
  const pickedFacts = new PickedFacts();
  for (const list of ranked) {
    if (!additive && picked.length) break;
    if (pickedFacts.disjointFromAll(list[0]!)) {
      picked.push(list);
      pickedFacts.add(list[0]!);
    }
  }
  const chosen = picked.map((list) => list[0]!);
  const single = picked.length === 1 ? picked[0]! : null;
  return {
    value: sumOf(chosen.map((f) => f.value)),
    low: single ? minOf(single.map(lowOf)) : sumOf(picked.map((list) => minOf(list.map(lowOf)))),
    high: single ? maxOf(single.map(highOf)) : sumOf(picked.map((list) => maxOf(list.map(highOf)))),
    estimateKind: weakestKind(chosen.map((f) => f.estimateKind)),
    confidence: chosen.reduce<Confidence | null>((c, f) => weakerConfidence(c, f.confidence), null),
    basis: single ? "reported" : "sum",
    datasetId: chosen[0]!.datasetId,
    sourceIds: sortedIds(chosen.map((f) => f.sourceId)),
    alternatives: single ? single.slice(1).map(toAlternative) : [],
    factCount: chosen.length,
    chosen,
  };
}

/**
 * The figure of one cell (a group over a bucket or period), by the aggregation rules:
 * - within a dataset, facts of the same identity compete: the preferred one (see `byPreference`) gives the value,
 *   the others are alternatives, and low/high span them all;
 * - for additive metrics, facts about different things are added up, but a fact that may include another (a vendor
 *   total and its products, a year and its quarters) is never added to it: the total wins (`basis: reported`) and
 *   parts are summed only where no total holds them (`basis: sum`);
 * - for shares, prices and levies nothing is added: the most general, preferred figure stands;
 * - datasets are never mixed: the dataset of highest priority gives the figure, and each other dataset's own
 *   figure for the cell is one more alternative (see `chooseDataset`).
 */
export function resolveCell(facts: QueryFactRow[], additive: boolean): ResolvedCell {
  const results = [...groupMap(facts, (f) => f.datasetId).values()].map((list) => resolveDataset(list, additive));
  const { best, alternatives } = chooseDataset(
    results,
    (r) => r,
    (r) => ({ priority: r.chosen[0]!.priority, latestSource: latestSource(r) }),
  );
  return { ...best, alternatives };
}

/** What datasets' figures for one cell are ranked by: the dataset's priority and its latest source's date. */
export interface DatasetRank {
  priority: number;
  latestSource: string;
}

/**
 * One cell's figure among each dataset's own figure for it: the dataset of highest priority gives it, then one with
 * a value, then the one of the latest source, then the first by id. Each other dataset's figure is one more
 * alternative, after the chosen figure's own.
 */
export function chooseDataset<T>(
  results: T[],
  figureOf: (r: T) => Figure,
  rankOf: (r: T) => DatasetRank,
): { best: T; alternatives: Alternative[] } {
  const ranked = results.map((r) => ({ r, figure: figureOf(r), ...rankOf(r) }));
  ranked.sort(
    (a, b) =>
      b.priority - a.priority ||
      Number(b.figure.value !== null) - Number(a.figure.value !== null) ||
      b.latestSource.localeCompare(a.latestSource) ||
      a.figure.datasetId.localeCompare(b.figure.datasetId),
  );
  const [best, ...others] = ranked;
  return {
    best: best!.r,
    alternatives: [
      ...best!.figure.alternatives,
      ...others.map(({ figure: f }) => ({
        value: f.value,
        low: f.low,
        high: f.high,
        sourceId: f.sourceIds[0]!,
        sourceIds: f.sourceIds,
        basis: f.basis,
        datasetId: f.datasetId,
        estimateKind: f.estimateKind,
      })),
    ],
  };
}

/** Where the facts chosen for a cell lie: their span, coarsest granularity, distinct starts, categories and label. */
export function placeOfChosen(chosen: QueryFactRow[]) {
  const first = chosen[0]!;
  return {
    granularity: chosen.reduce(
      (g, f) => (GRANULARITY_RANK[f.granularity] > GRANULARITY_RANK[g] ? f.granularity : g),
      first.granularity,
    ),
    periodStart: chosen.reduce((d, f) => (f.periodStart < d ? f.periodStart : d), first.periodStart),
    periodEnd: chosen.reduce((d, f) => (f.periodEnd > d ? f.periodEnd : d), first.periodEnd),
    periods: new Set(chosen.map((f) => f.periodStart)).size,
    categories: chosen.map((f) => f.category),
    label: first.periodLabel,
  };
}

/** The date of the latest source among a resolved cell's chosen facts. */
export const latestSource = (r: ResolvedCell) => r.chosen.reduce((d, f) => (f.sourceDate > d ? f.sourceDate : d), "");

/** Every source id a resolved cell refers to, its alternatives' included. */
export function sourceIdsOf(cell: Pick<Figure, "sourceIds" | "alternatives">): number[] {
  return [...cell.sourceIds, ...cell.alternatives.flatMap((a) => a.sourceIds ?? [a.sourceId])];
}
