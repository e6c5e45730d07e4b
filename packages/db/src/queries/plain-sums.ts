import { METRICS, type Confidence, type Figure, type FlowsQuery } from "@chipflow/core";
import type { ReadonlyDb } from "../handles.js";
import { findRollupCells } from "../rollups/find-rollup-cells.js";
import type { FlowFactRow } from "./find-facts-for-query.js";
import { weakerConfidence, weakerKind } from "./resolve-cell.js";
import { sortedIds } from "./sorted-ids.js";

/**
 * True when the rules add up every cell of a flows query plainly, so that `plainSum` gives what `resolveCell` would.
 * The rollups tell (see `findRollupCells`), summed by destination over the query's whole range: they answer only
 * where every fact of the range names its vendor, product, category, origin and destination, no two facts of a
 * vendor, destination, category and period share their product and origin, no product contains another, no
 * periods overlap, each destination's facts (over the query's vendors) are of one dataset, and every figure is a
 * whole number whose sum is exact.
 */
export function addsUpPlainly(db: ReadonlyDb, query: FlowsQuery): boolean {
  const whole = { start: query.from ?? "", end: query.to ?? "", coarser: false };
  const inside = (start: string, end: string) =>
    (!query.from || start >= query.from) && (!query.to || end <= query.to) ? whole : null;
  const additive = METRICS[query.metric].aggregation === "sum";
  return findRollupCells(db, query.metric, additive, query, "destination", inside) !== null;
}

/** The figure of a cell whose facts add up plainly (see `addsUpPlainly`): `resolveCell`'s, without ranking them. */
export function plainSum(facts: FlowFactRow[]): Figure {
  let value: number | null = 0;
  let low: number | null = 0;
  let high: number | null = 0;
  let kind = facts[0]!.estimateKind;
  let confidence: Confidence | null = null;
  for (const f of facts) {
    value = value === null || f.value === null ? null : value + f.value;
    const fLow = f.low ?? f.value;
    const fHigh = f.high ?? f.value;
    low = low === null || fLow === null ? null : low + fLow;
    high = high === null || fHigh === null ? null : high + fHigh;
    kind = weakerKind(kind, f.estimateKind);
    confidence = weakerConfidence(confidence, f.confidence);
  }
  return {
    value,
    low,
    high,
    estimateKind: kind,
    confidence,
    basis: facts.length === 1 ? "reported" : "sum",
    datasetId: facts[0]!.datasetId,
    sourceIds: sortedIds(facts.map((f) => f.sourceId)),
    alternatives: [],
    factCount: facts.length,
  };
}
