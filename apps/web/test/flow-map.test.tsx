import { geoEqualEarth } from "d3-geo";
import type { FeatureCollection, Geometry } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import world110m from "world-atlas/countries-110m.json";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { boxesOverlap, type Box } from "../src/charts/world-map/arc-shape.js";
import { layoutArcs } from "../src/charts/world-map/arc-layout.js";
import { toCountryPoints } from "../src/charts/world-map/country-points.js";
import { overlaps, placeLabels, textWidth } from "../src/charts/world-map/label-layout.js";
import { labelLimit, layoutWorldMap } from "../src/charts/world-map/layout.js";
import { findLargestPartner, toMapArcs } from "../src/charts/world-map/state.js";
import { WorldMap } from "../src/charts/world-map/WorldMap.js";
import { equipmentToChina2020, mapFlows, squares } from "./map-fixtures.js";

/** Expects no two boxes to overlap, naming the first two that do. */
function expectDisjoint(boxes: Box[]) {
  for (const [i, a] of boxes.entries())
    for (const [j, b] of boxes.slice(i + 1).entries())
      expect(boxesOverlap(a, b), `arrowheads ${i} and ${i + 1 + j}: ${JSON.stringify([a, b])}`).toBe(false);
}

describe("flow map state", () => {
  it("keeps flows between two countries, largest first, and counts re-imports apart", () => {
    const { arcs, all, hidden, withinCountry } = toMapArcs(mapFlows, 3);
    expect(all.map((a) => `${a.origin}>${a.destination}`)).toEqual(["AUS>CHN", "USA>CHN", "CHN>USA", "USA>AUS"]);
    expect(arcs).toHaveLength(3);
    expect([hidden, withinCountry]).toEqual([1, 1]);
    expect(arcs[0]).toMatchObject({ originLabel: "Australia", destinationLabel: "China", alternatives: 1 });
  });

  it("leads a country to its largest inflow, or failing one to its largest outflow", () => {
    const { all } = toMapArcs(mapFlows);
    expect(findLargestPartner(all, "CHN")).toMatchObject({ origin: "AUS", destination: "CHN" });
    expect(findLargestPartner(all, "AUS")).toMatchObject({ origin: "USA", destination: "AUS" });
    expect(findLargestPartner(all, "DEU")).toBeUndefined();
  });
});

describe("flow map layout", () => {
  const projection = geoEqualEarth().fitSize([600, 300], squares);
  const points = toCountryPoints(squares, projection);

  it("places hand-placed countries too small for the outlines", () => {
    expect(points.get("SGP")).toBeDefined();
    expect(points.get("CHN")![0]).toBeGreaterThan(points.get("USA")![0]);
  });

  it("widens arcs with the value, never narrower than 1 px", () => {
    const { arcs } = layoutArcs(toMapArcs(mapFlows).arcs, points, 600);
    const widths = arcs.map((a) => a.width);
    expect(widths).toEqual([...widths].sort((a, b) => b - a));
    expect(new Set(widths).size).toBe(widths.length);
    expect(Math.min(...widths)).toBeGreaterThanOrEqual(1);
  });

  it("runs each arc from its origin to an arrowhead at its destination", () => {
    const { arcs } = layoutArcs(toMapArcs(mapFlows).arcs, points, 600);
    for (const a of arcs) {
      const [start] = a.path.slice(1).split("Q");
      expect(start).toBe(`${a.from[0]},${a.from[1]}`);
      expect(a.head.startsWith(`M${a.tip[0]},${a.tip[1]}`)).toBe(true);
      // Its tip is at the destination, or beside it when other arcs arrive there too.
      expect(Math.hypot(a.tip[0] - a.to[0], a.tip[1] - a.to[1])).toBeLessThan(40);
      expect(a.from).toEqual(points.get(a.origin)!.map((n) => Math.round(n * 10) / 10));
    }
    // Both directions between China and the United States bend to opposite sides, so they never lie on one another.
    const there = arcs.find((a) => a.origin === "USA" && a.destination === "CHN")!;
    const back = arcs.find((a) => a.origin === "CHN" && a.destination === "USA")!;
    const controlY = (path: string) => Number(path.split("Q")[1]!.split(" ")[0]!.split(",")[1]);
    expect(Math.sign(controlY(there.path) - there.from[1])).not.toBe(Math.sign(controlY(back.path) - back.to[1]));
  });

  it("ends an arc at its destination's point when no other arc arrives there", () => {
    const { arcs } = layoutArcs(toMapArcs(mapFlows).arcs, points, 600);
    const intoAustralia = arcs.find((a) => a.destination === "AUS")!;
    expect(intoAustralia.tip).toEqual(intoAustralia.to);
  });

  it("fans the arrowheads of arcs into one country around it, no two overlapping: sixteen from all sides", () => {
    // Sixteen origins into one point: eight spread around it, and eight crowded at nearly one angle to its west.
    const around = Array.from({ length: 8 }, (_, i) => [Math.cos(i * 0.8), Math.sin(i * 0.8)] as const);
    const west = Array.from({ length: 8 }, (_, i) => [-1, 0.02 * i] as const);
    const many = new Map<string, [number, number]>([["DST", [300, 150]]]);
    [...around, ...west].forEach(([dx, dy], i) => many.set(`O${i}`, [300 + 250 * dx, 150 + 120 * dy]));
    const arcs = [...many.keys()]
      .filter((id) => id !== "DST")
      .map((origin, i) => ({ ...toMapArcs(mapFlows).arcs[0]!, origin, destination: "DST", value: 1e9 * (i + 1) }));
    for (const width of [375, 1440]) {
      const placed = layoutArcs(arcs, many, width).arcs;
      expect(placed).toHaveLength(16);
      expectDisjoint(placed.map((a) => a.headBox));
      // Each curve still ends at the middle of its arrowhead's base.
      for (const a of placed) {
        const [, left, right] = a.head
          .slice(1, -1)
          .split("L")
          .map((p) => p.split(",").map(Number));
        const end = a.path.split(" ").at(-1)!.split(",").map(Number);
        expect(Math.hypot(end[0]! - (left![0]! + right![0]!) / 2, end[1]! - (left![1]! + right![1]!) / 2)).toBeLessThan(
          0.2,
        );
      }
    }
  });

  it("leaves out arcs whose countries the map cannot place, and counts them", () => {
    const arcs = [{ ...toMapArcs(mapFlows).arcs[0]!, origin: "XXX" }];
    expect(layoutArcs(arcs, points, 600)).toMatchObject({ arcs: [], unplaced: 1 });
  });
});

