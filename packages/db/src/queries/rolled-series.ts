import {
  toBucketLabel,
  toCoverage,
  type Series,
  type SeriesPoint,
  type SeriesQuery,
  type SeriesResponse,
} from "@chipflow/core";
import type { ReadonlyDb } from "../handles.js";
import type { CellSums } from "../rollups/cell-sums.js";
import type { RolledCells } from "../rollups/find-rollup-cells.js";
import { isAggregateGroup } from "./aggregate-group.js";
import { ownPeriodFinder } from "./own-period.js";
import { OtherFold } from "./top-series.js";
import { listUnitCategories, unitCategoriesOf } from "./unit-categories.js";
import { sortedIds } from "./sorted-ids.js";

/** What a point takes from where its cell lies, and its `periodStart/periodEnd` (what Other adds up by). */
type Placement = Pick<SeriesPoint, "periodStart" | "periodEnd" | "label" | "coarser" | "coverage" | "granularity"> & {
  period: string;
};
type Shown = Pick<SeriesResponse, "series" | "other" | "total" | "categories">;

const byPeriod = (
  a: Pick<SeriesPoint, "periodStart" | "periodEnd">,
  b: Pick<SeriesPoint, "periodStart" | "periodEnd">,
) => a.periodStart.localeCompare(b.periodStart) || a.periodEnd.localeCompare(b.periodEnd);

/**
 * A series answer from rollups, the same as `findSeries` gives from facts: its groups ranked by the sizes of their
 * cells first, then points built only for the groups shown (the top N, and World) while the rest are folded into
 * Other straight from their sums, as `topSeries` folds points. So a vendor's series by 200 countries builds the
 * points of seven.
 */
export function rolledSeries(db: ReadonlyDb, rolled: RolledCells, query: SeriesQuery): Shown {
  const { sums, groupOf, buckets } = rolled;
  const ownPeriod = ownPeriodFinder(db, query.metric);
  // Cells share few distinct places (buckets, dates and coverages): each one's point dates, label and coverage are
  // worked out once.
  const placements = new Map<number | string, Placement>();
  const placementOf = (c: number): Placement => {
    const key = sums.placeKey(c, buckets);
    let placement = placements.get(key);
    if (!placement) {
      const { start, end, coarser, periodStart, periodEnd, granularity, periods, datasetId } = sums.placeOf(c, buckets);
      const own = ownPeriod(periodStart, periodEnd, granularity, datasetId);
      const pointStart = own?.start ?? start;
      const pointEnd = own?.end ?? end;
      placement = {
        periodStart: pointStart,
        periodEnd: pointEnd,
        period: `${pointStart}/${pointEnd}`,
        label: own?.label ?? (coarser ? `${start} – ${end}` : toBucketLabel(start, query.interval)),
        coarser,
        coverage: coarser ? null : toCoverage(query.interval, granularity, periodStart, periodEnd, periods),
        granularity,
      };
      placements.set(key, placement);
    }
    return placement;
  };

  // Every cell counts for the categories (units of two are never added), shown or not.
  const categorySets = new Map<string, Set<string>>();
  const cellsOf = new Map<number, number[]>();
  const sizes = new Map<number, number>();
  for (let c = 0; c < sums.count; c++) {
    const names = sums.categoriesOf(c);
    const key = names.length === 1 ? names[0]! : names.join(",");
    if (!categorySets.has(key)) categorySets.set(key, unitCategoriesOf(query.metric, names, query.groupBy));
    const group = sums.groupOf(c);
    const cells = cellsOf.get(group);
    if (cells) cells.push(c);
    else cellsOf.set(group, [c]);
    sizes.set(group, (sizes.get(group) ?? 0) + sums.sizeOf(c));
  }
  const categories = listUnitCategories(categorySets.values());

  const toSeries = (id: number): Series => {
    const points = cellsOf.get(id)!.map((c): SeriesPoint => {
      const { value, low, high, estimateKind, confidence, basis, datasetId } = sums.figureOf(c);
      const sources = new Set<number>();
      sums.addSources(c, sources);
      const { periodStart, periodEnd, label, coarser, coverage, granularity } = placementOf(c);
      return {
        periodStart,
        periodEnd,
        label,
        value,
        low,
        high,
        estimateKind,
        confidence,
        coarser,
        coverage,
        granularity,
        basis,
        sourceIds: sortedIds(sources),
        datasetId,
        alternatives: [],
      };
    });
    return { ...groupOf(id), points: points.sort(byPeriod) };
  };

  const ids = [...cellsOf.keys()];
  const totalId = ids.find((id) => isAggregateGroup(query.groupBy, groupOf(id).key));
  const total = totalId === undefined ? null : toSeries(totalId);
  const byLabel = ids.filter((id) => id !== totalId).sort((a, b) => groupOf(a).label.localeCompare(groupOf(b).label));
  if (query.top === undefined || byLabel.length <= query.top)
    return { series: byLabel.map(toSeries), other: null, categories, total };
  const ranked = [...byLabel].sort(
    (a, b) => sizes.get(b)! - sizes.get(a)! || groupOf(a).label.localeCompare(groupOf(b).label),
  );
  const rest = ranked.slice(query.top);
  const other = { keys: rest.map((id) => groupOf(id).key), folded: categories.length <= 1 };
  const series = ranked.slice(0, query.top).map(toSeries);
  if (other.folded) series.push({ key: "other", label: "Other", points: foldOther(sums, rest, cellsOf, placementOf) });
  return { series, other, categories, total };
}

/**
 * The Other series of `topSeries`, from the rest groups' sums: their cells, in rank order and each group's by period,
 * added up by the same `OtherFold` as the exact path's points.
 */
function foldOther(
  sums: CellSums,
  rest: number[],
  cellsOf: Map<number, number[]>,
  placementOf: (c: number) => Placement,
): SeriesPoint[] {
  const fold = new OtherFold();
  for (const id of rest) {
    const cells = cellsOf.get(id)!;
    const placed = cells.map(placementOf);
    const order = cells.map((_, k) => k);
    order.sort((a, b) => byPeriod(placed[a]!, placed[b]!));
    for (const k of order) {
      const c = cells[k]!;
      const { periodStart, periodEnd, label, coarser, coverage, granularity } = placed[k]!;
      const { value, low, high, estimateKind, basis } = sums.figureOf(c);
      const part = {
        periodStart,
        periodEnd,
        label,
        coarser,
        coverage,
        granularity,
        basis,
        value,
        low,
        high,
        estimateKind,
      };
      fold.add(part, (into) => sums.addSources(c, into), placed[k]!.period);
    }
  }
  return fold.points();
}
