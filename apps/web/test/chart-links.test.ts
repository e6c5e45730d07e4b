import { describe, expect, it } from "vitest";
import { toChartLinks } from "../src/downloads/chart-links.js";
import { toPandasSnippet, toRSnippet, toEmbedSnippet } from "../src/downloads/code-snippets.js";
import { toSeriesQuery } from "../src/view/queries.js";
import { DEFAULT_VIEW } from "../src/view/view-state.js";
import { findEmbeddedChart } from "../src/views/embedded-chart.js";

const origin = "https://chipflow.example";
const view = {
  ...DEFAULT_VIEW,
  filters: { ...DEFAULT_VIEW.filters, destination: ["CHN"] },
  from: "2024-01-01",
  itemisedFlows: false,
};
const search =
  "?metric=revenue_usd&groupBy=destination&interval=year&vendor=nvidia&destination=CHN&dataset=nvidia-geo-hq&from=2024-01-01";
const links = (pathname: string) =>
  toChartLinks({
    location: { origin, pathname },
    chart: "series",
    view,
    resource: "series",
    query: toSeriesQuery(view) as unknown as Record<string, string>,
  });

describe("the links of a chart", () => {
  it("point to the view on its page, scrolled to the chart, and to the chart alone for an iframe", () => {
    expect(links("/").viewUrl).toBe(`${origin}/${search}#series`);
    expect(links("/views/h20-and-china").viewUrl).toBe(`${origin}/views/h20-and-china${search}#series`);
    expect(links("/").embedUrl).toBe(`${origin}/embed/series${search}`);
    expect(links("/").sourcesUrl).toBe("#sources-title");
  });

  it("lead an embedded chart back to the dashboard, its sources too", () => {
    expect(links("/embed/series").viewUrl).toBe(`${origin}/${search}#series`);
    expect(links("/embed/series").sourcesUrl).toBe(`${origin}/${search}#sources-title`);
  });

  it("give the API's JSON and CSV of the chart's own query, and the facts behind the whole view", () => {
    const query =
      "metric=revenue_usd&groupBy=destination&interval=year&top=7&vendor=nvidia&destination=CHN&dataset=nvidia-geo-hq&from=2024-01-01";
    const { jsonUrl, csvUrl, csvDataUrl, fullCsvUrl } = links("/");
    expect(jsonUrl).toBe(`${origin}/api/v1/series?${query}`);
    expect(csvUrl).toBe(`${origin}/api/v1/series.csv?${query}&bom=1`);
    expect(csvDataUrl).toBe(`${origin}/api/v1/series.csv?${query}`);
    expect(fullCsvUrl).toBe(
      `${origin}/api/v1/facts.csv?metric=revenue_usd&vendor=nvidia&destination=CHN&dataset=nvidia-geo-hq&from=2024-01-01&bom=1`,
    );
  });

  it("read in one line of pandas or R, and embed in an iframe whose attributes are escaped", () => {
    const url = "https://chipflow.example/api/v1/series.csv?metric=units&top=7";
    expect(toPandasSnippet(url)).toBe(`import pandas as pd; df = pd.read_csv("${url}")`);
    expect(toRSnippet(url)).toBe(`df <- read.csv("${url}")`);
    const [iframe, ...script] = toEmbedSnippet(`${origin}/embed/series?a=1&b=2`, 'Units "by" product').split("\n");
    expect(iframe).toBe(
      `<iframe src="${origin}/embed/series?a=1&amp;b=2" title="Units &quot;by&quot; product" width="100%" ` +
        `height="640" style="border: 0" loading="lazy"></iframe>`,
    );
    // The script that sizes the frame heeds the embed's own origin only.
    expect(script.join("\n")).toMatch(/^<script>[^]*<\/script>$/);
    expect(script.join("\n")).toContain(`event.origin !== "${origin}"`);
  });
});

describe("embed paths", () => {
  it("name one of the dashboard's charts, and nothing else", () => {
    expect(findEmbeddedChart("/embed/series")).toBe("series");
    expect(findEmbeddedChart("/embed/map/")).toBe("map");
    expect(findEmbeddedChart("/embed/sources")).toBeUndefined();
    expect(findEmbeddedChart("/embed")).toBeUndefined();
    expect(findEmbeddedChart("/views/embed/series")).toBeUndefined();
  });
});
