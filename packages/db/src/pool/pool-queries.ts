import type { FactsQuery } from "@chipflow/core";
import type { ReadonlyDb } from "../handles.js";
import { factsCsvChunks } from "../export/facts-csv-stream.js";
import { findBreakdown } from "../queries/find-breakdown.js";
import { findFacts } from "../queries/find-facts.js";
import { findFlows } from "../queries/find-flows.js";
import { findSeries } from "../queries/find-series.js";
import { findSources } from "../queries/find-sources.js";
import { findSummary } from "../queries/find-summary.js";
import { iterateFacts } from "../queries/iterate-facts.js";
import { cubeReads, rollupCube } from "../rollups/rollup-cube.js";
import { warmUp } from "./warm-up.js";

/** The read queries a pool runs off the main thread, by name: each takes a read-only handle and its query. */
export const POOL_QUERIES = {
  series: findSeries,
  breakdown: findBreakdown,
  flows: findFlows,
  facts: findFacts,
  sources: findSources,
  summary: (db: ReadonlyDb) => findSummary(db),
  /**
   * Reads the rollups into memory (see `rollupCube`), so that the first queries find them there, and asks the
   * dashboard's query shapes a few times (see `warmUp`): how many datasets the cube holds, how many of them this
   * call read from the database (the others it had or took over), and how many warm-up queries answered.
   */
  warm: (db: ReadonlyDb) => {
    const reads = cubeReads(db);
    const cube = rollupCube(db);
    return { datasets: cube.segments.size, read: cube.reads - reads, warmed: warmUp(db) };
  },
} satisfies Record<string, (db: ReadonlyDb, query: never) => unknown>;

export type PoolQueryName = keyof typeof POOL_QUERIES;
export type PoolQueryArgs<N extends PoolQueryName> = Parameters<(typeof POOL_QUERIES)[N]>[1];
export type PoolQueryResult<N extends PoolQueryName> = ReturnType<(typeof POOL_QUERIES)[N]>;

/** What a facts download streams: the facts query, and whether the file starts with a byte-order mark. */
export interface FactsCsvJob {
  query: FactsQuery;
  bom: boolean;
}

/** The facts download as CSV text chunks: every fact the query matches (all kinds, or the kinds it names). */
export function* factsCsvText(db: ReadonlyDb, { query, bom }: FactsCsvJob): Generator<string> {
  const kinds = new Set(query.kind);
  const facts = (function* () {
    for (const f of iterateFacts(db, query)) if (kinds.size === 0 || kinds.has(f.estimateKind)) yield f;
  })();
  yield* factsCsvChunks(facts, { bom });
}
