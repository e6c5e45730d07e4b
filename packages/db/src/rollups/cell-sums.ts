import type { Confidence, EstimateKind, Figure } from "@chipflow/core";
import type { Bucket, RollupCell } from "./find-rollup-cells.js";
import { granularityOfRank, type CubeSegment, type RollupCube } from "./rollup-cube.js";
import { sortedIds } from "../queries/sorted-ids.js";

/** Cell keys (group × buckets + bucket) below this are looked up in an array, not a map. */
const DENSE_KEYS = 1 << 22;
/** The kinds and confidences by their rank in `fact_rollups` (`KIND_RANK`, `CONFIDENCE_RANK`). */
export const KINDS: EstimateKind[] = ["forecast", "forecast", "estimate", "reported"];
export const CONFIDENCES: (Confidence | null)[] = [null, "low", "medium", "high"];
/** A fact's kind and confidence by rank: their indexes in `KINDS` and `CONFIDENCES` (0 for no confidence). */
export const KIND_RANKS = Object.fromEntries(KINDS.map((kind, rank) => [kind, rank])) as Record<EstimateKind, number>;
export const CONFIDENCE_RANKS = Object.fromEntries(
  CONFIDENCES.map((confidence, rank) => [confidence ?? "none", rank]),
) as Record<Confidence | "none", number>;

/**
 * The sums of a query's cells as rows of the cube come in, column by column (no object per cell or row): counts,
 * sums, the weakest kind and confidence, the coarsest granularity, the earliest start and latest end, and a list
 * of each cell's rows (for the sources, periods and categories it holds, read only when the cell is built).
 */
export class CellSums {
  count = 0;
  /** Each cell by its key, plus one (0: none yet), for keys below `DENSE_KEYS`; past that, by a map. */
  private slots = new Int32Array(0);
  private readonly index = new Map<number, number>();
  private capacity = 0;
  private group = new Int32Array(0);
  private bucket = new Int32Array(0);
  private segment = new Int32Array(0);
  private facts = new Float64Array(0);
  private value = new Float64Array(0);
  private nulls = new Float64Array(0);
  private low = new Float64Array(0);
  private high = new Float64Array(0);
  private kind = new Int8Array(0);
  private confidence = new Int8Array(0);
  private granularity = new Int8Array(0);
  private start = new Int32Array(0);
  private end = new Int32Array(0);
  /** The product category of a cell's first row, and whether any other row has another one. */
  private category = new Int32Array(0);
  private mixed = new Uint8Array(0);
  /** The last entry of each cell; entries link back to the cell's earlier ones. */
  private last = new Int32Array(0);
  private entries = 0;
  private entryRow = new Int32Array(0);
  private entryBefore = new Int32Array(0);
  private readonly startDay: Int32Array;
  private readonly endDay: Int32Array;
  /** Each period by its start: periods with the same start have the same number. */
  private readonly startId: Int32Array;
  private readonly seen = new SeenIds();

  constructor(
    private readonly cube: RollupCube,
    readonly segments: CubeSegment[],
  ) {
    // Periods by number (YYYYMMDD), so that a row's period is compared without its text.
    const day = (date: string) => Number(date.slice(0, 4) + date.slice(5, 7) + date.slice(8, 10));
    this.startDay = Int32Array.from(cube.periodStart, day);
    this.endDay = Int32Array.from(cube.periodEnd, day);
    const starts = new Map<string, number>();
    this.startId = Int32Array.from(cube.periodStart, (d) => {
      if (!starts.has(d)) starts.set(d, starts.size);
      return starts.get(d)!;
    });
  }

