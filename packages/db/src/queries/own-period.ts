import { inferGranularity, toBucketEnd, toBucketStart, type Granularity, type Interval } from "@chipflow/core";
import type { ReadonlyDb } from "../handles.js";
import { prepareCached } from "./find-facts-for-query.js";

/** True when `start`..`end` is exactly one calendar month, quarter or year. */
function isCalendarPeriod(start: string, end: string): boolean {
  return (["month", "quarter", "year"] as Interval[]).some(
    (i) => toBucketStart(start, i) === start && toBucketEnd(start, i) === end,
  );
}

/**
 * Where a series point's figures come from when they all cover one and the same fiscal period (NVIDIA's FY2025,
 * Applied's Q3 FY2024): that period's own dates and the name its facts give it, so the point is labelled and
 * exported as the company's own period, never as the calendar bucket it falls in. `undefined` for a calendar period
 * or a cell whose facts cover several periods. Names are looked up once per dataset and period.
 */
export function ownPeriodFinder(db: ReadonlyDb, metric: string) {
  const labels = new Map<string, string | null>();
  const lookup = prepareCached(
    db,
    `SELECT period_label FROM facts
     WHERE metric = ? AND period_start = ? AND period_end = ? AND dataset_id = ? AND period_label IS NOT NULL LIMIT 1`,
  ).pluck();
  return (
    start: string,
    end: string,
    granularity: Granularity,
    datasetId: string | undefined,
  ): { start: string; end: string; label: string | null } | undefined => {
    if (inferGranularity(start, end) !== granularity || isCalendarPeriod(start, end)) return undefined;
    const key = `${datasetId ?? ""}/${start}/${end}`;
    if (!labels.has(key))
      labels.set(key, datasetId ? ((lookup.get(metric, start, end, datasetId) as string | undefined) ?? null) : null);
    return { start, end, label: labels.get(key)! };
  };
}
