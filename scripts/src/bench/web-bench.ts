import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { startServer } from "./start-server.js";

export interface WebResult {
  scripts: string[];
  jsGzipKb: number;
  /** Milliseconds from navigation start to the first chart with marks drawn, per load (fresh context each). */
  firstChartMs: number[];
  medianFirstChartMs: number;
  /**
   * The API requests the dashboard made before its first chart (the first screen's), each asked again of a server
   * just started, one after another: its first answer (`coldMs`, caches empty) and its second (`warmMs`).
   */
  firstScreen: { path: string; coldMs: number; warmMs: number }[];
}

/** The gzip size of the JavaScript that index.html loads (its module scripts and module preloads). */
export function initialJsGzipKb(webRoot: string): { scripts: string[]; kb: number } {
  const html = readFileSync(join(webRoot, "index.html"), "utf8");
  const scripts = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/?([^"]+\.js)"/g)].map(
    (m) => m[1]!,
  );
  const bytes = scripts.reduce((n, s) => n + gzipSync(readFileSync(join(webRoot, s)), { level: 9 }).length, 0);
  return { scripts, kb: bytes / 1024 };
}

const FIRST_CHART = ".chart-card svg :is(path, circle, rect, line), svg.time-series :is(path, circle, line)";

/** Time to first chart in headless Chromium against a chipflow server on `dbPath`, `loads` times. */
export async function runWebBench(dbPath: string, webRoot: string, loads: number): Promise<WebResult> {
  const { scripts, kb } = initialJsGzipKb(webRoot);
  const server = await startServer(["app", dbPath, webRoot]);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking"],
  });
  const times: number[] = [];
  let firstScreen: string[] = [];
  try {
    for (let i = 0; i < loads; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${server.url}/`, { waitUntil: "commit" });
      // Runs in the page (no DOM types here): ms since navigation start once a chart has marks.
      type Page = { document: { querySelector: (s: string) => unknown } };
      const probe = (sel: string) => (globalThis as unknown as Page).document.querySelector(sel) && performance.now();
      const handle = await page.waitForFunction(probe, FIRST_CHART, {
        polling: "raf",
        timeout: 30_000,
      });
      times.push((await handle.jsonValue()) as number);
      // Runs in the page: the API requests answered by now.
      const api = () =>
        (performance.getEntriesByType("resource") as unknown as { name: string; responseEnd: number }[])
          .filter((e) => new URL(e.name).pathname.startsWith("/api/") && e.responseEnd > 0)
          .map((e) => new URL(e.name).pathname + new URL(e.name).search);
      if (i === 0) firstScreen = await page.evaluate(api);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  const sorted = [...times].sort((a, b) => a - b);
  return {
    scripts,
    jsGzipKb: kb,
    firstChartMs: times,
    medianFirstChartMs: sorted[Math.floor(sorted.length / 2)]!,
    firstScreen: await askAgain(dbPath, webRoot, firstScreen),
  };
}

/** Each path asked twice of a server just started, one request at a time: its cold and warm times in ms. */
async function askAgain(dbPath: string, webRoot: string, paths: string[]) {
  const server = await startServer(["app", dbPath, webRoot]);
  const ask = async (path: string) => {
    const t = performance.now();
    const res = await fetch(server.url + path, { headers: { "accept-encoding": "gzip" } });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${path} answered ${res.status}`);
    return performance.now() - t;
  };
  try {
    const timings = [];
    for (const path of paths) timings.push({ path, coldMs: await ask(path), warmMs: await ask(path) });
    return timings;
  } finally {
    await server.stop();
  }
}
