import { indexRows, shared, type Column, type CubeSegment, type RollupCube } from "./rollup-cube.js";

/** The columns of a segment, each stored as a part of its own, with its type. */
const COLUMNS = [
  ["grain", Uint8Array],
  ["metric", Int32Array],
  ["vendor", Int32Array],
  ["product", Int32Array],
  ["category", Int32Array],
  ["destination", Int32Array],
  ["period", Int32Array],
  ["granularity", Int8Array],
  ["facts", Float64Array],
  ["value", Float64Array],
  ["nulls", Float64Array],
  ["low", Float64Array],
  ["high", Float64Array],
  ["abs", Float64Array],
  ["kind", Int8Array],
  ["confidence", Int8Array],
  ["simple", Uint8Array],
  ["sourceFrom", Int32Array],
  ["sourceIds", Int32Array],
] as const;
type ColumnName = (typeof COLUMNS)[number][0];

/** The part `header`: a segment's length and the text its id columns stand for, by id. */
interface Header {
  length: number;
  sources: number;
  metrics: string[];
  categories: string[];
  destinations: string[];
  periods: [string, string][];
}

/** A segment as the parts it is stored in (`rollup_cubes`): its header, then each column's bytes as in memory. */
export type SegmentParts = [part: string, bytes: Uint8Array][];

/**
 * A segment as parts: a header (its length and the text behind its ids, in JSON) and each column's bytes as they
 * are in memory, not copied. What an import stores beside its rollups, so that a server reads a few values per
 * dataset instead of every rollup row.
 */
export function encodeSegment(s: CubeSegment, cube: RollupCube): SegmentParts {
  const header: Header = {
    length: s.length,
    sources: s.sourceFrom[s.length]!,
    metrics: cube.metrics.values,
    categories: cube.categories.values,
    destinations: cube.destinations.values,
    periods: cube.periodStart.map((start, i) => [start, cube.periodEnd[i]!]),
  };
  return [
    ["header", Buffer.from(JSON.stringify(header))],
    ...COLUMNS.map(([name]): SegmentParts[number] => {
      const column = s[name].subarray(0, lengthOf(name, header));
      return [name, new Uint8Array(column.buffer, column.byteOffset, column.byteLength)];
    }),
  ];
}

/** The segment `encodeSegment` stored, its ids mapped to the cube's own dictionaries; null if a part is missing. */
export function decodeSegment(
  parts: Map<string, Uint8Array>,
  cube: RollupCube,
  datasetId: string,
  marker: string,
): CubeSegment | null {
  const json = parts.get("header");
  if (!json) return null;
  const header = JSON.parse(Buffer.from(json).toString("utf8")) as Header;
  const s = { datasetId, marker, length: header.length, rows: new Map() } as unknown as Record<string, unknown>;
  for (const [name, type] of COLUMNS) {
    const bytes = parts.get(name);
    const column = shared(type as unknown as ColumnType, lengthOf(name, header));
    if (bytes?.length !== column.byteLength) return null;
    new Uint8Array(column.buffer).set(bytes);
    s[name] = column;
  }
  const segment = s as unknown as CubeSegment;
  // The stored ids are the storing cube's: each maps to this cube's id for the same text.
  const remap = (column: Int32Array, ids: number[]) => {
    for (let i = 0; i < column.length; i++) if (column[i]! >= 0) column[i] = ids[column[i]!]!;
  };
  remap(
    segment.metric,
    header.metrics.map((m) => cube.metrics.id(m)),
  );
  remap(
    segment.category,
    header.categories.map((c) => cube.categories.id(c)),
  );
  remap(
    segment.destination,
    header.destinations.map((d) => cube.destinations.id(d)),
  );
  remap(
    segment.period,
    header.periods.map(([start, end]) => cube.periodOf(start, end)),
  );
  segment.rows = indexRows(segment, segment.length);
  return segment;
}

type ColumnType = { new (buffer: SharedArrayBuffer): Column; BYTES_PER_ELEMENT: number };

const lengthOf = (name: ColumnName, header: Header) =>
  name === "sourceFrom" ? header.length + 1 : name === "sourceIds" ? header.sources : header.length;
