import type { FactFilter, Metric } from "@chipflow/core";
import type { ReadonlyDb } from "../handles.js";
import { countFactsForQuery, findFactsForQuery, type QueryFactRow } from "./find-facts-for-query.js";

/**
 * The facts of a metric whose whole period lies inside `from`..`to`, and how many more overlap it only in part.
 * A figure for a longer period is never cut to fit: it is left out and counted. Only the facts that start in the
 * range are read; those that start before it and run into it are only counted.
 */
export function findFactsInPeriod(
  db: ReadonlyDb,
  metric: Metric,
  filter: FactFilter,
): { facts: QueryFactRow[]; excluded: number } {
  const starting = findFactsForQuery(db, metric, filter, "starts-in");
  const facts = filter.to ? starting.filter((f) => f.periodEnd <= filter.to!) : starting;
  const runningIn = filter.from ? countFactsForQuery(db, metric, filter, "runs-in") : 0;
  return { facts, excluded: starting.length - facts.length + runningIn };
}
