import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useDashboard } from "./serve.js";

const dashboard = useDashboard();

/** Chip-making equipment in 2020: China's imports by partner, as UN Comtrade publishes them. */
const EQUIPMENT_2020 =
  "/?metric=revenue_usd&groupBy=origin&interval=year&mapCategory=semiconductor_equipment&mapYear=2020";

async function open(path: string, width = 1280): Promise<{ page: Page; errors: string[] }> {
  const page = await dashboard.browser.newPage({ viewport: { width, height: 900 } });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${dashboard.url}${path}`);
  return { page, errors };
}

const arcLabels = (page: Page) =>
  page.locator("svg.world-map a.arc").evaluateAll((as) => as.map((a) => a.getAttribute("aria-label")));

/** A point halfway along an arc's curve, in page coordinates, and the arc a pointer there hits. */
async function pointOnArc(page: Page) {
  return page.locator("svg.world-map a.arc path:first-of-type").evaluateAll((paths) => {
    for (const path of paths as SVGPathElement[]) {
      const p = path.getPointAtLength(path.getTotalLength() / 2);
      const m = path.getScreenCTM()!;
      const [x, y] = [p.x * m.a + p.y * m.c + m.e, p.x * m.b + p.y * m.d + m.f];
      const hit = document.elementFromPoint(x, y)?.closest("a.arc");
      if (hit)
        return { x, y, origin: hit.getAttribute("data-origin")!, destination: hit.getAttribute("data-destination")! };
    }
    throw new Error("no arc can be pointed at");
  });
}

describe("flows you can see", () => {
  it("draws the largest flows as arcs from origin to destination, with a width legend and a note on the rest", async () => {
    const { page, errors } = await open(EQUIPMENT_2020);
    const map = page.locator("svg.world-map");
    await map.waitFor();
    await expect.poll(async () => Number(await map.getAttribute("data-arc-count"))).toBeGreaterThan(3);
    expect(await arcLabels(page)).toContain((await arcLabels(page)).find((l) => l?.startsWith("Japan → China: $")));
    expect(await map.locator(".arc-legend line").count()).toBe(3);
    expect(await page.locator("#map .map-note").innerText()).toMatch(/The \d+ largest of \d+ flows are drawn/);
    expect(await page.locator('#map select[name="mapCategory"]').inputValue()).toBe("semiconductor_equipment");
    expect(await page.locator("#map .map-year").innerText()).toBe("2020");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("changes the arcs as the year scrubber moves, and keeps the year in the URL", async () => {
    const { page } = await open(EQUIPMENT_2020);
    await page.locator("svg.world-map a.arc").first().waitFor();
    const before = await arcLabels(page);
    const range = page.locator('#map input[name="mapYear"]');
    await range.fill("0");
    await expect.poll(() => new URL(page.url()).searchParams.get("mapYear")).not.toBe("2020");
    const year = new URL(page.url()).searchParams.get("mapYear");
    expect(await page.locator("#map .map-year").innerText()).toBe(year);
    await expect.poll(() => arcLabels(page)).not.toEqual(before);
    // Play steps on through the years with figures.
    await page.locator("#map button.play").click();
    await expect.poll(() => new URL(page.url()).searchParams.get("mapYear"), { timeout: 5000 }).not.toBe(year);
    await page.locator("#map button.play").click();
    await page.close();
  });

  it("leads from an arc to its bilateral view, titled by the pair, whose chart draws and reloads the same", async () => {
    const { page, errors } = await open(EQUIPMENT_2020);
    await page.locator("svg.world-map a.arc").first().waitFor();
    // A pointer reaches only what is on screen.
    await page.locator("svg.world-map").evaluate((svg) => svg.scrollIntoView({ block: "center" }));
    const hit = await pointOnArc(page);
    await page.mouse.move(hit.x, hit.y);
    await expect.poll(() => page.locator("#map .mark-details").innerText()).toMatch(/→/);
    await page.mouse.click(hit.x, hit.y);
    await page.waitForURL(/\/bilateral\?/);
    const url = new URL(page.url());
    expect([url.searchParams.get("origin"), url.searchParams.get("destination")]).toEqual([
      hit.origin,
      hit.destination,
    ]);
    const title = page.locator("#bilateral-title");
    await expect.poll(() => title.innerText()).toMatch(/ → .*, Chip-making equipment, \d{4}–\d{4}$/);
    const chart = page.locator("svg.time-series");
    await chart.waitFor();
    const count = Number(await chart.getAttribute("data-series-count"));
    expect(count).toBeGreaterThan(0);
    expect(await chart.locator(".mark").count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator("#bilateral .source-line a").count()).toBeGreaterThan(0);
    const text = await title.innerText();
    await page.reload();
    await page.locator("svg.time-series").waitFor();
    expect([page.url(), await title.innerText(), Number(await chart.getAttribute("data-series-count"))]).toEqual([
      url.toString(),
      text,
      count,
    ]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows Netherlands → China, HS 8486 with both sides' reports where they exist and says which years are missing", async () => {
    const { page } = await open("/bilateral?origin=NLD&destination=CHN&product=hs-8486&from=2015-01-01&to=2025-12-31");
    await expect
      .poll(() => page.locator("#bilateral-title").innerText())
      .toBe("Netherlands (Kingdom of the) → China, HS 8486, 2015–2025");
    await page.locator("svg.time-series").waitFor();
    expect(await page.locator("#bilateral .bilateral-missing").innerText()).toMatch(/No figure for 2024–2025/);
    await page.locator("#bilateral button", { hasText: "Table" }).click();
    expect(await page.locator("#bilateral table tbody tr").count()).toBeGreaterThan(5);
    expect(await page.locator("#bilateral table thead").innerText()).toMatch(/Other reports/);
    await page.close();
  });

  it("leads from a country to its largest flow", async () => {
    const { page } = await open(EQUIPMENT_2020);
    const china = page.locator('svg.world-map a.country-link:has(path[data-iso3="CHN"])');
    await china.waitFor();
    expect(await china.getAttribute("href")).toMatch(
      /^\/bilateral\?origin=[A-Z]{3}&destination=CHN&category=semiconductor_equipment/,
    );
    await page.close();
  });

  for (const width of [375, 1440]) {
    it(`names countries without overlapping labels at ${width} px`, async () => {
      const { page } = await open(EQUIPMENT_2020, width);
      await page.locator("svg.world-map a.arc").first().waitFor();
      const boxes = await page.locator("svg.world-map .country-label").evaluateAll((ts) =>
        ts.map((t) => {
          const r = t.getBoundingClientRect();
          return { x0: r.left, x1: r.right, y0: r.top, y1: r.bottom };
        }),
      );
      expect(boxes.length).toBeGreaterThan(1);
      const svg = await page.locator("svg.world-map").boundingBox();
      for (const [i, a] of boxes.entries()) {
        expect(a.x0).toBeGreaterThanOrEqual(svg!.x - 0.5);
        expect(a.x1).toBeLessThanOrEqual(svg!.x + svg!.width + 0.5);
        for (const b of boxes.slice(i + 1))
          expect(a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1).toBe(false);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.close();
    });

    it(`draws every arrowhead into China apart from the others at ${width} px`, async () => {
      const { page } = await open(EQUIPMENT_2020, width);
      await page.locator("svg.world-map a.arc").first().waitFor();
      const heads = await page.locator('svg.world-map a.arc[data-destination="CHN"] .arrowhead').evaluateAll((ps) =>
        ps.map((p) => {
          const r = p.getBoundingClientRect();
          return { x0: r.left, x1: r.right, y0: r.top, y1: r.bottom };
        }),
      );
      expect(heads.length).toBeGreaterThan(5);
      for (const [i, a] of heads.entries())
        for (const b of heads.slice(i + 1))
          expect(a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1, JSON.stringify([a, b])).toBe(false);
      await page.close();
    });
  }

  it("opens the Sankey on NVIDIA → China with H20 itemised, and says the share of NVIDIA's total it covers", async () => {
    const { page } = await open("/");
    await page.locator("svg.sankey").waitFor();
    await expect.poll(() => page.url()).toContain("flows=itemised");
    expect(await page.locator('svg.sankey .link[aria-label^="H20 → China"]').count()).toBe(1);
    expect(await page.locator("#flows .subtitle").innerText()).toMatch(/H20 covers \d+% of NVIDIA's \$\d/);
    await page.locator("#flows button.itemised-toggle").click();
    await expect.poll(() => page.url()).not.toContain("flows=itemised");
    await page.close();
  });
});
