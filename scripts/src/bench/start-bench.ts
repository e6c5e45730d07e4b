import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

export interface StartResult {
  facts: number;
  /** From spawning `node scripts/dist/start.js` to its first answer of `/api/health`. */
  readyMs: number;
  /** To its first answer of data: the summary the dashboard's headline tiles read. */
  firstDataMs: number;
  /** Resident memory after the first data answer, and at its peak after the query shapes below. */
  rssAfterFirstMb: number;
  peakRssMb: number;
  /** The query shapes asked once each after start (the ones of the query benchmark, for a few vendors). */
  queries: number;
}

const START = fileURLToPath(new URL("../start.js", import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.once("error", reject);
  });
}

/** VmRSS and VmHWM of a process, in MB. */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const mb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? 0) / 1024;
  return { rss: mb("VmRSS"), peak: mb("VmHWM") };
}

/** Milliseconds from `since` until `url` first answers 200 (asked every 10 ms). */
async function firstAnswer(url: string, since: number, timeoutMs = 300_000): Promise<number> {
  while (performance.now() - since < timeoutMs) {
    const status = await fetch(url).then(
      async (r) => (await r.arrayBuffer(), r.status),
      () => 0,
    );
    if (status === 200) return performance.now() - since;
    await sleep(10);
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/**
 * Starts chipflow as `npm start` does, after its build (`node scripts/dist/start.js`, the database given by
 * CHIPFLOW_DB), and measures the time to its first answer and its memory: after that answer, and at its peak once
 * the query shapes of the query benchmark have each been asked for a few vendors.
 */
export async function runStartBench(dbPath: string, facts: number, vendors: string[]): Promise<StartResult> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, [START], {
    env: { ...process.env, CHIPFLOW_DB: dbPath, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "warn" },
    stdio: "ignore",
  });
  try {
    const readyMs = await firstAnswer(`${base}/api/health`, started);
    const firstDataMs = await firstAnswer(`${base}/api/v1/summary`, started);
    const rssAfterFirstMb = memoryOf(child.pid!).rss;
    const shapes = vendors.flatMap((vendor) => [
      `/api/v1/series?metric=units&groupBy=destination&interval=quarter&top=7&vendor=${vendor}`,
      `/api/v1/flows?metric=revenue_usd&from=2024-01-01&to=2024-12-31&vendor=${vendor}`,
      `/api/v1/breakdown?metric=revenue_usd&groupBy=destination&top=12&from=2024-01-01&to=2024-12-31&vendor=${vendor}`,
    ]);
    for (const path of shapes) {
      const res = await fetch(base + path);
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
    }
    return {
      facts,
      readyMs,
      firstDataMs,
      rssAfterFirstMb,
      peakRssMb: memoryOf(child.pid!).peak,
      queries: shapes.length,
    };
  } finally {
    child.kill("SIGTERM");
  }
}
