import { GRANULARITY_RANK, type Granularity } from "@chipflow/core";
import type { ReadonlyDb } from "../handles.js";
import { prepareCached } from "../queries/find-facts-for-query.js";
import { decodeSegment } from "./cube-bytes.js";

/**
 * One dataset's rows of `fact_rollups`, column by column in typed arrays (NULL is -1): what a query sums, held in
 * memory so that a query reads no rows from the database. Text columns are indexes into the cube's dictionaries.
 */
export interface CubeSegment {
  datasetId: string;
  /** The dataset's `rollup_markers` row these rows were read with (row count and import time). */
  marker: string;
  length: number;
  grain: Uint8Array;
  metric: Int32Array;
  vendor: Int32Array;
  product: Int32Array;
  category: Int32Array;
  destination: Int32Array;
  period: Int32Array;
  granularity: Int8Array;
  facts: Float64Array;
  value: Float64Array;
  nulls: Float64Array;
  low: Float64Array;
  high: Float64Array;
  abs: Float64Array;
  kind: Int8Array;
  confidence: Int8Array;
  simple: Uint8Array;
  /** Row i's distinct source ids are `sourceIds[sourceFrom[i]]` up to `sourceFrom[i + 1]`. */
  sourceFrom: Int32Array;
  sourceIds: Int32Array;
  /** The rows of a grain and metric, and of a grain, metric and vendor, in order: by `rowsKey`. */
  rows: Map<number, Int32Array>;
}

/** Text values as numbers: each distinct value once, in the order first met. */
export class Dictionary {
  private readonly index = new Map<string, number>();
  constructor(readonly values: string[] = []) {
    for (const [id, value] of values.entries()) this.index.set(value, id);
  }
  id(value: string | null): number {
    if (value === null) return -1;
    let id = this.index.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.index.set(value, id);
    }
    return id;
  }
  find(value: string): number | undefined {
    return this.index.get(value);
  }
}

/** The rollups of every dataset, in memory, with the dictionaries their text columns use. */
export interface RollupCube {
  segments: Map<string, CubeSegment>;
  metrics: Dictionary;
  categories: Dictionary;
  destinations: Dictionary;
  /** Periods as `start/end`; `periodStart[i]` and `periodEnd[i]` are period i's dates. */
  periods: Dictionary;
  periodStart: string[];
  periodEnd: string[];
  /** The id of a period, added if new. */
  periodOf(start: string, end: string): number;
  /** Moves whenever a segment is read or dropped. */
  version: number;
  /** Segments read from the database by this cube (not taken over from another thread). */
  reads: number;
  /** False when the last `rollupCube` left a dataset out (an import changed it while it was read). */
  complete: boolean;
}

/**
 * A cube as it crosses to another thread: its segments' columns are `SharedArrayBuffer`s, so every thread reads
 * the same memory, and a thread started later takes the cube over instead of reading it again.
 */
export interface CubeSnapshot {
  segments: CubeSegment[];
  metrics: string[];
  categories: string[];
  destinations: string[];
  periodStart: string[];
  periodEnd: string[];
}

export const GRAIN_IDS = { vd: 0, vp: 1 } as const;

/** The key of `CubeSegment.rows` for a grain, a metric (its id) and a vendor (-1: none; omitted: every vendor). */
export const rowsKey = (grain: number, metric: number, vendor?: number) =>
  (grain * 4096 + metric) * 2 ** 32 + (vendor === undefined ? 0 : vendor + 2);

const cubes = new WeakMap<ReadonlyDb, RollupCube>();

/**
 * The cube of a handle, brought up to date with `rollup_markers`: a dataset whose marker changed (or that is new)
 * has its rows read again, one that is gone is dropped, and the others are kept as they are. So an import reads only
 * the rollups of the dataset it wrote, once per handle.
 */
export function rollupCube(db: ReadonlyDb): RollupCube {
  let cube = cubes.get(db);
  if (!cube) cubes.set(db, (cube = newCube()));
  const markers = readMarkers(db);
  for (const id of cube.segments.keys())
    if (!markers.has(id)) {
      cube.segments.delete(id);
      cube.version++;
    }
  cube.complete = true;
  for (const [id, marker] of markers) {
    if (cube.segments.get(id)?.marker === marker) continue;
    const segment = readSegment(db, cube, id, marker);
    cube.reads++;
    cube.version++;
    // An import committed in between: the rows may not be those of the marker, so they are dropped (and read again
    // by the next query), and this query takes the exact path.
    if (readMarkers(db).get(id) === marker) cube.segments.set(id, segment);
    else {
      cube.segments.delete(id);
      cube.complete = false;
    }
  }
  return cube;
}

