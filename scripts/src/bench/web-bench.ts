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
      await context.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { scripts, jsGzipKb: kb, firstChartMs: times, medianFirstChartMs: sorted[Math.floor(sorted.length / 2)]! };
}
