import { breakdownQuerySchema, flowsQuerySchema, seriesQuerySchema } from "@chipflow/core";
import type { ReadonlyDb } from "../handles.js";
import { findBreakdown } from "../queries/find-breakdown.js";
import { findFlows } from "../queries/find-flows.js";
import { findSeries } from "../queries/find-series.js";

/** How often each shape is asked: V8 optimises a function after it has run a few times. */
const ROUNDS = 3;

/**
 * Asks the dashboard's query shapes of one vendor a few times on a query thread before the server listens, so that
 * the first requests find the query code optimised rather than interpreted: series as the dashboard asks them (top
 * 7 by destination, per quarter and per year, of revenue and of units), a breakdown by destination and a flow over
 * the first year of the data. The vendor is the last one stored. Series and breakdowns read the rollups in memory;
 * the flow reads that vendor's first year of facts. Nothing is cached. Queries go through `structuredClone` as a
 * request's do on their way to the thread, so that they take the same shape. Returns how many answered: a
 * database without facts asks nothing, and a shape it cannot answer (units of several categories) is passed over.
 */
export function warmUp(db: ReadonlyDb): number {
  const vendor = db.prepare("SELECT slug FROM vendors ORDER BY id DESC LIMIT 1").pluck().get() as string | undefined;
  const first = db.prepare("SELECT min(period_start) FROM facts").pluck().get() as string | null;
  if (!vendor || !first) return 0;
  const year = first.slice(0, 4);
  const query = { metric: "revenue_usd", groupBy: "destination", vendor };
  const shapes = [
    ...["revenue_usd", "units"].flatMap((metric) =>
      ["quarter", "year"].map(
        (interval) => () =>
          findSeries(db, structuredClone(seriesQuerySchema.parse({ ...query, metric, interval, top: 7 }))),
      ),
    ),
    () => findBreakdown(db, structuredClone(breakdownQuerySchema.parse(query))),
    () =>
      findFlows(db, structuredClone(flowsQuerySchema.parse({ ...query, from: `${year}-01-01`, to: `${year}-12-31` }))),
  ];
  let answered = 0;
  for (let round = 0; round < ROUNDS; round++)
    for (const ask of shapes) {
      try {
        ask();
        answered++;
      } catch {
        // a shape this database cannot answer warms nothing
      }
    }
  return answered;
}
