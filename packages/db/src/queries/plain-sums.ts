import { METRICS, type Figure, type FlowsQuery } from "@chipflow/core";
import type { ReadonlyDb } from "../handles.js";
import { findRollupCells } from "../rollups/find-rollup-cells.js";
import { CONFIDENCES, KINDS } from "../rollups/cell-sums.js";
import { sortedIds } from "./sorted-ids.js";

/**
 * Whether the rules add up every cell of a flows query plainly, so that a `PlainSum` of its facts gives what
 * `resolveCell` would; if so, what else the rollups know of its facts (see `PlainFlow`). The rollups tell
 * (see `findRollupCells`), summed by destination over the query's whole range: they answer only where every fact
 * of the range names its product, category, origin and destination (and its vendor, or no fact of its cell does),
 * no two facts of a vendor (or of none), destination, category and period share their product and origin, no product contains another, no periods overlap, each
 * destination's facts (over the query's vendors) are of one dataset, and every figure is a whole number whose sum
 * is exact.
 */
export function addsUpPlainly(db: ReadonlyDb, query: FlowsQuery): PlainFlow | null {
  const whole = { start: query.from ?? "", end: query.to ?? "", coarser: false };
  const inside = (start: string, end: string) =>
    (!query.from || start >= query.from) && (!query.to || end <= query.to) ? whole : null;
  const additive = METRICS[query.metric].aggregation === "sum";
  const rolled = findRollupCells(db, query.metric, additive, query, "destination", inside, true);
  if (!rolled) return null;
  const datasets = new Map<string, string>();
  const categories = new Set<string>();
  for (let c = 0; c < rolled.sums.count; c++) {
    datasets.set(rolled.groupOf(rolled.sums.groupOf(c)).key, rolled.sums.datasetOf(c));
    for (const category of rolled.sums.categoriesOf(c)) categories.add(category);
  }
  return { excluded: rolled.excluded, datasets, categories, vendorless: rolled.vendorless };
}

/** What the rollups tell of a flow whose cells add up plainly. */
export interface PlainFlow {
  /** Facts overlapping the query's range without lying inside it. */
  excluded: number;
  /** The dataset of each destination's facts. */
  datasets: Map<string, string>;
  /** The product categories of the facts. */
  categories: Set<string>;
  /** Whether some facts name no vendor (a customs dataset's): they are on the map, not in the Sankey. */
  vendorless: boolean;
}

/**
 * The figure of a cell whose facts add up plainly (see `addsUpPlainly`), added one fact at a time: `resolveCell`'s,
 * without ranking them. Its facts are of one dataset, given when the figure is made. Kind and confidence come as
 * ranks, indexes of `KINDS` and `CONFIDENCES`: the lowest wins, and a missing confidence (0) gives way to any.
 */
export class PlainSum {
  // Plain numbers, with the sums that met a missing figure marked apart (bits 1, 2, 4: value, low, high): a field
  // that holds a number or null would box every sum anew, three allocations per fact.
  private value = 0;
  private low = 0;
  private high = 0;
  private missing = 0;
  private kind = KINDS.length - 1;
  private confidence = CONFIDENCES.length;
  private readonly sourceIds: number[] = [];

  add(
    value: number | null,
    low: number | null,
    high: number | null,
    kind: number,
    confidence: number,
    sourceId: number,
  ): void {
    low ??= value;
    high ??= value;
    if (value === null) this.missing |= 1;
    else this.value += value;
    if (low === null) this.missing |= 2;
    else this.low += low;
    if (high === null) this.missing |= 4;
    else this.high += high;
    if (kind < this.kind) this.kind = kind;
    if (confidence > 0 && confidence < this.confidence) this.confidence = confidence;
    this.sourceIds.push(sourceId);
  }

  /** How many facts were added. */
  get count(): number {
    return this.sourceIds.length;
  }

  figure(datasetId: string): Figure {
    const count = this.count;
    return {
      value: this.missing & 1 ? null : this.value,
      low: this.missing & 2 ? null : this.low,
      high: this.missing & 4 ? null : this.high,
      estimateKind: KINDS[this.kind]!,
      confidence: CONFIDENCES[this.confidence] ?? null,
      basis: count === 1 ? "reported" : "sum",
      datasetId,
      sourceIds: sortedIds(this.sourceIds),
      alternatives: [],
      factCount: count,
    };
  }
}
