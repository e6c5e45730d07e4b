import type { Page } from "playwright-core";
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { openDownloadPanel } from "./download-panel.js";
import { useDashboard } from "./serve.js";

const dashboard = useDashboard();

/** Opens a page of the dashboard once its main chart is drawn; `failed` collects the requests answered with an error. */
async function open(path = "/"): Promise<{ page: Page; errors: string[]; failed: string[] }> {
  const page = await dashboard.browser.newPage({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  const failed: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("response", (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${decodeURIComponent(r.url())}`);
  });
  await page.goto(`${dashboard.url}${path}`);
  await page.locator("#series svg.time-series").waitFor({ state: "visible" });
  return { page, errors, failed };
}

const seriesCount = async (page: Page) =>
  Number(await page.locator("#series svg.time-series").getAttribute("data-series-count"));

describe("an investor on the dashboard", () => {
  it("reads the H20 headline: about 1M units to China in 2024, an analyst figure with its range and sources", async () => {
    const { page, errors } = await open();
    const units = page.locator('[data-tile="h20-china-2024-units"]');
    await units.waitFor();
    expect(await units.locator(".value").innerText()).toBe("1.0M units");
    expect(await units.locator(".kind").innerText()).toMatch(/^estimate$/i);
    expect(await units.innerText()).toMatch(/not a company disclosure/);
    const revenue = page.locator('[data-tile="h20-china-2024-revenue"]');
    expect(await revenue.locator(".value").innerText()).toBe("$12.0B");
    expect(await revenue.locator(".kind").innerText()).toMatch(/^estimate$/i);
    expect(await revenue.innerText()).toMatch(/Range \$12\.0B – \$15\.0B/);
    // Opening a tile's sources shows publisher, title, date and a link out.
    await revenue.locator("summary").click();
    const link = revenue.locator(".tile-sources a").first();
    await link.waitFor({ state: "visible" });
    expect(await link.getAttribute("href")).toMatch(/^https?:\/\//);
    expect(await revenue.locator(".tile-sources li").first().innerText()).toMatch(/\(\d{4}(-\d{2})*\)/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("reads China's own figures: the chips it imported and made, and the chip-making machines, each reported", async () => {
    const { page, errors } = await open();
    const chips = page.locator('[data-tile="china-ic-imports-2026h1-units"]');
    await chips.waitFor();
    expect(await chips.locator(".value").innerText()).toBe("304.8B units");
    expect(await chips.locator(".kind").innerText()).toMatch(/^reported$/i);
    expect(await chips.innerText()).toMatch(/reported by its source, not an estimate/);
    const made = page.locator('[data-tile="china-ic-output-2026h1-units"]');
    expect(await made.locator(".value").innerText()).toBe("279.8B units");
    expect(await made.locator(".tile-sources li").first().textContent()).toMatch(/National Bureau of Statistics/);
    const tools = page.locator('[data-tile="china-tool-imports-2024"]');
    expect(await tools.locator(".value").innerText()).toBe("$47.1B");
    // Twelve months of China's own reports, added up: the tile says so and lists each month's source.
    expect(await tools.innerText()).toMatch(/added up from figures reported by their sources/);
    expect(await tools.locator("summary").innerText()).toBe("12 sources");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("filters by destination: the chart and the URL change, and back restores both", async () => {
    const { page, errors } = await open();
    await expect.poll(() => page.url()).toContain("vendor=nvidia");
    const before = await seriesCount(page);
    expect(before).toBeGreaterThan(1);
    await page.locator('[data-filter="destination"] summary').click();
    await page.locator('[data-filter="destination"] input[value="CHN"]').check();
    await expect.poll(() => page.url()).toContain("destination=CHN");
    await expect.poll(() => seriesCount(page)).toBe(1);
    expect(await page.locator("#series svg.time-series .series").getAttribute("data-key")).toBe("CHN");
    await page.goBack();
    await expect.poll(() => page.url()).not.toContain("destination=CHN");
    await expect.poll(() => seriesCount(page)).toBe(before);
    // The link reproduces the view in a fresh page.
    await page.goForward();
    const link = page.url();
    const copy = await dashboard.browser.newPage();
    await copy.goto(link);
    await copy.locator("#series svg.time-series").waitFor();
    await expect.poll(() => seriesCount(copy)).toBe(1);
    expect(await copy.locator('[data-filter="destination"] .count').innerText()).toBe("1");
    await copy.close();
    expect(errors).toEqual([]);
    await page.close();
  });

  it("finds a destination by its former name and shows it by its UN name", async () => {
    const { page, errors } = await open();
    const filter = page.locator('[data-filter="destination"]');
    await filter.locator("summary").click();
    await filter.getByRole("searchbox", { name: "Search destination" }).fill("south korea");
    await expect.poll(() => filter.locator("label").allInnerTexts()).toEqual(["Republic of Korea (KOR)"]);
    await filter.locator('input[value="KOR"]').check();
    await expect.poll(() => page.url()).toContain("destination=KOR");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("holds one basis of NVIDIA's geography at a time, says it on every figure, and explains the switch", async () => {
    const { page } = await open();
    const basis = page.locator("#series .basis-switch");
    expect(await basis.locator('[aria-checked="true"]').innerText()).toBe("Customer headquarters");
    await page.locator("#series svg.time-series circle.mark").first().focus();
    await expect
      .poll(() => page.locator("#series .mark-details .basis").innerText())
      .toMatch(/customer headquarters basis/);
    await basis.locator("button", { hasText: "Billing location" }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("dataset")).toBe("nvidia-geo-billing");
    await expect
      .poll(() => page.locator("#series svg.time-series circle.mark").first().getAttribute("aria-label"))
      .toMatch(/billing location basis/);
    await basis.locator("summary").click();
    expect(await basis.locator("details p").innerText()).toMatch(/not comparable/);
    await page.close();
  });

  it("marks only the handful of events that moved the flows most, and every event on asking", async () => {
    const { page } = await open(
      "/?metric=revenue_usd&groupBy=destination&interval=quarter&vendor=nvidia&dataset=nvidia-geo-billing",
    );
    const events = page.locator("#series svg.time-series .event");
    await expect.poll(() => events.count()).toBeGreaterThan(0);
    expect(await events.count()).toBeLessThanOrEqual(6);
    const toggle = page.locator("#series .events-toggle");
    expect(await toggle.innerText()).toMatch(/^All events \(\d+\)$/);
    await toggle.click();
    await expect.poll(() => events.count()).toBeGreaterThan(6);
    expect(new URL(page.url()).searchParams.get("events")).toBe("all");
    await page.close();
  });

  it("opens each curated view at its own URL, explains it, and reloads to the same picture", async () => {
    for (const slug of [
      "h20-and-china",
      "china-in-chip-makers-sales",
      "china-in-tsmcs-revenue",
      "sk-hynix-sales-by-region",
      "chip-tools-to-china",
      "dutch-tools-to-china",
      "japanese-tools-to-china",
      "us-tools-to-china",
      "chinas-own-toolmakers",
      "chinas-chip-imports",
      "malaysias-chip-trade",
      "koreas-chip-trade",
      "who-buys-taiwans-chips",
      "who-buys-americas-chips",
      "who-sells-chip-making-machines",
      "chinas-chip-tool-imports-by-month",
      "export-control-timeline",
    ]) {
      const { page, errors, failed } = await open(`/views/${slug}`);
      expect((await page.locator("#view-title").innerText()).length).toBeGreaterThan(0);
      // Every chart of the view loads: the map, the last of them, is drawn or says why it is not.
      await page.locator("#map :is(svg.world-map, .empty-view)").first().waitFor({ state: "visible" });
      expect(failed, slug).toEqual([]);
      expect(await page.locator(".curated-intro p").count()).toBe(2);
      expect(await page.locator(`.views-nav a[href="/views/${slug}"]`).getAttribute("aria-current")).toBe("page");
      const url = page.url();
      const count = await seriesCount(page);
      expect(count, slug).toBeGreaterThan(0);
      await page.reload();
      await page.locator("#series svg.time-series").waitFor({ state: "visible" });
      expect([page.url(), await seriesCount(page)]).toEqual([url, count]);
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it("draws six chip makers' China revenue, and keeps the other makers when NVIDIA's basis is switched", async () => {
    const { page, errors } = await open("/views/china-in-chip-makers-sales");
    const makers = ["NVIDIA", "Qualcomm", "Intel", "AMD", "Micron", "Marvell"];
    const labels = () => page.locator("#series svg.time-series .end-label").allTextContents();
    await expect.poll(async () => (await labels()).sort()).toEqual([...makers].sort());
    await page.locator("#series .basis-switch button", { hasText: "Billing location" }).click();
    await expect
      .poll(() => new URL(page.url()).searchParams.get("dataset")?.split(",").sort())
      .toEqual(["amd-sales", "intel-sales", "marvell-sales", "micron-sales", "nvidia-geo-billing", "qualcomm-sales"]);
    await expect.poll(async () => (await labels()).sort()).toEqual([...makers].sort());
    expect(errors).toEqual([]);
    await page.close();
  });

  it("draws China's share of the chip-tool makers alone, and says why a share is not drawn as flows", async () => {
    const { page, errors } = await open("/views/chip-tools-to-china");
    const labels = await page.locator("#series svg.time-series .end-label").allTextContents();
    expect(labels).toEqual(expect.arrayContaining(["ASML", "Tokyo Electron", "Applied Materials", "KLA"]));
    expect(labels.filter((l) => ["SMIC", "TSMC", "Samsung", "NVIDIA"].includes(l))).toEqual([]);
    const map = page.locator("#map .empty-view");
    await map.waitFor({ state: "visible" });
    expect(await map.innerText()).toMatch(/^Share of vendor revenue is each vendor's own figure and never adds up/);
    expect(await page.locator("#map svg.world-map").count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  // A view of chip-making machines by product (Japan's exports), and one of makers whose data names no product.
  for (const slug of ["japanese-tools-to-china", "chinas-own-toolmakers"]) {
    it(`marks the ${slug} chart with the rules on tools, and keeps the H20's milestones for all events`, async () => {
      const { page, errors } = await open(`/views/${slug}`);
      const labels = page.locator("#series svg.time-series .event-label");
      await expect.poll(() => labels.count()).toBeGreaterThan(2);
      const shown = await labels.allTextContents();
      expect(shown.some((l) => /^(Japan|Dutch) controls in force$/.test(l))).toBe(true);
      expect(shown.filter((l) => /H20|H200|15%/.test(l))).toEqual([]);
      await page.locator("#series .events-toggle").click();
      await expect.poll(async () => (await labels.allTextContents()).some((l) => /H20/.test(l))).toBe(true);
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it("names the filter that empties a view and brings the figures back when it is cleared", async () => {
    const page = await dashboard.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(
      `${dashboard.url}/?metric=revenue_usd&groupBy=destination&interval=year&vendor=nvidia&product=nvidia-h20&dataset=nvidia-geo-hq`,
    );
    const empty = page.locator("#series .empty-view");
    // The explanation waits for one answer per filter after the series' own (a second, give or take, on a busy machine).
    await expect.poll(() => empty.locator(".excluding-filters li").count(), { timeout: 5000 }).toBeGreaterThan(0);
    expect(await empty.innerText()).toMatch(/filters? leaves? out every figure of this metric/);
    // With every chart empty, the sources panel lists the headline tiles' sources only: no event is drawn.
    const tiles = (await (await fetch(`${dashboard.url}/api/v1/summary`)).json()) as { sources: unknown[] };
    await expect
      .poll(() => page.locator("#sources-title").innerText())
      .toBe(`Sources behind this view (${tiles.sources.length})`);
    const dataset = empty.locator("li", { hasText: "Dataset: NVIDIA revenue by customer headquarters" });
    await dataset.locator("button", { hasText: "Clear dataset" }).click();
    await page.locator("#series svg.time-series").waitFor({ state: "visible" });
    expect(new URL(page.url()).searchParams.get("dataset")).toBeNull();
    expect(new URL(page.url()).searchParams.get("product")).toBe("nvidia-h20");
    await page.close();
  });

  it("opens the source of a mark by keyboard and finds it in the sources panel", async () => {
    const { page } = await open();
    const mark = page.locator("#series svg.time-series .mark").first();
    await mark.focus();
    const details = page.locator("#series .mark-details");
    await expect.poll(() => details.innerText()).toMatch(/reported|estimate|forecast/i);
    const source = details.locator("li").first();
    expect(await source.locator("a").getAttribute("href")).toMatch(/^https?:\/\//);
    const id = await source.getAttribute("data-source-id");
    expect(await page.locator(`.sources-panel #source-${id}`).innerText()).toContain(
      await source.locator("a").innerText(),
    );
    // Whose document it is, and where in it the figure stands.
    expect(await source.locator(".source-type").innerText()).toMatch(/^(primary|secondary)$/i);
    const panel = page.locator(".sources-panel");
    expect(await panel.locator(".subtitle").innerText()).toMatch(/\d+ of \d+ are primary documents/);
    expect(await panel.locator(".source-type-primary").count()).toBeGreaterThan(0);
    expect(await panel.locator(".locator").count()).toBeGreaterThan(0);
    // Policy events carry their description on focus.
    await page.locator("#series svg.time-series .event").first().focus();
    await expect.poll(() => details.locator(".description").count()).toBe(1);
    await page.close();
  });

  it("downloads the CSV of the chart's query and finds the chart's figures in it", async () => {
    const { page } = await open();
    const marks = await page.locator("#series svg.time-series circle.mark, #series svg.time-series line.mark").count();
    const panel = await openDownloadPanel(page, "series");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      panel.locator("a", { hasText: "CSV of the visible data" }).click(),
    ]);
    const csv = await readFile(await download.path(), "utf8");
    expect(csv.startsWith("\uFEFF")).toBe(true); // Excel reads UTF-8 (accented names) only with the mark
    const [header, ...rows] = csv.slice(1).trim().split(/\r?\n/);
    expect(header!.split(",")).toEqual(expect.arrayContaining(["series_key", "period", "value", "estimate_kind"]));
    expect(rows.length).toBe(marks);
    const columns = header!.split(",");
    const china = rows.map((r) => r.split(",")).filter((r) => r[columns.indexOf("series_key")] === "CHN");
    expect(china.length).toBeGreaterThan(0);
    expect(china.every((r) => Number(r[columns.indexOf("value")]) > 0)).toBe(true);
    await page.close();
  });

  it("downloads the chart as SVG and PNG with its title and source line, and switches to a table", async () => {
    const { page } = await open();
    const panel = await openDownloadPanel(page, "series");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      panel.getByRole("button", { name: "SVG" }).click(),
    ]);
    const svg = await readFile(await download.path(), "utf8");
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain("Revenue (USD) by destination");
    expect(svg).toMatch(/Sources?: /);
    const [png] = await Promise.all([
      page.waitForEvent("download"),
      panel.getByRole("button", { name: "PNG" }).click(),
    ]);
    const bytes = await readFile(await png.path());
    expect(bytes.subarray(1, 4).toString("ascii")).toBe("PNG");
    expect(png.suggestedFilename()).toBe("series.png");
    await page.keyboard.press("Escape");
    await page.locator("#series button", { hasText: "Table" }).click();
    await expect.poll(() => page.url()).toContain("tables=series");
    expect(await page.locator("#series table tbody tr").count()).toBeGreaterThan(3);
    await page.close();
  });

  it("hides and shows the policy events layer, and says what went wrong with an impossible period", async () => {
    const { page } = await open();
    await expect.poll(() => page.locator("#series svg.time-series .event").count()).toBeGreaterThan(0);
    await page.getByLabel("Policy events").uncheck();
    await expect.poll(() => page.url()).toContain("events=off");
    expect(await page.locator("#series svg.time-series .event").count()).toBe(0);
    await page.goto(`${dashboard.url}/?metric=units&groupBy=product&interval=year&from=2025-01-01&to=2024-01-01`);
    const alert = page.locator("#series [role=alert]");
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/from/);
    await page.close();
  });

  it("reads on a 375 px phone without sideways scrolling, and switches to the dark theme", async () => {
    const page = await dashboard.browser.newPage({ viewport: { width: 375, height: 800 } });
    await page.goto(dashboard.url);
    await page.locator("#series svg.time-series .series").first().waitFor();
    await page.locator("svg.sankey").waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    // The chart is drawn at the phone's width, not shrunk from a desktop drawing.
    expect(Number(await page.locator("#series svg.time-series").getAttribute("width"))).toBeLessThanOrEqual(375);
    const toggle = page.locator(".theme-toggle");
    await toggle.click();
    await toggle.click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
    const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(background).toBe("rgb(15, 20, 28)");
    await page.close();
  });

  it("draws the flows, the ranking and the map from the API", async () => {
    const { page, errors } = await open("/?metric=units&groupBy=destination&interval=year&product=nvidia-h20");
    await page.locator("svg.sankey").waitFor();
    expect(Number(await page.locator("svg.sankey").getAttribute("data-link-count"))).toBeGreaterThan(0);
    // Choosing a year sets the period of the flows, in the URL too.
    await page.locator('select[name="year"]').selectOption("2024");
    await expect.poll(() => page.url()).toContain("from=2024-01-01&to=2024-12-31");
    await expect
      .poll(() => page.locator('svg.sankey .link[aria-label^="H20 → China"]').getAttribute("aria-label"))
      .toMatch(/^H20 → China: 1\.0M units \((estimate|forecast)\)/);
    // The Sankey's CSV is the API's export of the same flows query: one row per link.
    const links = Number(await page.locator("svg.sankey").getAttribute("data-link-count"));
    const panel = await openDownloadPanel(page, "flows");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      panel.locator("a", { hasText: "CSV of the visible data" }).click(),
    ]);
    await page.keyboard.press("Escape");
    const flowsCsv = await readFile(await download.path(), "utf8");
    expect(flowsCsv.startsWith("\uFEFF")).toBe(true);
    const [header, ...rows] = flowsCsv.slice(1).trim().split(/\r?\n/);
    expect(header).toMatch(/^source,source_label,target,target_label,value/);
    expect(rows).toHaveLength(links);
    expect(rows.some((r) => r.includes(",H20,destination:CHN,China,1000000,"))).toBe(true);
    await page.locator("svg.ranking").waitFor();
    expect(Number(await page.locator("svg.ranking").getAttribute("data-bar-count"))).toBeGreaterThan(0);
    await page.locator("svg.world-map").waitFor();
    expect(Number(await page.locator("svg.world-map").getAttribute("data-shaded-count"))).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
