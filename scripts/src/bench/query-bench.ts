import * as core from "@chipflow/core";
import * as db from "@chipflow/db";
import { percentile } from "./percentile.js";
import { startServer } from "./start-server.js";

export interface QueryResult {
  endpoint: string;
  example: string;
  samples: number;
  /** null when the endpoint or its query function does not exist in this build. */
  http: { p50: number; p95: number } | null;
  direct: { p50: number; p95: number } | null;
  ratio: number | null;
  note?: string;
}

type QueryFn = (handle: db.ReadonlyDb, query: unknown) => unknown;
interface Endpoint {
  name: string;
  fn: string;
  schema: string;
  params: (vendor: string) => Record<string, string>;
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

const summarise = (ms: number[]) => ({ p50: percentile(ms, 50), p95: percentile(ms, 95) });

/**
 * p50/p95 of each endpoint over HTTP (a chipflow server in its own process, loopback) against the same query
 * function run in this process on its own read-only handle. Requests alternate with direct calls, one at a time.
 * Each query names another vendor, so a result cache cannot answer it: these are cold-cache figures.
 */
export async function runQueryBench(dbPath: string, samples: number, budgetSeconds = 60): Promise<QueryResult[]> {
  const handle = db.openReadonly(dbPath);
  const vendors = handle.prepare("SELECT slug FROM vendors ORDER BY slug").pluck().all() as string[];
  const server = await startServer(["app", dbPath]);
  const results: QueryResult[] = [];
  try {
    for (const e of ENDPOINTS) {
      const fn = (db as unknown as Record<string, QueryFn | undefined>)[e.fn];
      const schema = (core as unknown as Record<string, { parse: (v: unknown) => unknown } | undefined>)[e.schema];
      const example = `/api/v1/${e.name}?${new URLSearchParams(e.params(vendors[0]!)).toString()}`;
      const probe = await fetch(server.url + example);
      if (!fn || !schema || probe.status !== 200) {
        results.push({
          endpoint: e.name,
          example,
          samples: 0,
          http: null,
          direct: null,
          ratio: null,
          note: `not measured: HTTP ${probe.status}${fn ? "" : `, no ${e.fn} in @chipflow/db`}`,
        });
        continue;
      }
      const http: number[] = [];
      const direct: number[] = [];
      // A slow endpoint gets fewer samples rather than the whole run: at most `budgetSeconds` each.
      const deadline = performance.now() + budgetSeconds * 1000;
      for (let i = 0; i < samples && (i < 3 || performance.now() < deadline); i++) {
        const params = e.params(vendors[(i + 1) % vendors.length]!);
        let t = performance.now();
        fn(handle, schema.parse(params));
        direct.push(performance.now() - t);
        t = performance.now();
        const res = await fetch(`${server.url}/api/v1/${e.name}?${new URLSearchParams(params).toString()}`);
        await res.arrayBuffer();
        http.push(performance.now() - t);
        if (res.status !== 200) throw new Error(`${e.name} answered ${res.status}`);
      }
      const h = summarise(http);
      const d = summarise(direct);
      results.push({ endpoint: e.name, example, samples: http.length, http: h, direct: d, ratio: h.p50 / d.p50 });
    }
  } finally {
    await server.stop();
    handle.close();
  }
  return results;
}
