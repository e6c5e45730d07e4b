import {
  breakdownQuerySchema,
  flowsQuerySchema,
  seriesQuerySchema,
  type BreakdownQueryInput,
  type FlowsQueryInput,
  type SeriesQueryInput,
} from "@chipflow/core";
import type { ReadonlyDb } from "../handles.js";
import { findBreakdown } from "../queries/find-breakdown.js";
import { findFlows } from "../queries/find-flows.js";
import { findSeries } from "../queries/find-series.js";

/** How often each shape is asked: V8 optimises a function after it has run a few times. */
const ROUNDS = 3;

/** A query the dashboard asks, by the view that answers it (`/api/v1/<view>`). */
export type WarmUpQuery =
  | { view: "series"; query: SeriesQueryInput }
  | { view: "breakdown"; query: BreakdownQueryInput }
  | { view: "flows"; query: FlowsQueryInput };

/**
 * The dashboard's query shapes, asked of the last vendor stored: series as the dashboard asks them (top 7 by
 * destination, per quarter and per year, of revenue and of units), a breakdown by destination and a flow over the
 * first year of the data. None for a database without facts.
 */
export function warmUpQueries(db: ReadonlyDb): WarmUpQuery[] {
  const vendor = db.prepare("SELECT slug FROM vendors ORDER BY id DESC LIMIT 1").pluck().get() as string | undefined;
  const first = db.prepare("SELECT min(period_start) FROM facts").pluck().get() as string | null;
  if (!vendor || !first) return [];
  const year = first.slice(0, 4);
  const query = { metric: "revenue_usd", groupBy: "destination", vendor } as const;
  return [
    ...(["revenue_usd", "units"] as const).flatMap((metric) =>
      (["quarter", "year"] as const).map((interval): WarmUpQuery => ({
        view: "series",
        query: { ...query, metric, interval, top: 7 },
      })),
    ),
    { view: "breakdown", query },
    { view: "flows", query: { ...query, from: `${year}-01-01`, to: `${year}-12-31` } },
  ];
}

/** Answers one warm-up query as its view's function does. */
function ask(db: ReadonlyDb, { view, query }: WarmUpQuery) {
  // Through `structuredClone`, as a request's query is on its way to the thread, so that it takes the same shape.
  if (view === "series") return findSeries(db, structuredClone(seriesQuerySchema.parse(query)));
  if (view === "breakdown") return findBreakdown(db, structuredClone(breakdownQuerySchema.parse(query)));
  return findFlows(db, structuredClone(flowsQuerySchema.parse(query)));
}

/**
 * Asks the dashboard's query shapes (`warmUpQueries`) a few times on a query thread before the server listens, so
 * that the first requests find the query code optimised rather than interpreted. Series and breakdowns read the
 * rollups in memory; the flow reads that vendor's first year of facts. Nothing is cached. Returns how many
 * answered: a shape the database cannot answer (units of several categories) is passed over.
 */
export function warmUp(db: ReadonlyDb): number {
  const queries = warmUpQueries(db);
  let answered = 0;
  for (let round = 0; round < ROUNDS; round++)
    for (const query of queries) {
      try {
        ask(db, query);
        answered++;
      } catch {
        // a shape this database cannot answer warms nothing
      }
    }
  return answered;
}
