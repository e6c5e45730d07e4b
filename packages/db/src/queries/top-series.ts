import type { EstimateKind, Series, SeriesPoint, SeriesResponse } from "@chipflow/core";
import { weakerKind } from "./resolve-cell.js";
import { IdMarks } from "./id-marks.js";

const sizeOf = (s: Series) => s.points.reduce((sum, p) => sum + Math.abs(p.value ?? p.high ?? 0), 0);

/**
 * Keeps the `top` largest series (by the sum of their values) and, for an additive metric, adds up the rest
 * per cell into one series keyed `other`. Groups are disjoint, so adding them counts nothing twice; cells only
 * add up when they cover exactly the same period, so a coarser figure is never mixed with finer ones.
 */
export function topSeries(
  series: Series[],
  top: number | undefined,
  additive: boolean,
): Pick<SeriesResponse, "series" | "other"> {
  if (top === undefined || series.length <= top) return { series, other: null };
  const sizes = new Map(series.map((s) => [s, sizeOf(s)]));
  const ranked = [...series].sort((a, b) => sizes.get(b)! - sizes.get(a)! || a.label.localeCompare(b.label));
  const kept = ranked.slice(0, top);
  const rest = ranked.slice(top);
  const other = { keys: rest.map((s) => s.key), folded: additive };
  if (!additive) return { series: kept, other };
  const fold = new OtherFold();
  for (const p of rest.flatMap((s) => s.points)) fold.add(p, (into) => p.sourceIds.forEach((id) => into.add(id)));
  return { series: [...kept, { key: "other", label: "Other", points: fold.points() }], other };
}

/** What a point of Other takes from each of its parts. */
export type OtherPart = Pick<
  SeriesPoint,
  | "periodStart"
  | "periodEnd"
  | "label"
  | "coarser"
  | "coverage"
  | "granularity"
  | "basis"
  | "value"
  | "low"
  | "high"
  | "estimateKind"
>;

interface OtherPoint {
  first: OtherPart;
  parts: number;
  value: number | null;
  low: number | null;
  high: number | null;
  kind: EstimateKind;
  sameCoverage: boolean;
  sources: IdMarks;
}

const plus = (a: number | null, b: number | null) => (a === null || b === null ? null : a + b);

/**
 * The points of Other as the parts (the rest groups' points, in rank order) come in: parts of exactly the same period
 * add up; a point of several parts is a sum with no single dataset or confidence, and with mixed coverages "some
 * groups in part only". Its dates, label and granularity are its first part's.
 */
export class OtherFold {
  private readonly byPeriod = new Map<string, OtherPoint>();

  /** Adds a part; `period` is its `periodStart/periodEnd`, for a caller that has it already. */
  add(part: OtherPart, addSources: (into: IdMarks) => void, period = `${part.periodStart}/${part.periodEnd}`): void {
    let point = this.byPeriod.get(period);
    if (!point) {
      const sources = new IdMarks();
      point = { first: part, parts: 0, value: 0, low: 0, high: 0, kind: "reported", sameCoverage: true, sources };
      this.byPeriod.set(period, point);
    }
    point.parts++;
    point.value = plus(point.value, part.value);
    point.low = plus(point.low, part.low);
    point.high = plus(point.high, part.high);
    point.kind = weakerKind(point.kind, part.estimateKind);
    point.sameCoverage &&= part.coverage === point.first.coverage;
    addSources(point.sources);
  }

  points(): SeriesPoint[] {
    return [...this.byPeriod.values()]
      .map(({ first, parts, value, low, high, kind, sameCoverage, sources }): SeriesPoint => ({
        periodStart: first.periodStart,
        periodEnd: first.periodEnd,
        label: first.label,
        value,
        low,
        high,
        estimateKind: kind,
        confidence: null,
        coarser: first.coarser,
        coverage: sameCoverage ? first.coverage : "some groups in part only",
        granularity: first.granularity,
        basis: parts > 1 ? "sum" : first.basis,
        sourceIds: sources.sorted(),
        alternatives: [],
      }))
      .sort((a, b) => a.periodStart.localeCompare(b.periodStart) || a.periodEnd.localeCompare(b.periodEnd));
  }
}
