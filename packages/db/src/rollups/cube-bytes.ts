import { indexRows, shared, type Column, type CubeSegment, type RollupCube } from "./rollup-cube.js";

/** The columns of a segment in the order they are stored, each with its type. */
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

/** The text a segment's id columns stand for, by id. */
interface Header {
  length: number;
  sources: number;
  metrics: string[];
  categories: string[];
  destinations: string[];
  periods: [string, string][];
}

const align = (n: number) => Math.ceil(n / 8) * 8;

/**
 * A segment as bytes: a header (its length and the text behind its ids, in JSON) and then each column's bytes as
 * they are in memory. What an import stores beside its rollups, so that a server reads one value per dataset
 * instead of every rollup row.
 */
export function encodeSegment(s: CubeSegment, cube: RollupCube): Buffer {
  const header: Header = {
    length: s.length,
    sources: s.sourceIds.length,
    metrics: cube.metrics.values,
    categories: cube.categories.values,
    destinations: cube.destinations.values,
    periods: cube.periodStart.map((start, i) => [start, cube.periodEnd[i]!]),
  };
  const json = Buffer.from(JSON.stringify(header));
  const parts: Uint8Array[] = [Buffer.from(new Uint32Array([json.length]).buffer), json];
  let size = align(4 + json.length);
  parts.push(new Uint8Array(size - 4 - json.length));
  for (const [name] of COLUMNS) {
    const column = columnOf(s, name).subarray(0, lengthOf(name, header));
    const bytes = new Uint8Array(column.buffer, column.byteOffset, column.byteLength);
    parts.push(bytes, new Uint8Array(align(bytes.length) - bytes.length));
    size += align(bytes.length);
  }
  return Buffer.concat(parts, size);
}

/** The segment `encodeSegment` stored, its ids mapped to the cube's own dictionaries. */
export function decodeSegment(bytes: Uint8Array, cube: RollupCube, datasetId: string, marker: string): CubeSegment {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const jsonLength = view.readUInt32LE(0);
  const header = JSON.parse(view.toString("utf8", 4, 4 + jsonLength)) as Header;
  let at = align(4 + jsonLength);
  const columns = new Map<string, Column>();
  for (const [name, type] of COLUMNS) {
    const length = lengthOf(name, header);
    const column = shared(
      type as unknown as { new (buffer: SharedArrayBuffer): Column; BYTES_PER_ELEMENT: number },
      length,
    );
    new Uint8Array(column.buffer).set(view.subarray(at, at + column.byteLength));
    columns.set(name, column);
    at += align(column.byteLength);
  }
  const s = { datasetId, marker, length: header.length, rows: new Map() } as unknown as CubeSegment;
  for (const [name, column] of columns) (s as unknown as Record<string, Column>)[name] = column;
  // The stored ids are the storing cube's: each maps to this cube's id for the same text.
  const remap = (column: Int32Array, ids: number[]) => {
    for (let i = 0; i < column.length; i++) if (column[i]! >= 0) column[i] = ids[column[i]!]!;
  };
  remap(
    s.metric,
    header.metrics.map((m) => cube.metrics.id(m)),
  );
  remap(
    s.category,
    header.categories.map((c) => cube.categories.id(c)),
  );
  remap(
    s.destination,
    header.destinations.map((d) => cube.destinations.id(d)),
  );
  remap(
    s.period,
    header.periods.map(([start, end]) => cube.periodOf(start, end)),
  );
  s.rows = indexRows(s, s.length);
  return s;
}

const lengthOf = (name: (typeof COLUMNS)[number][0], header: Header) =>
  name === "sourceFrom" ? header.length + 1 : name === "sourceIds" ? header.sources : header.length;

const columnOf = (s: CubeSegment, name: (typeof COLUMNS)[number][0]): Column => s[name];