describe("arrowheads into China on the map's example view", () => {
  const topology = world110m as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const world = feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name?: string }>;
  const arcs = toMapArcs(equipmentToChina2020).arcs;

  // The map's width in a 375 px and a 1440 px wide window, and its height as the map card sets it.
  for (const width of [343, 1352]) {
    it(`never overlaps two of the twelve arrowheads into China on a map ${width} px wide`, () => {
      const layout = layoutWorldMap(world, new Map(), { width, height: Math.min(440, Math.round(width * 0.48)) }, arcs);
      expect(layout.flows.arcs).toHaveLength(12);
      expectDisjoint(layout.flows.arcs.map((a) => a.headBox));
      // Close around China: no tip further from its point than three of the widest arrowheads.
      const widest = Math.max(...layout.flows.arcs.map((a) => a.headBox.x1 - a.headBox.x0));
      for (const a of layout.flows.arcs)
        expect(Math.hypot(a.tip[0] - a.to[0], a.tip[1] - a.to[1])).toBeLessThanOrEqual(3 * widest);
    });
  }
});

describe("country names on the map", () => {
  // Every country's name, at its point on a real projection: the hardest case, crowded Europe and Asia.
  const crowded = (width: number) => {
    const height = Math.round(width * 0.48);
    const projection = geoEqualEarth()
      .scale(width / 5.5)
      .translate([width / 2, height / 2]);
    const names = { CHN: "China", JPN: "Japan", KOR: "Korea", TWN: "Taiwan", NLD: "Netherlands", DEU: "Germany" };
    const extra = { USA: "United States", SGP: "Singapore", MYS: "Malaysia", VNM: "Viet Nam", HKG: "Hong Kong" };
    const candidates = Object.entries({ ...names, ...extra }).map(([id, text]) => {
      const [x, y] = toCountryPoints({ type: "FeatureCollection", features: [] }, projection).get(id) ?? [
        width / 2,
        height / 2,
      ];
      return { id, text, x, y };
    });
    return { placed: placeLabels(candidates, { width, height }, { limit: labelLimit(width) }), width, height };
  };

  for (const width of [375, 1440]) {
    it(`never overlaps two names, nor runs past the edge, at ${width} px`, () => {
      const { placed, height } = crowded(width);
      expect(placed.length).toBeGreaterThan(0);
      expect(placed.length).toBeLessThanOrEqual(labelLimit(width));
      for (const [i, a] of placed.entries()) {
        expect(a.box.x0).toBeGreaterThanOrEqual(0);
        expect(a.box.x1).toBeLessThanOrEqual(width);
        expect(a.box.y0).toBeGreaterThanOrEqual(0);
        expect(a.box.y1).toBeLessThanOrEqual(height);
        expect(a.box.x1 - a.box.x0).toBeCloseTo(textWidth(a.text, 11), 0);
        for (const b of placed.slice(i + 1)) expect(overlaps(a.box, b.box), `${a.text} / ${b.text}`).toBe(false);
      }
    });
  }

  it("names more countries on a wide screen than on a phone, the largest flows first", () => {
    expect(crowded(1440).placed.length).toBeGreaterThan(crowded(375).placed.length);
    expect(crowded(375).placed[0]!.id).toBe("CHN");
  });

  it("moves a name to the other side of its point rather than past the edge", () => {
    const [label] = placeLabels([{ id: "a", text: "Netherlands", x: 370, y: 50 }], { width: 375, height: 100 });
    expect(label!.anchor).toBe("end");
  });
});

describe("flow map render", () => {
  it("draws the flows as SVG (test/output/flow-map.svg)", async () => {
    const svg = renderToStaticMarkup(
      <WorldMap
        world={squares}
        values={new Map()}
        unit="USD"
        title="Synthetic flows"
        bounds={{ width: 600, height: 300 }}
        arcs={toMapArcs(mapFlows).arcs}
        arcHref={(a) => `/bilateral?origin=${a.origin}&destination=${a.destination}`}
        countryHref={(iso3) => (iso3 === "CHN" ? "/bilateral?origin=AUS&destination=CHN" : undefined)}
      />,
    );
    await expect(svg).toMatchFileSnapshot("./output/flow-map.svg");
    expect(svg.match(/class="arc"/g)).toHaveLength(4);
    expect(svg).toContain('href="/bilateral?origin=AUS&amp;destination=CHN"');
    expect(svg).toContain("Australia → China: $8.0B (estimate), 1 other report");
    expect(svg).toContain('data-arc-count="4"');
  });

  it("keeps its layout's labels within the map", () => {
    const layout = layoutWorldMap(squares, new Map(), { width: 375, height: 180 }, toMapArcs(mapFlows).arcs);
    expect(layout.labels.map((l) => l.id)).toContain("CHN");
    for (const l of layout.labels) expect(l.box.x1).toBeLessThanOrEqual(375);
  });
});
