import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { download, openDownloadPanel } from "./download-panel.js";
import { parseCsv, showsValue } from "./parse-csv.js";
import { useDashboard } from "./serve.js";

const dashboard = useDashboard();
const VIEW = "?metric=revenue_usd&groupBy=destination&interval=year&vendor=nvidia&dataset=nvidia-geo-hq";

/**
 * Another origin on this machine (another port): a page that frames an embed and the dashboard; and at `/snippet`
 * a page holding `snippet` (the HTML the download panel gives) and a listener that keeps the messages it receives.
 */
let host: { server: Server; url: string };
let snippet = "";
beforeAll(async () => {
  const server = createServer((request, response) => {
    const embed = `${dashboard.url}/embed/series${VIEW}`;
    response.setHeader("content-type", "text/html; charset=utf-8");
    if (request.url === "/snippet") {
      response.end(
        `<!doctype html><title>A page elsewhere</title><body style="margin: 0">` +
          `<script>window.received = []; addEventListener("message", (e) => received.push(e.data));</script>` +
          `<h1>An article</h1>${snippet}<p>The article goes on.</p></body>`,
      );
      return;
    }
    response.end(
      `<!doctype html><title>A page elsewhere</title>` +
        `<iframe name="embed" src="${embed.replaceAll("&", "&amp;")}" width="900" height="640" onload="this.dataset.loaded = 1"></iframe>` +
        `<iframe name="dashboard" src="${dashboard.url}/" width="900" height="640" onload="this.dataset.loaded = 1"></iframe>`,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  host = { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
});
afterAll(() => new Promise<void>((resolve) => host.server.close(() => resolve())));

describe("a chart embedded in another site", () => {
  it("draws inside an iframe of another origin, while the full dashboard refuses to be framed", async () => {
    expect(new URL(host.url).origin).not.toBe(new URL(dashboard.url).origin);
    const page = await dashboard.browser.newPage({ viewport: { width: 1000, height: 1400 } });
    const refused: string[] = [];
    page.on("console", (m) => {
      if (/frame-ancestors/.test(m.text())) refused.push(m.text());
    });
    await page.goto(host.url);
    const embed = page.frame({ name: "embed" })!;
    const chart = embed.locator("svg.time-series");
    await chart.waitFor({ state: "visible" });
    expect(await chart.locator("circle.mark, line.mark").count()).toBeGreaterThan(3);
    expect(await chart.locator("path").count()).toBeGreaterThan(0);
    // The dashboard's frame loads (the browser's error page) and holds nothing of it.
    await page.locator('iframe[name="dashboard"][data-loaded]').waitFor({ state: "attached" });
    const framed = page.frame({ name: "dashboard" })!;
    expect(framed.url()).not.toContain(new URL(dashboard.url).host);
    expect(await framed.locator("#root, svg.chart").count()).toBe(0);
    await expect.poll(() => refused.length).toBeGreaterThan(0);
    expect(refused[0]).toMatch(/frame-ancestors 'none'/);
    await page.close();
  });

  it("shows one chart alone: its title, the chart, its source line and a link to the full view", async () => {
    const page = await dashboard.browser.newPage({ viewport: { width: 800, height: 700 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${dashboard.url}/embed/series${VIEW}`);
    await page.locator("svg.time-series").waitFor({ state: "visible" });
    expect(await page.locator("#series h2").innerText()).toBe("Revenue (USD) by destination, per year");
    await expect.poll(() => page.locator("#series .source-line a").count()).toBeGreaterThan(0);
    expect(await page.locator(".site-header, .views-nav, .filters, .tiles, .sources-panel, #flows").count()).toBe(0);
    const back = page.locator(".embed-footer a");
    expect(await back.getAttribute("href")).toBe(`${dashboard.url}/${VIEW}#series`);
    expect(await back.getAttribute("target")).toBe("_blank");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("is sized to its content by the snippet's script, as the embed posts its height on load and on each change", async () => {
    const page = await dashboard.browser.newPage({ viewport: { width: 1000, height: 900 } });
    await page.goto(`${dashboard.url}/${VIEW}`);
    await page.locator("svg.time-series").waitFor({ state: "visible" });
    const dialog = await openDownloadPanel(page, "series");
    snippet = await dialog.locator('[data-field="embed"] textarea').inputValue();
    expect(snippet).toContain("chipflow:resize");

    await page.goto(`${host.url}/snippet`);
    const iframe = page.locator("iframe");
    await expect.poll(() => page.frames().some((f) => f.url().includes("/embed/series"))).toBe(true);
    const embed = page.frames().find((f) => f.url().includes("/embed/series"))!;
    await embed.locator("svg.time-series").waitFor({ state: "visible" });
    // The frame's height, and the height of the content inside it, once they agree.
    const heights = async () => ({
      frame: await iframe.evaluate((f) => f.getBoundingClientRect().height),
      content: await embed.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height)),
    });
    await expect.poll(async () => Object.values(await heights()).reduce((a, b) => a - b)).toBe(0);
    const drawn = await heights();
    expect(drawn.frame).not.toBe(640);
    expect(await embed.evaluate(() => document.documentElement.scrollHeight)).toBe(drawn.frame);
    type Received = { type: string; height: number; chart: string }[];
    const received = () => page.evaluate(() => (window as unknown as { received: Received }).received);
    expect((await received()).at(-1)).toEqual({ type: "chipflow:resize", height: drawn.frame, chart: "series" });

    // The table in place of the chart changes the content's height: the frame follows it.
    await embed.locator("#series button", { hasText: "Table" }).click();
    await embed.locator("#series table").waitFor({ state: "visible" });
    await expect.poll(async () => (await heights()).frame).not.toBe(drawn.frame);
    await expect.poll(async () => Object.values(await heights()).reduce((a, b) => a - b)).toBe(0);
    expect((await received()).at(-1)!.height).toBe((await heights()).frame);
    await page.close();
  });

  it("embeds the flows, the ranking and the map by name", async () => {
    const page = await dashboard.browser.newPage({ viewport: { width: 800, height: 700 } });
    const view = "?metric=units&groupBy=destination&interval=year&product=nvidia-h20";
    for (const [chart, svg] of [
      ["flows", "svg.sankey"],
      ["ranking", "svg.ranking"],
      ["map", "svg.world-map"],
    ] as const) {
      await page.goto(`${dashboard.url}/embed/${chart}${view}`);
      await page.locator(svg).waitFor({ state: "visible" });
      expect(await page.locator("section.chart-card").count(), chart).toBe(1);
    }
    await page.close();
  });
});

describe("a chart's download panel", () => {
  it("opens as a labelled dialog that keeps focus inside and closes on Escape, back on its button", async () => {
    const page = await dashboard.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${dashboard.url}/${VIEW}`);
    await page.locator("svg.time-series").waitFor({ state: "visible" });
    const dialog = await openDownloadPanel(page, "series");
    expect(await dialog.getAttribute("aria-labelledby")).toBe("series-download-title");
    expect(await page.locator("#series-download-title").innerText()).toBe(
      "Download: Revenue (USD) by destination, per year",
    );
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => !!document.activeElement?.closest("dialog"))).toBe(true);
    }
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Download");
    await page.close();
  });

  it("downloads the visible data as CSV holding the figures of the chart's table, and the facts behind them", async () => {
    const page = await dashboard.browser.newPage({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
    await page.goto(`${dashboard.url}/${VIEW}&tables=series`);
    const table = page.locator("#series table tbody tr");
    await expect.poll(() => table.count()).toBeGreaterThan(3);
    const shown = await table.evaluateAll((rows) =>
      rows.map((r) =>
        // Series, Period and Value (the Dates column between them is not needed here).
        [0, 1, 3].map((i) => r.querySelectorAll("td")[i]?.textContent ?? ""),
      ),
    );
    const dialog = await openDownloadPanel(page, "series");
    const visible = await download(page, dialog.locator('[data-download="visible-csv"]'));
    expect(visible.bytes.toString("utf8").startsWith("\uFEFF")).toBe(true);
    const rows = parseCsv(visible.bytes.toString("utf8"));
    expect(rows).toHaveLength(shown.length);
    for (const [series, period, value] of shown) {
      // World's reported total is named so in the table, and marked `total` in the CSV.
      const label = (r: Record<string, string>) =>
        r.role === "total" ? `${r.series_label} (reported total)` : r.series_label;
      const row = rows.find((r) => label(r) === series && r.period === period);
      expect(row, `${series} ${period}`).toBeDefined();
      expect(showsValue(value!, Number(row!.value)), `${series} ${period}: ${value} vs ${row!.value}`).toBe(true);
    }
    // The full data: one row per stored figure with its source; each figure drawn as reported is one of them.
    const full = await download(page, dialog.locator('[data-download="full-csv"]'));
    const facts = parseCsv(full.bytes.toString("utf8"));
    expect(Object.keys(facts[0]!)).toEqual(expect.arrayContaining(["value", "source_url"]));
    const reported = rows.filter((r) => r.basis === "reported");
    expect(reported.length).toBeGreaterThan(0);
    const values = new Set(facts.map((f) => Number(f.value)));
    for (const r of reported) expect(values.has(Number(r.value)), `${r.series_label} ${r.period}`).toBe(true);
    // The same data through the API (JSON) and in code (no byte-order mark for pandas or R).
    const apiUrl = await dialog.locator('[data-field="api-url"] textarea').inputValue();
    const json = (await (await fetch(apiUrl)).json()) as { series: { points: unknown[] }[]; total: unknown };
    expect(json.series.reduce((n, s) => n + s.points.length, 0)).toBe(rows.filter((r) => r.role === "part").length);
    const pandas = await dialog.locator('[data-field="pandas"] textarea').inputValue();
    const csvUrl = /pd\.read_csv\("([^"]+)"\)$/.exec(pandas)![1]!;
    expect(pandas).toBe(`import pandas as pd; df = pd.read_csv("${csvUrl}")`);
    expect(await dialog.locator('[data-field="r"] textarea').inputValue()).toBe(`df <- read.csv("${csvUrl}")`);
    const plain = await (await fetch(csvUrl)).text();
    expect(plain.startsWith("\uFEFF")).toBe(false);
    expect(parseCsv(plain)).toEqual(rows);
    await page.close();
  });

  it("cites the chart with the data's version, date and the view's URL, in text and BibTeX", async () => {
    const page = await dashboard.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${dashboard.url}/${VIEW}`);
    await page.locator("svg.time-series").waitFor({ state: "visible" });
    const health = (await (await fetch(`${dashboard.url}/api/health`)).json()) as {
      dataVersion: string;
      importedAt: string;
    };
    const dialog = await openDownloadPanel(page, "series");
    const bibtex = dialog.locator('[data-field="bibtex"] textarea');
    await expect.poll(() => bibtex.inputValue()).toContain(health.dataVersion);
    const viewUrl = `${page.url()}#series`;
    const entry = await bibtex.inputValue();
    expect(entry).toMatch(new RegExp(`^@misc\\{chipflow-series-${health.dataVersion},`));
    expect(entry).toContain(`last imported ${health.importedAt.slice(0, 10)}`);
    expect(entry).toContain(`  url = {${viewUrl}},`);
    const text = await dialog.locator('[data-field="citation"] textarea').inputValue();
    expect(text).toMatch(/^chipflow \(\d{4}\)\. “Revenue \(USD\) by destination, per year” \[data set\]\./);
    expect(text).toContain(`Data version ${health.dataVersion}, last imported ${health.importedAt.slice(0, 10)}`);
    expect(text).toMatch(new RegExp(`Retrieved \\d{4}-\\d{2}-\\d{2} from ${viewUrl.replace(/[?.]/g, "\\$&")}$`));
    await page.close();
  });

  it("saves the chart as SVG and PNG with its title, units, source line and the view's URL", async () => {
    const page = await dashboard.browser.newPage({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
    await page.goto(`${dashboard.url}/${VIEW}`);
    await page.locator("svg.time-series").waitFor({ state: "visible" });
    await expect.poll(() => page.locator("#series .source-line a").count()).toBeGreaterThan(0);
    const publisher = await page.locator("#series .source-line a").first().innerText();
    const dialog = await openDownloadPanel(page, "series");
    const svg = (await download(page, dialog.getByRole("button", { name: "SVG" }))).bytes.toString("utf8");
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain(">Revenue (USD) by destination, per year</text>");
    expect(svg).toContain(">Revenue (USD) (USD) per year</text>");
    expect(svg).toMatch(/>Sources?: [^<]+<\/text>/);
    expect(svg).toContain(publisher.split(",")[0]);
    expect(svg).toContain(`${page.url().replaceAll("&", "&amp;")}#series</text>`);
    const png = await download(page, dialog.getByRole("button", { name: "PNG" }));
    expect(png.name).toBe("series.png");
    expect(png.bytes.subarray(1, 4).toString("ascii")).toBe("PNG");
    await page.close();
  });

  it("copies the pandas line to the clipboard", async () => {
    const context = await dashboard.browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
    const page = await context.newPage();
    await page.goto(`${dashboard.url}/${VIEW}`);
    await page.locator("svg.time-series").waitFor({ state: "visible" });
    const dialog = await openDownloadPanel(page, "series");
    const field = dialog.locator('[data-field="pandas"]');
    await field.getByRole("button", { name: "Copy Python (pandas)" }).click();
    await expect.poll(() => field.locator('[role="status"]').innerText()).toBe("Copied");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      await field.locator("textarea").inputValue(),
    );
    await context.close();
  });
});
