import { describe, expect, it } from "vitest";
import { useDashboard } from "./serve.js";

const dashboard = useDashboard();

describe("the series' scale and mode", () => {
  it("switches to log and to indexed: the axis title and the URL change, and a reload keeps both", async () => {
    const page = await dashboard.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(dashboard.url);
    const title = page.locator("#series svg.time-series .axis-title");
    await title.waitFor();
    expect(await title.textContent()).toBe("USD");
    // NVIDIA's figures are fiscal years, drawn at their own dates, and the subtitle says so.
    expect(await page.locator("#series .subtitle").innerText()).toMatch(/fiscal periods shown at their own dates/i);
    expect(await page.locator("#series .subtitle").innerText()).toMatch(/USD per year, as reported/);

    await page.locator("#series .scale-switch").getByRole("button", { name: "Log" }).click();
    await expect.poll(() => title.textContent()).toBe("USD, log scale");
    expect(new URL(page.url()).searchParams.get("scale")).toBe("log");

    await page.locator("#series .mode-switch").getByRole("button", { name: "Indexed (first = 100)" }).click();
    await expect.poll(() => title.textContent()).toMatch(/^index \(.+ = 100\), log scale$/);
    expect(new URL(page.url()).searchParams.get("mode")).toBe("indexed");
    const indexedTitle = await title.textContent();
    const url = page.url();

    await page.reload();
    await title.waitFor();
    expect(page.url()).toBe(url);
    expect(await title.textContent()).toBe(indexedTitle);
    const pressed = page.locator('#series .toolbar [aria-pressed="true"]');
    expect(await pressed.allInnerTexts()).toEqual(expect.arrayContaining(["Log", "Indexed (first = 100)"]));

    // Back to linear values: the default view's URL carries neither key.
    await page.locator("#series .scale-switch").getByRole("button", { name: "Linear" }).click();
    await page.locator("#series .mode-switch").getByRole("button", { name: "Values" }).click();
    await expect.poll(() => title.textContent()).toBe("USD");
    expect(new URL(page.url()).searchParams.has("scale")).toBe(false);
    expect(new URL(page.url()).searchParams.has("mode")).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("keeps a share of a percentage out of reach, and says why", async () => {
    const page = await dashboard.browser.newPage({ viewport: { width: 375, height: 800 } });
    await page.goto(`${dashboard.url}/?metric=revenue_share_pct&groupBy=destination&interval=year&vendor=nvidia`);
    const share = page.locator("#series .mode-switch").getByRole("button", { name: "Share of total" });
    await expect.poll(() => share.getAttribute("aria-disabled")).toBe("true");
    expect(await share.getAttribute("title")).toMatch(/does not add up/);
    await share.click({ force: true });
    expect(new URL(page.url()).searchParams.has("mode")).toBe(false);
    await page.close();
  });
});
