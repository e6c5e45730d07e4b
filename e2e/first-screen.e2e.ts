import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useDashboard } from "./serve.js";

const dashboard = useDashboard();

/** What the web bench waits for: the first chart with marks drawn. */
const FIRST_CHART = ".chart-card svg :is(path, circle, rect, line), svg.time-series :is(path, circle, line)";

/**
 * Opens the default dashboard, noting (ms since navigation) when the app first put anything into #root and when
 * the first chart had marks; then each request the page made: what, and when it started.
 */
async function openDashboard(page: Page) {
  await page.addInitScript((selector: string) => {
    const times: Record<string, number> = {};
    (window as unknown as { times: typeof times }).times = times;
    new MutationObserver(() => {
      if (times.app === undefined && document.getElementById("root")?.firstChild) times.app = performance.now();
      if (times.chart === undefined && document.querySelector(selector)) times.chart = performance.now();
    }).observe(document, { childList: true, subtree: true });
  }, FIRST_CHART);
  await page.goto(dashboard.url);
  await page.locator("#map svg.world-map").waitFor({ state: "visible" });
  const times = await page.evaluate(() => (window as unknown as { times: { app: number; chart: number } }).times);
  const requests = await page.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .map((e) => ({ path: e.name.replace(location.origin, ""), start: e.startTime })),
  );
  return { times, requests };
}

describe("the first screen", () => {
  it("asks for its charts' data before the app has drawn anything, and for each only once", async () => {
    const page = await dashboard.browser.newPage({ viewport: { width: 1440, height: 900 } });
    const { times, requests } = await openDashboard(page);
    const first = [
      "/api/v1/series?metric=revenue_share_pct&",
      "/api/v1/series?metric=revenue_usd&groupBy=destination&interval=quarter&",
      "/api/v1/events",
      "/api/v1/series?metric=revenue_usd&groupBy=destination&interval=year&top=7&vendor=nvidia&dataset=nvidia-geo-hq",
    ];
    for (const path of first) {
      const made = requests.filter((r) => r.path.startsWith(path));
      expect(made, path).toHaveLength(1);
      expect(made[0]!.start, path).toBeLessThan(times.app);
    }
    await page.close();
  });

  it("loads the flows, the ranking and the map, their code and their data, once the first chart is drawn", async () => {
    const page = await dashboard.browser.newPage({ viewport: { width: 1440, height: 900 } });
    const { times, requests } = await openDashboard(page);
    const later = requests.filter((r) =>
      /^\/(api\/v1\/(flows|breakdown)|assets\/(MapCard|FlowCard|RankingCard|LowerCards)-)/.test(r.path),
    );
    expect(later.length).toBeGreaterThanOrEqual(6);
    for (const r of later) expect(r.start, r.path).toBeGreaterThan(times.chart);
    await page.close();
  });

  it("finds everything it asks for, its icon too: no request is answered with an error", async () => {
    const page = await dashboard.browser.newPage({ viewport: { width: 1440, height: 900 } });
    const failed: string[] = [];
    page.on("response", (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    // The browser's own requests (the icon among them) are not the page's: a failure shows only in the console.
    page.on("console", (message) => {
      if (message.type() === "error" && /Failed to load resource/.test(message.text()))
        failed.push(`${message.location().url}: ${message.text()}`);
    });
    await openDashboard(page);
    const icon = await page.evaluate(async () => {
      const href = document.querySelector<HTMLLinkElement>('link[rel="icon"]')?.href;
      return href ? { href, status: (await fetch(href)).status } : null;
    });
    expect(icon?.href).toMatch(/\/favicon\.svg$/);
    expect(icon?.status).toBe(200);
    expect(failed).toEqual([]);
    await page.close();
  });

  it("comes compressed: each script over 1 KB is sent gzipped or brotli-compressed, the larger ones at under half their size", async () => {
    const page = await dashboard.browser.newPage();
    const encodings = new Map<string, string | undefined>();
    page.on("response", (response) => {
      if (response.request().resourceType() === "script")
        encodings.set(response.url(), response.headers()["content-encoding"]);
    });
    await page.goto(dashboard.url);
    await page.locator(FIRST_CHART).first().waitFor({ state: "attached" });
    const sizes = await page.evaluate(() =>
      performance
        .getEntriesByType("resource")
        .map((e) => e as PerformanceResourceTiming)
        .map((e) => ({ url: e.name, sent: e.encodedBodySize, size: e.decodedBodySize })),
    );
    const scripts = sizes.filter((s) => encodings.has(s.url) && s.size > 1024);
    expect(scripts.length).toBeGreaterThanOrEqual(3);
    for (const script of scripts) {
      expect(["gzip", "br"], script.url).toContain(encodings.get(script.url));
      if (script.size > 10_000) expect(script.sent, script.url).toBeLessThan(script.size / 2);
    }
    await page.close();
  });
});
