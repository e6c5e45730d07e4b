import type { FeatureCollection, Geometry } from "geojson";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { layoutRanking } from "../src/charts/ranking/layout.js";
import { RankingBars } from "../src/charts/ranking/RankingBars.js";
import { toRankedBars } from "../src/charts/ranking/state.js";
import { layoutSankey } from "../src/charts/sankey/layout.js";
import { SankeyChart } from "../src/charts/sankey/SankeyChart.js";
import { toFlowGraph } from "../src/charts/sankey/state.js";
import { layoutWorldMap, NO_DATA } from "../src/charts/world-map/layout.js";
import { toCountryValues, toIso3 } from "../src/charts/world-map/state.js";
import { WorldMap } from "../src/charts/world-map/WorldMap.js";
import { breakdownByDestination, flows } from "./flow-fixtures.js";
import { square, squares } from "./map-fixtures.js";

describe("sankey state and layout", () => {
  it("drops links without a positive value and nodes left unlinked", () => {
    const graph = toFlowGraph(flows);
    expect(graph.links.map((l) => `${l.source}>${l.target}`)).toEqual([
      "vendor:v1>product:a",
      "vendor:v1>rest:v1",
      "product:a>destination:CHN",
      "product:a>destination:USA",
    ]);
    expect(graph.nodes.map((n) => n.id)).not.toContain("product:unused");
  });

  it("puts vendors left and destinations right, with the vendor's colour on its flows", () => {
    const layout = layoutSankey(toFlowGraph(flows), { width: 600, height: 300 });
    const vendor = layout.nodes.find((n) => n.id === "vendor:v1")!;
    const china = layout.nodes.find((n) => n.id === "destination:CHN")!;
    expect(vendor.x0).toBeLessThan(china.x0);
    expect(china.x1).toBeCloseTo(599, 0);
    expect(china.labelAnchor).toBe("end");
    expect(new Set(layout.links.map((l) => l.color))).toEqual(new Set([vendor.color]));
    // A node is as tall as the flows through it: China takes 3/4 of the product's outflow.
    const product = layout.nodes.find((n) => n.id === "product:a")!;
    expect((china.y1 - china.y0) / (product.y1 - product.y0)).toBeCloseTo(0.75, 1);
  });

  it("draws the flows as SVG (test/output/sankey.svg)", async () => {
    const svg = renderToStaticMarkup(
      <SankeyChart
        graph={toFlowGraph(flows)}
        unit="units"
        title="Synthetic flows"
        bounds={{ width: 600, height: 300 }}
      />,
    );
    await expect(svg).toMatchFileSnapshot("./output/sankey.svg");
    expect(svg.match(/class="link"/g)).toHaveLength(4);
    expect(svg).toContain("Vendor One → Rest of Vendor One: 200.0K units (estimate, not itemised by product)");
  });
});

describe("ranking state and layout", () => {
  it("ranks largest first and leaves out groups known only as a range", () => {
    const bars = toRankedBars(breakdownByDestination);
    expect(bars.map((b) => b.key)).toEqual(["CHN", "USA", "DEU"]);
  });

  it("sizes bars from zero, with whiskers only where low and high differ", () => {
    const layout = layoutRanking(toRankedBars(breakdownByDestination), { width: 500, labelWidth: 100, rowHeight: 20 });
    const [china, usa] = layout.bars;
    expect(layout.height).toBe(60);
    expect(china!.width).toBeGreaterThan(usa!.width);
    expect(china!.lowX).toBeLessThan(china!.width);
    expect(china!.highX).toBeGreaterThan(china!.width);
    expect(usa!.lowX).toBeNull();
    expect(china!.alternativeXs).toHaveLength(1);
  });

  it("draws the ranking as SVG (test/output/ranking.svg)", async () => {
    const svg = renderToStaticMarkup(
      <RankingBars bars={toRankedBars(breakdownByDestination)} unit="USD" title="Synthetic ranking" />,
    );
    await expect(svg).toMatchFileSnapshot("./output/ranking.svg");
    expect(svg.match(/class="bar"/g)).toHaveLength(3);
    expect(svg).toContain("China: $12.0B (estimate), 75% of total");
  });
});

describe("world map state and layout", () => {
  it("maps world-atlas ids to ISO3 and keeps only countries (not regions or 'not stated')", () => {
    expect(toIso3("156")).toBe("CHN");
    expect(toIso3(36)).toBe("AUS");
    expect([...toCountryValues(breakdownByDestination).keys()].sort()).toEqual(["CHN", "DEU", "USA"]);
  });

  it("shades countries with a figure, darker for larger values, and greys the rest", () => {
    const layout = layoutWorldMap(squares, toCountryValues(breakdownByDestination), { width: 600, height: 300 });
    const [china, usa, australia] = layout.countries;
    expect(china!.fill).not.toBe(usa!.fill);
    expect(australia!.fill).toBe(NO_DATA);
    expect(layout.legend.at(-1)!.fill).toBe(china!.fill);
    expect(china!.path).toMatch(/^M/);
  });

  it("names a country as the app does, not as the atlas does", () => {
    const korea: FeatureCollection<Geometry, { name?: string }> = {
      type: "FeatureCollection",
      features: [{ type: "Feature", id: "410", properties: { name: "South Korea" }, geometry: square(127, 37) }],
    };
    const layout = layoutWorldMap(korea, new Map(), { width: 600, height: 300 });
    expect(layout.countries.map((c) => [c.iso3, c.name])).toEqual([["KOR", "Republic of Korea"]]);
  });

  it("draws the map as SVG (test/output/world-map.svg)", async () => {
    const svg = renderToStaticMarkup(
      <WorldMap
        world={squares}
        values={toCountryValues(breakdownByDestination)}
        unit="USD"
        title="Synthetic map"
        bounds={{ width: 600, height: 300 }}
      />,
    );
    await expect(svg).toMatchFileSnapshot("./output/world-map.svg");
    expect(svg.match(/class="country shaded"/g)).toHaveLength(2);
    expect(svg).toContain("Australia: no figure");
  });
});
