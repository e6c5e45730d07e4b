import { describe, expect, it } from "vitest";
import { useDashboard } from "./serve.js";

const dashboard = useDashboard();

describe("dashboard in Chromium", () => {
  it("draws NVIDIA revenue by region from the API, with its source line", async () => {
    const page = await dashboard.browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(dashboard.url);
    const chart = page.locator("#series svg.time-series");
    await chart.waitFor({ state: "visible" });
    expect(Number(await chart.getAttribute("data-series-count"))).toBeGreaterThan(1);
    expect(await chart.locator("circle.mark, line.mark").count()).toBeGreaterThan(3);
    await expect.poll(() => page.locator("#series .source-line a").count()).toBeGreaterThan(0);
    expect(await page.locator("#series .source-line").innerText()).toMatch(/Source/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("asks for one product category rather than add up units of different things, and draws the one chosen", async () => {
    const page = await dashboard.browser.newPage();
    await page.goto(`${dashboard.url}/?metric=units&groupBy=destination&interval=year`);
    const prompt = page.locator("#series .units-prompt");
    await prompt.waitFor();
    expect(await prompt.innerText()).toMatch(/never added into one figure/);
    const choices = await prompt.getByRole("button").allInnerTexts();
    expect(choices).toEqual(expect.arrayContaining(["Inspection", "Semiconductor equipment", "Compare by category"]));
    await prompt.getByRole("button", { name: "Semiconductor equipment" }).click();
    await page.locator("#series svg.time-series").waitFor();
    expect(new URL(page.url()).searchParams.get("category")).toBe("semiconductor_equipment");
    await page.close();
  });

  it("serves the API and the dashboard on one port, API errors as JSON", async () => {
    const health = await fetch(`${dashboard.url}/api/health`);
    expect(health.status).toBe(200);
    const missing = await fetch(`${dashboard.url}/api/v1/missing`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe("NOT_FOUND");
  });
});
