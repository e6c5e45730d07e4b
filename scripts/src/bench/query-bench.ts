import * as core from "@chipflow/core";
import * as db from "@chipflow/db";
import { SYNTHETIC_CUSTOMS_DATASET } from "../gen/write-customs-csv.js";
import { httpGet } from "./http-get.js";
import { percentile } from "./percentile.js";
import { startServer, type RunningServer } from "./start-server.js";

export interface QueryResult {
  endpoint: string;
  example: string;
  samples: number;
  /** The first request of this endpoint after the server started listening (its caches empty). */
  cold: number | null;
  /** null when the endpoint or its query function does not exist in this build. */
  http: { p50: number; p95: number } | null;
  direct: { p50: number; p95: number } | null;
  ratio: number | null;
  note?: string;
}

type QueryFn = (handle: db.ReadonlyDb, query: unknown) => unknown;
interface Endpoint {
  /** The view asked: `/api/v1/<name>`. */
  name: string;
  /** How the report names the shape, when not by its view alone. */
  label?: string;
  fn: string;
  schema: string;
  /** The query for one key (a vendor, a period): each key another query, so no cache answers it. */
  params: (key: string) => Record<string, string>;
}

/** The shapes a query bench asks, and the keys that make each of its queries distinct. */
export interface QueryShapes {
  endpoints: Endpoint[];
  keys: (handle: db.ReadonlyDb) => string[];
}

/**
 * The dashboard's three heavy queries as it asks them (series top 7, ranking top 12), each asked per vendor so no
 * two requests are the same (no cache hits).
 */
const ENDPOINTS: Endpoint[] = [
  {
    name: "series",
    fn: "findSeries",
    schema: "seriesQuerySchema",
    params: (vendor) => ({ metric: "units", groupBy: "destination", interval: "quarter", top: "7", vendor }),
  },
  {
    name: "flows",
    fn: "findFlows",
    schema: "flowsQuerySchema",
    params: (vendor) => ({ metric: "revenue_usd", from: "2024-01-01", to: "2024-12-31", vendor }),
  },
  {
    name: "breakdown",
    fn: "findBreakdown",
    schema: "breakdownQuerySchema",
    params: (vendor) => ({
      metric: "revenue_usd",
      groupBy: "destination",
      top: "12",
      from: "2024-01-01",
      to: "2024-12-31",
      vendor,
    }),
  },
];

/** The dashboard's heavy queries, one vendor each (see `ENDPOINTS`). */
const VENDOR_SHAPES: QueryShapes = {
  endpoints: ENDPOINTS,
  keys: (handle) => handle.prepare("SELECT slug FROM vendors ORDER BY slug").pluck().all() as string[],
};

/** A customs query's metric, dataset and window of months (a key `from/to`). */
function customsWindow(key: string) {
  const [from, to] = key.split("/") as [string, string];
  return { metric: "revenue_usd", dataset: SYNTHETIC_CUSTOMS_DATASET, from, to };
}

/**
 * The queries a researcher's customs download is asked (see `npm run gen -- --customs`), imported beside the
 * curated data: series and breakdowns by destination of the whole dataset, who ships to China, the map of flows into
 * China, and a series by destination of every dataset (the download's figures and the curated ones together), each
 * over windows of months of the download (a year or half a year, and single months: a small file may hold no longer
 * window), one per query.
 */
export const CUSTOMS_SHAPES: QueryShapes = {
  endpoints: [
    {
      name: "series",
      label: "series by destination (customs)",
      fn: "findSeries",
      schema: "seriesQuerySchema",
      params: (key) => ({ ...customsWindow(key), groupBy: "destination", interval: "quarter", top: "7" }),
    },
    {
      name: "breakdown",
      label: "breakdown by destination (customs)",
      fn: "findBreakdown",
      schema: "breakdownQuerySchema",
      params: (key) => ({ ...customsWindow(key), groupBy: "destination", top: "12" }),
    },
    {
      name: "series",
      label: "series by origin into China (customs)",
      fn: "findSeries",
      schema: "seriesQuerySchema",
      params: (key) => ({
        ...customsWindow(key),
        groupBy: "origin",
        interval: "quarter",
        top: "7",
        destination: "CHN",
      }),
    },
    {
      name: "flows",
      label: "flows into China (customs)",
      fn: "findFlows",
      schema: "flowsQuerySchema",
      params: (key) => ({ ...customsWindow(key), destination: "CHN" }),
    },
    {
      name: "series",
      label: "series by destination, every dataset (customs)",
      fn: "findSeries",
      schema: "seriesQuerySchema",
      params: (key) => {
        const { dataset: _dataset, ...everyDataset } = customsWindow(key);
        return { ...everyDataset, groupBy: "destination", interval: "quarter", top: "7" };
      },
    },
  ],
  keys: (handle) => {
    const months = handle
      .prepare("SELECT DISTINCT period_start, period_end FROM facts WHERE dataset_id = ? ORDER BY period_start")
      .raw()
      .all(SYNTHETIC_CUSTOMS_DATASET) as [string, string][];
    const windows: string[] = [];
    for (const length of [12, 6, 1])
      for (let k = 0; k + length <= months.length; k++) windows.push(`${months[k]![0]}/${months[k + length - 1]![1]}`);
    return windows;
  },
};

