import type { Series, SeriesPoint, SeriesResponse } from "@chipflow/core";
import { weakestKind } from "./resolve-cell.js";

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
  const cells = new Map<string, SeriesPoint[]>();
  for (const p of rest.flatMap((s) => s.points)) {
    const key = `${p.periodStart}/${p.periodEnd}`;
    const list = cells.get(key);
    if (list) list.push(p);
    else cells.set(key, [p]);
  }
  const sum = (xs: (number | null)[]) => (xs.every((x) => x !== null) ? xs.reduce((s, x) => s + x, 0) : null);
  const points = [...cells.values()]
    .map((ps): SeriesPoint => {
      const first = ps[0]!;
      const { datasetId: _mixed, ...rest } = first;
      return {
        ...rest,
        value: sum(ps.map((p) => p.value)),
        low: sum(ps.map((p) => p.low)),
        high: sum(ps.map((p) => p.high)),
        estimateKind: weakestKind(ps.map((p) => p.estimateKind)),
        confidence: null,
        basis: ps.length > 1 ? "sum" : first.basis,
        coverage: ps.every((p) => p.coverage === first.coverage) ? first.coverage : "some groups in part only",
        sourceIds: [...new Set(ps.flatMap((p) => p.sourceIds))].sort((a, b) => a - b),
        alternatives: [],
      };
    })
    .sort((a, b) => a.periodStart.localeCompare(b.periodStart) || a.periodEnd.localeCompare(b.periodEnd));
  return { series: [...kept, { key: "other", label: "Other", points }], other };
}