export function newCube(snapshot?: CubeSnapshot): RollupCube {
  return {
    segments: new Map(snapshot?.segments.map((s) => [s.datasetId, s])),
    metrics: new Dictionary(snapshot?.metrics),
    categories: new Dictionary(snapshot?.categories),
    destinations: new Dictionary(snapshot?.destinations),
    periods: new Dictionary(snapshot?.periodStart.map((start, i) => `${start}/${snapshot.periodEnd[i]}`)),
    periodStart: snapshot?.periodStart ?? [],
    periodEnd: snapshot?.periodEnd ?? [],
    periodOf(start, end) {
      const id = this.periods.id(`${start}/${end}`);
      if (id === this.periodStart.length) {
        this.periodStart.push(start);
        this.periodEnd.push(end);
      }
      return id;
    },
    version: 0,
    reads: 0,
    complete: true,
  };
}

/** The cube a handle holds now (none if no query has built it), to hand to another thread. */
export function cubeSnapshot(db: ReadonlyDb): CubeSnapshot | null {
  const cube = cubes.get(db);
  return cube
    ? {
        segments: [...cube.segments.values()],
        metrics: cube.metrics.values,
        categories: cube.categories.values,
        destinations: cube.destinations.values,
        periodStart: cube.periodStart,
        periodEnd: cube.periodEnd,
      }
    : null;
}

/** Gives a handle the cube another thread built on the same database: `rollupCube` then reads only what changed. */
export function adoptCube(db: ReadonlyDb, snapshot: CubeSnapshot): void {
  cubes.set(db, newCube(snapshot));
}

/** How many segments a handle's cube has read from the database so far. */
export const cubeReads = (db: ReadonlyDb) => cubes.get(db)?.reads ?? 0;

/** The version of a handle's cube, or -1 if it has none. */
export const cubeVersion = (db: ReadonlyDb) => cubes.get(db)?.version ?? -1;

function readMarkers(db: ReadonlyDb): Map<string, string> {
  const rows = prepareCached(db, "SELECT dataset_id, row_count, imported_at FROM rollup_markers").raw().all() as [
    string,
    number,
    string | null,
  ][];
  return new Map(rows.map(([id, count, at]) => [id, toMarker(count, at)]));
}

/** A dataset's marker: its row count and import time, which every import of it rewrites. */
export const toMarker = (rowCount: number | bigint, importedAt: string | null) =>
  `${Number(rowCount)}|${importedAt ?? ""}`;

const GRANULARITIES = Object.keys(GRANULARITY_RANK) as Granularity[];

export type Column = Uint8Array | Int8Array | Int32Array | Float64Array;

