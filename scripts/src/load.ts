/**
 * `npm run load`: 200 concurrent connections for 30 s on the heaviest endpoints, against a server started on
 * loopback over the database (CHIPFLOW_DB or data/chipflow.sqlite, seeded if missing). Prints errors, latency
 * percentiles and the server's resident memory before, during and after. The rate limit is off: this measures
 * the server. Options: --seconds <n>, --connections <n>; --stall runs the "one request stalls all" scenario instead
 * (see `runStallScenario`). `--engine postgres` serves CHIPFLOW_DATABASE_URL instead (seeded if empty), and
 * `--replicas <n>` starts n server processes on the same database behind a balancer (`startBalancer`). --downloads
 * <n> sets the connections downloading facts.csv, apart from the query connections.
 */
import { ensureSeededDatabase, ensureSeededPostgres } from "@chipflow/db";
import autocannon from "autocannon";
import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { startBalancer } from "./load/balancer.js";
import { runStallScenario } from "./load/stall-scenario.js";
import { DATA_DIR, DEFAULT_DB } from "./paths.js";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  const n = i > 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} expects a positive whole number`);
  return n;
};
const SECONDS = arg("seconds", 30);
const CONNECTIONS = arg("connections", 200);
const REPLICAS = arg("replicas", 1);
/**
 * Connections downloading every fact as CSV (5.8 MB on the seeded data), apart from the query connections. Default:
 * two per process, as many as a process streams at once; past 10 at once per process (2 streaming, 8 waiting) a
 * download is refused with 503 by design.
 */
const DOWNLOADS = arg("downloads", 2 * REPLICAS);
const DOWNLOAD_PATH = "/api/v1/facts.csv";
const POSTGRES = process.argv[process.argv.indexOf("--engine") + 1] === "postgres";
const DATABASE_URL = process.env.CHIPFLOW_DATABASE_URL;
if (POSTGRES && !DATABASE_URL) throw new Error("--engine postgres reads CHIPFLOW_DATABASE_URL: set it (postgres://…)");

/** The heaviest reads: every grouping and chart query, the fact table and a CSV export. */
const QUERY_PATHS = [
  "/api/v1/series?metric=revenue_usd&groupBy=destination&interval=quarter",
  "/api/v1/series?metric=units&groupBy=product&interval=month",
  "/api/v1/series.csv?metric=revenue_usd&groupBy=vendor&interval=year",
  "/api/v1/breakdown?metric=revenue_usd&groupBy=destination",
  "/api/v1/flows?metric=revenue_usd",
  "/api/v1/facts",
  "/api/v1/summary",
  "/api/v1/dimensions",
];

function request<T>(child: ChildProcess, message: string, key: string): Promise<T> {
  return new Promise((resolve) => {
    const onMessage = (m: Record<string, T>) => {
      if (key in m) {
        child.off("message", onMessage);
        resolve(m[key]!);
      }
    };
    child.on("message", onMessage);
    if (message) child.send(message);
  });
}
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

if (POSTGRES) await ensureSeededPostgres(DATABASE_URL!, DATA_DIR);
else await ensureSeededDatabase(DEFAULT_DB, DATA_DIR);
const servers = Array.from({ length: REPLICAS }, () =>
  fork(
    fileURLToPath(new URL("./load/load-server.js", import.meta.url)),
    [DEFAULT_DB, ...(POSTGRES ? [DATABASE_URL!] : [])],
    {
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    },
  ),
);
const server = servers[0]!;
const urls = await Promise.all(servers.map((s) => request<string>(s, "", "url")));
const url = urls[0]!;
/** The servers' resident memory, added up. */
const rssOfAll = async () =>
  (await Promise.all(servers.map((s) => request<number>(s, "rss", "rss")))).reduce((a, b) => a + b);
const stopAll = async () => {
  for (const s of servers) s.send("stop");
  await Promise.all(servers.map((s) => new Promise((resolve) => s.once("exit", resolve))));
};
if (process.argv.includes("--stall")) {
  try {
    const rssBefore = await request<number>(server, "rss", "rss");
    let rssPeak = rssBefore;
    const sampler = setInterval(() => {
      void request<number>(server, "rss", "rss").then((rss) => (rssPeak = Math.max(rssPeak, rss)));
    }, 500);
    const r = await runStallScenario(url, Math.min(SECONDS, 15));
    clearInterval(sampler);
    // Threads idle for 10 s end and give their memory back (SETTLE_MS: how long to wait before measuring).
    const settleMs = Number(process.env.SETTLE_MS ?? 12_000);
    await new Promise((resolve) => setTimeout(resolve, settleMs));
    const rssAfter = await request<number>(server, "rss", "rss");
    console.log(`100 connections on facts.csv and 20 uncached breakdowns (${url}, rate limit off)`);
    console.log(`  downloads answered: ${JSON.stringify(r.downloads)}; breakdowns: ${JSON.stringify(r.breakdowns)}`);
    console.log(
      `  health and a cached answer meanwhile, ${r.probes} requests: ` +
        `p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, max ${r.max.toFixed(1)} ms`,
    );
    console.log(`server RSS: before ${mb(rssBefore)}, peak ${mb(rssPeak)}, ${settleMs / 1000} s after ${mb(rssAfter)}`);
  } finally {
    await stopAll();
  }
  process.exit();
}
const balancer = REPLICAS > 1 ? await startBalancer(urls) : null;
const target = balancer?.url ?? url;
try {
  const paths: string[] = [];
  for (const path of QUERY_PATHS) {
    const res = await fetch(target + path);
    await res.arrayBuffer();
    if (res.ok) paths.push(path);
    else console.log(`skipped ${path}: ${res.status}`);
  }
  // Warm up, then measure memory at rest before the run.
  await autocannon({ url: target, connections: 10, duration: 2, requests: paths.map((path) => ({ path })) });
  const rssBefore = await rssOfAll();
  let rssPeak = rssBefore;
  const sampler = setInterval(() => {
    void rssOfAll().then((rss) => (rssPeak = Math.max(rssPeak, rss)));
  }, 1000);
  const byPath = new Map<string, Record<number, number>>();
  const counted = (path: string) => ({
    path,
    onResponse: (status: number) => {
      const n = byPath.get(path) ?? {};
      n[status] = (n[status] ?? 0) + 1;
      byPath.set(path, n);
    },
  });
  // Closed loop: each connection sends its next request when its answer is in. Queries and downloads apart, so
  // that downloads stay within the threads that stream them (see DOWNLOADS).
  const run = (connections: number, requests: string[]) =>
    autocannon({ url: target, connections, duration: SECONDS, timeout: 10, requests: requests.map(counted) });
  const results = await Promise.all([run(CONNECTIONS, paths), run(DOWNLOADS, [DOWNLOAD_PATH])]);
  clearInterval(sampler);
  const rssAfter = await rssOfAll();
  const [queries, downloads] = results;

  // A 503 is the server refusing work past its bounds (downloads or queries at once), with Retry-After: counted
  // apart, but it is an error of the run all the same. Anything else that is not a 2xx is an error.
  const sum = (of: (r: typeof queries) => number) => results.reduce((n, r) => n + of(r), 0);
  const refused = sum((r) => (r.statusCodeStats as Record<string, { count: number } | undefined>)["503"]?.count ?? 0);
  const [errorCount, timeouts, non2xx] = [sum((r) => r.errors), sum((r) => r.timeouts), sum((r) => r.non2xx)];
  const errors = errorCount + timeouts + non2xx;
  const engine = POSTGRES ? "PostgreSQL" : "SQLite";
  console.log(
    `${CONNECTIONS} connections over ${paths.length} query endpoints and ${DOWNLOADS} on ${DOWNLOAD_PATH}, ` +
      `closed loop, for ${SECONDS} s; ${REPLICAS} server process${REPLICAS > 1 ? "es behind a balancer" : ""} ` +
      `on ${engine} (${target}, rate limit off)`,
  );
  for (const path of [...paths, DOWNLOAD_PATH]) console.log(`  ${JSON.stringify(byPath.get(path) ?? {})} ${path}`);
  console.log(
    `requests: ${sum((r) => r.requests.total)} (${sum((r) => r.requests.average).toFixed(0)}/s); ` +
      `errors: ${errorCount}, timeouts: ${timeouts}, non-2xx: ${non2xx} (of which ${refused} refused with 503)` +
      (balancer ? `; sent again to another process: ${balancer.retried()}` : ""),
  );
  for (const [name, r] of [
    ["queries", queries],
    ["downloads", downloads],
  ] as const)
    console.log(
      `latency ms, ${name}: p50 ${r.latency.p50}, p90 ${r.latency.p90}, p99 ${r.latency.p99}, max ${r.latency.max}`,
    );
  console.log(
    `server RSS${REPLICAS > 1 ? " (all processes)" : ""}: before ${mb(rssBefore)}, peak ${mb(rssPeak)}, after ${mb(rssAfter)}`,
  );
  process.exitCode = errors === 0 ? 0 : 1;
} finally {
  await balancer?.close();
  await stopAll();
}