  /** Adds row `i` of segment `k` to the cell `key` (of that segment alone); returns the cell's index. */
  add(key: number, group: number, bucket: number, k: number, i: number): number {
    const s = this.segments[k]!;
    const dense = key < DENSE_KEYS;
    if (dense && key >= this.slots.length) this.slots = grown(this.slots, Math.max(key + 1, this.slots.length * 2));
    let c = this.find(key);
    if (c < 0) {
      if (this.count === this.capacity) this.grow();
      c = this.count++;
      if (dense) this.slots[key] = c + 1;
      else this.index.set(key, c);
      this.group[c] = group;
      this.bucket[c] = bucket;
      this.segment[c] = k;
      this.kind[c] = 3;
      this.confidence[c] = -1;
      this.granularity[c] = -1;
      this.start[c] = this.end[c] = s.period[i]!;
      this.category[c] = s.category[i]!;
      this.mixed[c] = 0;
      this.last[c] = -1;
    } else if (s.category[i] !== this.category[c]) this.mixed[c] = 1;
    this.facts[c]! += s.facts[i]!;
    this.value[c]! += s.value[i]!;
    this.nulls[c]! += s.nulls[i]!;
    this.low[c]! += s.low[i]!;
    this.high[c]! += s.high[i]!;
    if (s.kind[i]! < this.kind[c]!) this.kind[c] = s.kind[i]!;
    const confidence = s.confidence[i]!;
    if (confidence >= 0 && (this.confidence[c]! < 0 || confidence < this.confidence[c]!))
      this.confidence[c] = confidence;
    if (s.granularity[i]! > this.granularity[c]!) this.granularity[c] = s.granularity[i]!;
    const period = s.period[i]!;
    if (this.startDay[period]! < this.startDay[this.start[c]!]!) this.start[c] = period;
    if (this.endDay[period]! > this.endDay[this.end[c]!]!) this.end[c] = period;
    if (this.entries === this.entryRow.length) {
      this.entryRow = grown(this.entryRow, this.entries * 2 + 1024);
      this.entryBefore = grown(this.entryBefore, this.entries * 2 + 1024);
    }
    this.entryRow[this.entries] = i;
    this.entryBefore[this.entries] = this.last[c]!;
    this.last[c] = this.entries++;
    return c;
  }

  /** The index of cell `key`, or -1 if it has no rows. */
  find(key: number): number {
    return key < DENSE_KEYS ? (this.slots[key] ?? 0) - 1 : (this.index.get(key) ?? -1);
  }

  private grow(): void {
    const n = (this.capacity = this.capacity * 2 + 256);
    this.group = grown(this.group, n);
    this.bucket = grown(this.bucket, n);
    this.segment = grown(this.segment, n);
    this.facts = grown(this.facts, n);
    this.value = grown(this.value, n);
    this.nulls = grown(this.nulls, n);
    this.low = grown(this.low, n);
    this.high = grown(this.high, n);
    this.kind = grown(this.kind, n);
    this.confidence = grown(this.confidence, n);
    this.granularity = grown(this.granularity, n);
    this.start = grown(this.start, n);
    this.end = grown(this.end, n);
    this.category = grown(this.category, n);
    this.mixed = grown(this.mixed, n);
    this.last = grown(this.last, n);
  }

  /** The segment of cell `c`'s rows (its index among the query's segments). */
  segmentOf(c: number): number {
    return this.segment[c]!;
  }

  /** The dataset of cell `c`'s rows. */
  datasetOf(c: number): string {
    return this.segments[this.segment[c]!]!.datasetId;
  }

  /** The group of cell `c` (its id in the cube). */
  groupOf(c: number): number {
    return this.group[c]!;
  }

  /** The bucket of cell `c` (its index in the query's buckets). */
  bucketOf(c: number): number {
    return this.bucket[c]!;
  }

  /** What `topSeries` ranks a series by, for cell `c`: the size of its value (or of its high end, if it has none). */
  sizeOf(c: number): number {
    return Math.abs(this.nulls[c]! > 0 ? this.high[c]! : this.value[c]!);
  }

  /** The distinct product categories of cell `c`'s rows. */
  categoriesOf(c: number): string[] {
    if (!this.mixed[c]) return [this.cube.categories.values[this.category[c]!]!];
    const s = this.segments[this.segment[c]!]!;
    const categories: string[] = [];
    this.seen.next();
    for (let e = this.last[c]!; e >= 0; e = this.entryBefore[e]!) {
      const category = s.category[this.entryRow[e]!]!;
      if (this.seen.first(category)) categories.push(this.cube.categories.values[category]!);
    }
    return categories;
  }

  /** Adds the source ids of cell `c`'s rows to `into`. */
  addSources(c: number, into: { add(id: number): unknown }): void {
    const s = this.segments[this.segment[c]!]!;
    for (let e = this.last[c]!; e >= 0; e = this.entryBefore[e]!) {
      const i = this.entryRow[e]!;
      for (let k = s.sourceFrom[i]!; k < s.sourceFrom[i + 1]!; k++) into.add(s.sourceIds[k]!);
    }
  }

