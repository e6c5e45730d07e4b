import { METRICS, type BreakdownQuery, type BreakdownResponse, type BreakdownRow } from "@chipflow/core";
import type { ReadonlyDb } from "../handles.js";
import { findRollupCells, listRollupCells } from "../rollups/find-rollup-cells.js";
import type { QueryFactRow } from "./find-facts-for-query.js";
import { findFactsInPeriod } from "./find-facts-in-period.js";
import { findContainedGroups, isAggregateGroup } from "./aggregate-group.js";
import { groupOf } from "./group-of.js";
import { listSourcesByIds } from "./list-sources.js";
import { resolveCell, sourceIdsOf } from "./resolve-cell.js";
import { listUnitCategories, unitCategoriesOf } from "./unit-categories.js";

/**
 * One metric, one dimension, ranked over a period. Each group is one cell resolved by `resolveCell`, so a vendor
 * total wins over its products, a year over its quarters, and competing estimates and datasets are never added.
 * World, grouping by place, is not a row: it is the reported total, which wins over the sum of the rows. A product
 * inside another listed product is a row of its own but is never added to the total again. Units add up only within
 * one product category: a row that would add two is refused, and rows of different categories have no total.
 */
export function findBreakdown(db: ReadonlyDb, query: BreakdownQuery): BreakdownResponse {
  const metric = METRICS[query.metric];
  const additive = metric.aggregation === "sum";
  const inside = (start: string, end: string) =>
    (!query.from || start >= query.from) && (!query.to || end <= query.to)
      ? { start: "", end: "", coarser: false }
      : null;
  const rolled = findRollupCells(db, query.metric, additive, query, query.groupBy, inside);
  const { facts, excluded } = rolled
    ? { facts: [], excluded: rolled.excluded }
    : findFactsInPeriod(db, query.metric, query);
  const groups = new Map<string, { key: string; label: string; facts: QueryFactRow[] }>();
  for (const f of facts) {
    const g = groupOf(f, query.groupBy);
    const entry = groups.get(g.key);
    if (entry) entry.facts.push(f);
    else groups.set(g.key, { ...g, facts: [f] });
  }
  const categories: Set<string>[] = [];
  const rows = [...groups.values()].map(({ key, label, facts: list }) => {
    const { chosen, ...figure } = resolveCell(list, additive);
    categories.push(
      unitCategoriesOf(
        query.metric,
        chosen.map((f) => f.category),
        query.groupBy,
      ),
    );
    return {
      key,
      label,
      ...figure,
      periodStart: chosen.reduce((d, f) => (f.periodStart < d ? f.periodStart : d), chosen[0]!.periodStart),
      periodEnd: chosen.reduce((d, f) => (f.periodEnd > d ? f.periodEnd : d), chosen[0]!.periodEnd),
    };
  });
  // Rows summed from the rollups get their sources once ranked: a breakdown lists those of the rows it shows alone
  // (of 200 destinations, 12), and a row's sources are the union of its rollup rows' (a customs cell: hundreds).
  const unsourced = new Map<object, number>();
  for (const [c, cell] of (rolled ? listRollupCells(rolled, false) : []).entries()) {
    categories.push(unitCategoriesOf(query.metric, cell.categories, query.groupBy));
    const row = {
      key: cell.group.key,
      label: cell.group.label,
      ...cell.figure,
      periodStart: cell.periodStart,
      periodEnd: cell.periodEnd,
    };
    rows.push(row);
    if (!rolled!.cells) unsourced.set(row, c);
  }
  const unitCategories = listUnitCategories(categories);
  rows.sort((a, b) => (b.value ?? b.high ?? 0) - (a.value ?? a.high ?? 0) || a.label.localeCompare(b.label));
  const reported = rows.find((r) => isAggregateGroup(query.groupBy, r.key));
  const parts = rows.filter((r) => r !== reported);
  // A group inside another listed group (a product within its parent) is listed, but never added to the total.
  const contained = findContainedGroups(
    db,
    query.groupBy,
    parts.map((r) => r.key),
  );
  const added = parts.filter((r) => !contained.has(r.key));
  const adds = additive && unitCategories.length <= 1;
  const sum = adds && added.every((r) => r.value !== null) ? added.reduce((s, r) => s + r.value!, 0) : null;
  // A reported total wins over the sum of its parts, where it can hold them (same scope: not below their sum).
  const holds = reported?.value != null && adds && (sum === null || reported.value >= sum * (1 - 1e-9));
  const total = holds ? reported.value : sum;
  const shown = parts.slice(0, query.top ?? rows.length);
  for (const row of holds ? [...shown, reported] : shown) {
    const c = unsourced.get(row);
    if (c !== undefined) row.sourceIds = rolled!.sums.sourceIdsOf(c);
  }
  const ranked: BreakdownRow[] = shown.map((r, i) => ({
    ...r,
    rank: i + 1,
    share: total && r.value !== null ? r.value / total : null,
  }));
  return {
    metric: { id: query.metric, ...metric },
    groupBy: query.groupBy,
    from: query.from ?? null,
    to: query.to ?? null,
    rows: ranked,
    total,
    totalBasis: total === null ? null : holds ? "reported" : "sum",
    excludedFacts: excluded,
    categories: unitCategories,
    sources: listSourcesByIds(db, [...ranked, ...(holds ? [reported] : [])].flatMap(sourceIdsOf)),
  };
}
