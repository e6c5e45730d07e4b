import type { FastifyInstance } from "fastify";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, serve } from "./serve.js";

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

describe("dashboard in Chromium", () => {
  it("draws NVIDIA revenue by region from the API, with its source line", async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(url);
    const chart = page.locator("svg.time-series");
    await chart.waitFor({ state: "visible" });
    expect(Number(await chart.getAttribute("data-series-count"))).toBeGreaterThan(1);
    expect(await chart.locator("circle.mark, line.mark").count()).toBeGreaterThan(3);
    await expect.poll(() => page.locator("#series .source-line a").count()).toBeGreaterThan(0);
    expect(await page.locator("#series .source-line").innerText()).toMatch(/Source/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("serves the API and the dashboard on one port, API errors as JSON", async () => {
    const health = await fetch(`${url}/api/health`);
    expect(health.status).toBe(200);
    const missing = await fetch(`${url}/api/v1/missing`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe("NOT_FOUND");
  });
});