/** A column of `length` numbers in memory that every thread given it shares. */
export function shared<T extends Column>(
  type: { new (buffer: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number },
  length: number,
): T {
  return new type(new SharedArrayBuffer(length * type.BYTES_PER_ELEMENT));
}

/**
 * One dataset's segment: decoded from the copy its import stored (`rollup_cubes`) when that copy is of this marker
 * and whole, else read row by row from `fact_rollups`.
 */
function readSegment(db: ReadonlyDb, cube: RollupCube, datasetId: string, marker: string): CubeSegment {
  const parts = prepareCached(db, "SELECT part, bytes FROM rollup_cubes WHERE dataset_id = ? AND marker = ?")
    .raw()
    .all(datasetId, marker) as [string, Uint8Array][];
  const stored = parts.length > 0 ? decodeSegment(new Map(parts), cube, datasetId, marker) : null;
  if (stored) return stored;
  return readSegmentRows(db, cube, datasetId, marker);
}

/** One dataset's segment read row by row from `fact_rollups`. */
export function readSegmentRows(db: ReadonlyDb, cube: RollupCube, datasetId: string, marker: string): CubeSegment {
  const n = Number(prepareCached(db, "SELECT count(*) FROM fact_rollups WHERE dataset_id = ?").pluck().get(datasetId));
  const s: CubeSegment = {
    datasetId,
    marker,
    length: n,
    grain: shared(Uint8Array, n),
    metric: shared(Int32Array, n),
    vendor: shared(Int32Array, n),
    product: shared(Int32Array, n),
    category: shared(Int32Array, n),
    destination: shared(Int32Array, n),
    period: shared(Int32Array, n),
    granularity: shared(Int8Array, n),
    facts: shared(Float64Array, n),
    value: shared(Float64Array, n),
    nulls: shared(Float64Array, n),
    low: shared(Float64Array, n),
    high: shared(Float64Array, n),
    abs: shared(Float64Array, n),
    kind: shared(Int8Array, n),
    confidence: shared(Int8Array, n),
    simple: shared(Uint8Array, n),
    sourceFrom: shared(Int32Array, n + 1),
    sourceIds: new Int32Array(0),
    rows: new Map(),
  };
  const sources: number[] = [];
  const granularities = GRANULARITIES.map((g) => `WHEN '${g}' THEN ${GRANULARITY_RANK[g]}`).join(" ");
  const statement = prepareCached(
    db,
    `SELECT CASE grain WHEN 'vd' THEN ${GRAIN_IDS.vd} ELSE ${GRAIN_IDS.vp} END, metric, vendor_id, product_id,
       category, destination, period_start, period_end, CASE granularity ${granularities} END, fact_count, value_sum,
       value_nulls, low_sum, high_sum, abs_sum, kind_rank, confidence_rank, source_ids, simple
     FROM fact_rollups WHERE dataset_id = ?`,
  ).raw();
  // Periods by start, then end: no text is joined per row.
  const periods = new Map<string, Map<string, number>>();
  const periodOf = (start: string, end: string) => {
    let ends = periods.get(start);
    if (!ends) periods.set(start, (ends = new Map<string, number>()));
    let id = ends.get(end);
    if (id === undefined) ends.set(end, (id = cube.periodOf(start, end)));
    return id;
  };
  let i = 0;
  for (const row of statement.iterate(datasetId)) {
    const r = row as unknown[];
    if (i === n) break; // rows written after the count: the marker check reads this dataset again
    s.grain[i] = r[0] as number;
    s.metric[i] = cube.metrics.id(r[1] as string);
    s.vendor[i] = r[2] === null ? -1 : Number(r[2]);
    s.product[i] = r[3] === null ? -1 : Number(r[3]);
    s.category[i] = cube.categories.id(r[4] as string | null);
    s.destination[i] = cube.destinations.id(r[5] as string | null);
    s.period[i] = periodOf(String(r[6]), String(r[7]));
    s.granularity[i] = r[8] as number;
    s.facts[i] = Number(r[9]);
    s.value[i] = r[10] === null ? 0 : Number(r[10]);
    s.nulls[i] = Number(r[11]);
    s.low[i] = Number(r[12]);
    s.high[i] = Number(r[13]);
    s.abs[i] = Number(r[14]);
    s.kind[i] = Number(r[15]);
    s.confidence[i] = r[16] === null ? -1 : Number(r[16]);
    // Distinct ids, comma-separated: read digit by digit, with no strings made.
    const ids = r[17] as string;
    let id = 0;
    for (let k = 0; k < ids.length; k++) {
      const code = ids.charCodeAt(k);
      if (code === 44) {
        sources.push(id);
        id = 0;
      } else id = id * 10 + code - 48;
    }
    sources.push(id);
    s.sourceFrom[i + 1] = sources.length;
    s.simple[i] = Number(r[18]);
    i++;
  }
  s.length = i;
  s.sourceIds = shared(Int32Array, sources.length);
  s.sourceIds.set(sources);
  unmarkVendorlessMeetingVendors(s, i);
  s.rows = indexRows(s, i);
  return s;
}

/**
 * A row of no vendor is simple only where no vendor's row of the same grain, metric, product or destination, category
 * and period stands beside it: a fact that names no vendor may hold one that names a vendor (a country's total and
 * one vendor's part of it), and the rules would let the total win rather than add them. Such rows are marked not
 * simple, so a query that meets them takes the exact path; a query of named vendors never reads them.
 */
function unmarkVendorlessMeetingVendors(s: CubeSegment, n: number): void {
  const keyOf = (i: number) =>
    `${s.grain[i]}|${s.metric[i]}|${s.product[i]}|${s.category[i]}|${s.destination[i]}|${s.period[i]}`;
  let vendorless = false;
  for (let i = 0; i < n && !vendorless; i++) vendorless = s.vendor[i]! < 0 && s.simple[i] === 1;
  if (!vendorless) return;
  const named = new Set<string>();
  for (let i = 0; i < n; i++) if (s.vendor[i]! >= 0) named.add(keyOf(i));
  if (named.size === 0) return;
  for (let i = 0; i < n; i++) if (s.vendor[i]! < 0 && s.simple[i] === 1 && named.has(keyOf(i))) s.simple[i] = 0;
}

/** The row lists of `CubeSegment.rows`: counted first, then filled, each in row order. */
export function indexRows(s: CubeSegment, n: number): Map<number, Int32Array> {
  const counts = new Map<number, number>();
  const count = (key: number) => counts.set(key, (counts.get(key) ?? 0) + 1);
  for (let i = 0; i < n; i++) {
    count(rowsKey(s.grain[i]!, s.metric[i]!));
    count(rowsKey(s.grain[i]!, s.metric[i]!, s.vendor[i]));
  }
  const rows = new Map([...counts].map(([key, size]) => [key, shared(Int32Array, size)]));
  const filled = new Map<number, number>();
  const fill = (key: number, i: number) => {
    const at = filled.get(key) ?? 0;
    rows.get(key)![at] = i;
    filled.set(key, at + 1);
  };
  for (let i = 0; i < n; i++) {
    fill(rowsKey(s.grain[i]!, s.metric[i]!), i);
    fill(rowsKey(s.grain[i]!, s.metric[i]!, s.vendor[i]), i);
  }
  return rows;
}

export const granularityOfRank = (rank: number): Granularity =>
  GRANULARITIES.find((g) => GRANULARITY_RANK[g] === rank)!;
