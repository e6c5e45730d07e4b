import type { FactFilter, Metric } from "@chipflow/core";
import type { ReadonlyDb } from "../handles.js";
import { findFactsForQuery, type QueryFactRow } from "./find-facts-for-query.js";

/**
 * The facts of a metric whose whole period lies inside `from`..`to`, and how many more overlap it only in part.
 * A figure for a longer period is never cut to fit: it is left out and counted.
 */
export function findFactsInPeriod(
  db: ReadonlyDb,
  metric: Metric,
  filter: FactFilter,
): { facts: QueryFactRow[]; excluded: number } {
  const all = findFactsForQuery(db, metric, filter);
  const facts = all.filter(
    (f) => (!filter.from || f.periodStart >= filter.from) && (!filter.to || f.periodEnd <= filter.to),
  );
  return { facts, excluded: all.length - facts.length };
}