const summarise = (ms: number[]) => ({ p50: percentile(ms, 50), p95: percentile(ms, 95) });

/**
 * p50/p95 of each endpoint over HTTP (a chipflow server in its own process, loopback) against the same query
 * function run in this process on its own read-only handle. Requests alternate with direct calls, one at a time.
 * Each query names another vendor, so a result cache cannot answer it. `cold` is each endpoint's first request
 * after the server started (and after one health check, see `openSide`).
 * `location` is a SQLite file or a `postgres://` URL (then the server reads it through CHIPFLOW_DATABASE_URL).
 */
export async function runQueryBench(
  location: string,
  samples: number,
  budgetSeconds = 60,
  shapes = VENDOR_SHAPES,
): Promise<QueryResult[]> {
  return (await runQueryBenches([location], samples, budgetSeconds, shapes))[0]!;
}

/** One database the query shapes are asked of: its own handle and its own server. */
interface Side {
  handle: db.ReadonlyDb;
  url: string;
  stop: () => Promise<void>;
}

async function openSide(location: string): Promise<Side> {
  const postgres = db.isPostgresUrl(location);
  const handle = db.openReadonlyAt(location);
  let server: RunningServer | undefined;
  try {
    server = await startServer(
      ["app", postgres ? "unused.sqlite" : location],
      postgres ? { CHIPFLOW_DATABASE_URL: location } : {},
    );
    // The client's first request opens the connection that the others reuse: made to the health check, so that
    // `cold` measures the server's first data request, as a browser makes it after loading the page.
    await httpGet(`${server.url}/api/health`);
    const { url, stop } = server;
    return { handle, url, stop: () => stop().finally(() => handle.close()) };
  } catch (error) {
    await server?.stop();
    handle.close();
    throw error;
  }
}

/**
 * `runQueryBench` on several databases holding the same facts (SQLite and PostgreSQL), interleaved: each query is
 * asked of every database in turn before the next, so a change in the machine's load falls on all of them alike.
 * One result list per location, in the order given; a slow endpoint stops after `budgetSeconds` per location.
 */
export async function runQueryBenches(
  locations: string[],
  samples: number,
  budgetSeconds = 60,
  shapes = VENDOR_SHAPES,
): Promise<QueryResult[][]> {
  const sides: Side[] = [];
  const results: QueryResult[][] = locations.map(() => []);
  try {
    for (const location of locations) sides.push(await openSide(location));
    const keys = shapes.keys(sides[0]!.handle);
    for (const e of shapes.endpoints) {
      const fn = (db as unknown as Record<string, QueryFn | undefined>)[e.fn];
      const schema = (core as unknown as Record<string, { parse: (v: unknown) => unknown } | undefined>)[e.schema];
      const endpoint = e.label ?? e.name;
      const example = `/api/v1/${e.name}?${new URLSearchParams(e.params(keys[0]!)).toString()}`;
      const cold: number[] = [];
      const probes = await Promise.all(
        sides.map(async (side, k) => {
          const t = performance.now();
          const res = await httpGet(side.url + example);
          cold[k] = performance.now() - t;
          return res;
        }),
      );
      const failed = probes.find((p) => p.status !== 200);
      if (!fn || !schema || failed) {
        for (const r of results)
          r.push({
            endpoint,
            example,
            samples: 0,
            cold: null,
            http: null,
            direct: null,
            ratio: null,
            note: `not measured: HTTP ${failed?.status ?? 200}${fn ? "" : `, no ${e.fn} in @chipflow/db`}`,
          });
        continue;
      }
      const http: number[][] = sides.map(() => []);
      const direct: number[][] = sides.map(() => []);
      // A slow endpoint gets fewer samples rather than the whole run: at most `budgetSeconds` each.
      const deadline = performance.now() + budgetSeconds * sides.length * 1000;
      for (let i = 0; i < samples && (i < 3 || performance.now() < deadline); i++) {
        const params = e.params(keys[(i + 1) % keys.length]!);
        for (const [k, side] of sides.entries()) {
          let t = performance.now();
          fn(side.handle, schema.parse(params));
          direct[k]!.push(performance.now() - t);
          t = performance.now();
          const res = await httpGet(`${side.url}/api/v1/${e.name}?${new URLSearchParams(params).toString()}`);
          http[k]!.push(performance.now() - t);
          if (res.status !== 200) throw new Error(`${e.name} answered ${res.status} (${locations[k]})`);
        }
      }
      for (const [k, r] of results.entries()) {
        const h = summarise(http[k]!);
        const d = summarise(direct[k]!);
        r.push({
          endpoint,
          example,
          samples: http[k]!.length,
          cold: cold[k]!,
          http: h,
          direct: d,
          ratio: h.p50 / d.p50,
        });
      }
    }
  } finally {
    for (const side of sides) await side.stop();
  }
  return results;
}