  /** How many distinct period starts cell `c`'s rows have (seven months of a year, say). */
  private periodsOf(c: number): number {
    const s = this.segments[this.segment[c]!]!;
    let periods = 0;
    this.seen.next();
    for (let e = this.last[c]!; e >= 0; e = this.entryBefore[e]!)
      if (this.seen.first(this.startId[s.period[this.entryRow[e]!]!]!)) periods++;
    return periods;
  }

  /** Where cell `c` lies: its bucket, the dates its rows span, its granularity, periods and dataset. */
  placeOf(c: number, buckets: Bucket[]): CellPlace {
    const bucket = buckets[this.bucket[c]!]!;
    return {
      start: bucket.start,
      end: bucket.end,
      coarser: bucket.coarser,
      periodStart: this.cube.periodStart[this.start[c]!]!,
      periodEnd: this.cube.periodEnd[this.end[c]!]!,
      granularity: granularityOfRank(this.granularity[c]!),
      periods: this.periodsOf(c),
      datasetId: this.datasetOf(c),
    };
  }

  /** A key that two cells share exactly when `placeOf` gives them the same place: a number where one is exact. */
  placeKey(c: number, buckets: Bucket[]): number | string {
    const p = this.cube.periods.values.length + 1;
    const parts = [this.bucket[c]!, this.start[c]!, this.end[c]!, this.granularity[c]!, this.periodsOf(c)];
    if (buckets.length * p ** 4 * 8 * this.segments.length >= 2 ** 53) return `${parts.join("/")}/${this.segment[c]}`;
    const [bucket, start, end, granularity, periods] = parts as [number, number, number, number, number];
    return (
      ((((bucket * p + start) * p + end) * 8 + granularity) * p + periods) * this.segments.length + this.segment[c]!
    );
  }

  /** The figure of cell `c`, but for its sources: what `resolveCell` gives for its facts. */
  figureOf(c: number): Omit<Figure, "sourceIds" | "alternatives" | "low" | "high"> & CellBounds {
    return {
      value: this.nulls[c]! > 0 ? null : this.value[c]!,
      low: this.low[c]!,
      high: this.high[c]!,
      estimateKind: KINDS[this.kind[c]!]!,
      confidence: this.confidence[c]! < 0 ? null : CONFIDENCES[this.confidence[c]!]!,
      basis: this.facts[c] === 1 ? "reported" : "sum",
      datasetId: this.datasetOf(c),
      factCount: this.facts[c]!,
    };
  }

  /** The source ids of cell `c`'s rows, each once, in order. */
  sourceIdsOf(c: number): number[] {
    const sources = new Set<number>();
    this.addSources(c, sources);
    return sortedIds(sources);
  }

  /**
   * Cell `c` as a `RollupCell`, in group `group`, its bucket taken from `buckets`; without `sources`, its source ids
   * are left empty for the caller to fill (`sourceIdsOf`) where it shows them.
   */
  toRollupCell(c: number, group: RollupCell["group"], buckets: Bucket[], sources = true): RollupCell {
    const { datasetId: _datasetId, ...place } = this.placeOf(c, buckets);
    const figure = { ...this.figureOf(c), sourceIds: sources ? this.sourceIdsOf(c) : [], alternatives: [] };
    return { group, ...place, figure, categories: this.categoriesOf(c), label: null };
  }
}

/** A cell's range (never missing: a fact without one counts its value) and dataset. */
interface CellBounds {
  low: number;
  high: number;
  datasetId: string;
}

/** Where a cell lies: see `CellSums.placeOf`. */
export type CellPlace = Pick<
  RollupCell,
  "start" | "end" | "coarser" | "periodStart" | "periodEnd" | "granularity" | "periods"
> & { datasetId: string };

function grown<T extends Int32Array | Float64Array | Int8Array | Uint8Array>(array: T, length: number): T {
  const next = new (array.constructor as new (length: number) => T)(length);
  next.set(array);
  return next;
}

/**
 * Marks of small whole numbers (ids), to list each once with no Set: `first(id)` is true the first time an id is
 * met since the last `next()`.
 */
class SeenIds {
  private seen = new Int32Array(1024);
  private stamp = 0;
  next(): void {
    this.stamp++;
  }
  first(id: number): boolean {
    if (id >= this.seen.length) this.seen = grown(this.seen, Math.max(id + 1, this.seen.length * 2));
    if (this.seen[id] === this.stamp) return false;
    this.seen[id] = this.stamp;
    return true;
  }
}
