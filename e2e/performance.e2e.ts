import type { FastifyInstance } from "fastify";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, serve } from "./serve.js";

/*
 * Measures what docs/benchmarks.md records: the initial JavaScript of the dashboard (gzip) and the time from
 * navigation to the first chart drawn on localhost. Measured, printed and written to .reports/, never asserted:
 * timings depend on the machine.
 */

const dist = (path: string) => fileURLToPath(new URL(`../apps/web/dist/${path}`, import.meta.url));

let app: FastifyInstance;
let url: string;
let browser: Browser;

beforeAll(async () => {
  ({ app, url } = await serve());
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe("dashboard weight and speed (measured, not asserted)", () => {
  it("measures initial JavaScript and the time to the first chart", async () => {
    const html = readFileSync(dist("index.html"), "utf8");
    const scripts = [...html.matchAll(/<script[^>]+src="\/([^"]+\.js)"/g)].map((m) => m[1]!);
    const preloads = [...html.matchAll(/<link rel="modulepreload"[^>]+href="\/([^"]+\.js)"/g)].map((m) => m[1]!);
    const initial = [...scripts, ...preloads];
    const gzipKb = initial.reduce((n, f) => n + gzipSync(readFileSync(dist(f))).length, 0) / 1024;

    const runs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      // Records when the first time-series chart is in the DOM, relative to navigation start.
      await page.addInitScript(() => {
        new MutationObserver((_, observer) => {
          if (document.querySelector("svg.time-series .series")) {
            (window as unknown as { firstChart: number }).firstChart = performance.now();
            observer.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
      });
      await page.goto(url);
      await page.locator("svg.time-series .series").first().waitFor();
      runs.push(await page.evaluate(() => (window as unknown as { firstChart: number }).firstChart));
      await page.close();
    }
    runs.sort((a, b) => a - b);
    const result = {
      initialScripts: initial,
      initialJsGzipKb: Math.round(gzipKb * 10) / 10,
      firstChartMs: { median: Math.round(runs[2]!), min: Math.round(runs[0]!), max: Math.round(runs[4]!) },
    };
    mkdirSync(fileURLToPath(new URL("../.reports/", import.meta.url)), { recursive: true });
    writeFileSync(
      fileURLToPath(new URL("../.reports/web-performance.json", import.meta.url)),
      JSON.stringify(result, null, 2),
    );
    console.log("dashboard performance", JSON.stringify(result));
    expect(initial.length).toBeGreaterThan(0);
    expect(runs.every((t) => t > 0)).toBe(true);
  });
});
