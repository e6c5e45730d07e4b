import { describe, expect, it } from "vitest";
import { useDashboard } from "./serve.js";

const dashboard = useDashboard();

describe("the story the dashboard opens with", () => {
  it("draws China's share of seven makers' revenue and NVIDIA's China revenue with the H20 milestones", async () => {
    const page = await dashboard.browser.newPage({ viewport: { width: 1440, height: 1000 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(dashboard.url);

    const share = page.locator("#story-share svg.time-series");
    await share.waitFor({ state: "visible" });
    expect(Number(await share.getAttribute("data-series-count"))).toBeGreaterThan(3);
    expect(await share.locator("circle.mark, line.mark").count()).toBeGreaterThan(10);
    // Lines are named at their ends, and the makers with no or few figures are named above the chart: AMD states no
    // share of its revenue from China, only dollars.
    expect(await share.locator(".end-label").allTextContents()).toEqual(
      expect.arrayContaining(["ASML", "Tokyo Electron", "Applied Materials", "KLA"]),
    );
    expect(await page.locator("#story-share .story-gaps").innerText()).toMatch(
      /^No share figures for AMD; only a few (each )?for \w+ \(\d\)/,
    );
    expect(await page.locator("#story-share a.story-full").getAttribute("href")).toBe("/views/chip-tools-to-china");

    const nvidia = page.locator("#story-nvidia svg.time-series");
    await nvidia.waitFor({ state: "visible" });
    expect(await nvidia.locator("circle.mark, line.mark").count()).toBeGreaterThan(3);
    const labelled = nvidia.locator(".event", { has: page.locator(".event-label") });
    await expect.poll(() => labelled.count()).toBeGreaterThanOrEqual(3);
    const labels = await nvidia.locator(".event-label").allTextContents();
    expect(labels.filter((l) => /H20|15%/.test(l)).length).toBeGreaterThanOrEqual(3);
    expect(labels).toContain("H20 licence required");

    // Clicking an annotation shows its event with a link to the event's source.
    const events = (await (await fetch(`${dashboard.url}/api/v1/events`)).json()) as {
      events: { label: string | null; source: { url: string } }[];
    };
    const licence = events.events.find((e) => e.label === "H20 licence required")!;
    await nvidia.locator(".event-label", { hasText: "H20 licence required" }).click();
    const link = page.locator("#story-nvidia .mark-details li a").first();
    await link.waitFor({ state: "visible" });
    expect(await link.getAttribute("href")).toBe(licence.source.url);

    // The main series card is still the view's own chart.
    await page.locator("#series svg.time-series").waitFor({ state: "visible" });
    expect(errors).toEqual([]);
    await page.screenshot({ path: ".reports/story.png", fullPage: false });
    await page.close();
  });

  for (const width of [375, 1440]) {
    it(`writes each H20 milestone's label at ${width} px, no two overlapping`, async () => {
      const page = await dashboard.browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(dashboard.url);
      const nvidia = page.locator("#story-nvidia svg.time-series");
      await nvidia.waitFor({ state: "visible" });
      const labels = nvidia.locator(".event-label");
      await expect.poll(() => labels.count()).toBe(5);
      expect(await labels.allTextContents()).toEqual([
        "H20 ramp",
        "H20 licence required",
        "$4.5B H20 charge",
        "H20 licences issued",
        "15% revenue deal",
      ]);
      const boxes = await labels.evaluateAll((els) =>
        els.map((el) => {
          const r = el.getBoundingClientRect();
          return { x0: r.left, x1: r.right, y0: r.top, y1: r.bottom };
        }),
      );
      const frame = await nvidia.evaluate(
        (el) => el.getBoundingClientRect().toJSON() as { left: number; right: number },
      );
      for (const [i, a] of boxes.entries()) {
        expect(a.x0).toBeGreaterThanOrEqual(frame.left);
        expect(a.x1).toBeLessThanOrEqual(frame.right);
        for (const b of boxes.slice(i + 1))
          expect(a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1, JSON.stringify([a, b])).toBe(false);
      }
      await page.close();
    });
  }

  it("leaves the story out of a filtered view", async () => {
    const page = await dashboard.browser.newPage();
    await page.goto(`${dashboard.url}/?metric=revenue_usd&groupBy=destination&interval=quarter&vendor=nvidia`);
    await page.locator("#series svg.time-series").waitFor({ state: "visible" });
    expect(await page.locator("#story-share, #story-nvidia").count()).toBe(0);
    await page.close();
  });
});
