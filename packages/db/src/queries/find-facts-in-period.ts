import type { FactFilter, Metric } from "@chipflow/core";
import type { ReadonlyDb } from "../handles.js";
import { countFactsForQuery, findFactsForQuery, type PeriodMatch, type QueryFactRow } from "./find-facts-for-query.js";

/** Reads the facts of a query that match its period range in some way (see `PeriodMatch`). */
type FactReader<T> = (db: ReadonlyDb, metric: Metric, filter: FactFilter, match: PeriodMatch) => T[];

/**
 * The facts of a metric whose whole period lies inside `from`..`to`, and how many more overlap it only in part.
 * A figure for a longer period is never cut to fit: it is left out and counted. Only the facts that start in the
 * range are read (by `read`, all their columns by default); those that start before it and run into it are only
 * counted.
 */
export function findFactsInPeriod(
  db: ReadonlyDb,
  metric: Metric,
  filter: FactFilter,
): { facts: QueryFactRow[]; excluded: number };
export function findFactsInPeriod<T extends Pick<QueryFactRow, "periodEnd">>(
  db: ReadonlyDb,
  metric: Metric,
  filter: FactFilter,
  read: FactReader<T>,
): { facts: T[]; excluded: number };
export function findFactsInPeriod(
  db: ReadonlyDb,
  metric: Metric,
  filter: FactFilter,
  read: FactReader<Pick<QueryFactRow, "periodEnd">> = findFactsForQuery,
) {
  const starting = read(db, metric, filter, "starts-in");
  const facts = filter.to ? starting.filter((f) => f.periodEnd <= filter.to!) : starting;
  const runningIn = filter.from ? countFactsForQuery(db, metric, filter, "runs-in") : 0;
  return { facts, excluded: starting.length - facts.length + runningIn };
}
