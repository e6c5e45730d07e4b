import { describe, expect, it } from "vitest";
import { toFlowGraph, toItemisedShares } from "../src/charts/sankey/state.js";
import {
  parseBilateral,
  toBilateralHref,
  toBilateralSeriesQuery,
  toBilateralTitle,
  toMissingYears,
} from "../src/view/bilateral.js";
import { toMapFilterParams, toMapFlowsQuery } from "../src/view/map-queries.js";
import { DEFAULT_VIEW, parseViewState, toViewSearch } from "../src/view/view-state.js";
import { flows } from "./flow-fixtures.js";

const nldChn = "/bilateral?origin=NLD&destination=CHN&product=hs-8486&metric=revenue_usd&from=2015-01-01&to=2025-12-31";

describe("the bilateral view", () => {
  it("reads its pair from the URL and writes the same URL back", () => {
    const pair = parseBilateral(nldChn.split("?")[1]!)!;
    expect(pair).toMatchObject({ origin: "NLD", destination: "CHN", product: "hs-8486", from: "2015-01-01" });
    expect(toBilateralHref(pair)).toBe(nldChn);
  });

  it("is titled by the pair, the product and the years", () => {
    const pair = parseBilateral(nldChn.split("?")[1]!)!;
    expect(toBilateralTitle(pair, "HS 8486")).toBe("Netherlands (Kingdom of the) → China, HS 8486, 2015–2025");
    expect(toBilateralTitle({ ...pair, product: undefined, category: "semiconductor_equipment" })).toBe(
      "Netherlands (Kingdom of the) → China, Chip-making equipment, 2015–2025",
    );
  });

  it("asks for the pair's yearly series, one line per product", () => {
    const pair = parseBilateral(nldChn.split("?")[1]!)!;
    expect(toBilateralSeriesQuery(pair)).toEqual({
      metric: "revenue_usd",
      groupBy: "product",
      interval: "year",
      origin: "NLD",
      destination: "CHN",
      product: "hs-8486",
      from: "2015-01-01",
      to: "2025-12-31",
    });
  });

  it("names the years no figure covers, in runs", () => {
    const pair = parseBilateral(nldChn.split("?")[1]!)!;
    expect(toMissingYears(pair, new Set([2015, 2016, 2018, 2019, 2020, 2021, 2022, 2023]))).toEqual([
      "2017",
      "2024–2025",
    ]);
  });

  it("opens on nothing without a valid origin and destination", () => {
    expect(parseBilateral("?origin=NLD")).toBeUndefined();
    expect(parseBilateral("?origin=XXX&destination=CHN")).toBeUndefined();
  });
});

describe("the map's own choices in the URL", () => {
  it("round-trips the map's category and year, which replace the view's category and period for the map", () => {
    const view = {
      ...DEFAULT_VIEW,
      itemisedFlows: false,
      mapCategory: "semiconductor_equipment" as const,
      mapYear: 2020,
    };
    const search = toViewSearch(view);
    expect(search).toContain("mapCategory=semiconductor_equipment&mapYear=2020");
    expect(parseViewState(search)).toEqual(view);
    expect(toMapFilterParams(view)).toMatchObject({
      category: "semiconductor_equipment",
      from: "2020-01-01",
      to: "2020-12-31",
    });
    expect(toMapFlowsQuery({ ...view, mapCategory: "all" })).not.toHaveProperty("category");
  });

  it("opens the Sankey on its itemised example on a bare URL, and keeps it on reload", () => {
    expect(DEFAULT_VIEW.itemisedFlows).toBe(true);
    expect(parseViewState(toViewSearch(DEFAULT_VIEW)).itemisedFlows).toBe(true);
    expect(parseViewState("?metric=units").itemisedFlows).toBe(false);
  });
});

describe("what the itemised products cover", () => {
  it("is the products' share of the vendor's total: itemised / (itemised + the rest)", () => {
    expect(toItemisedShares(toFlowGraph(flows))).toEqual([
      { vendor: "vendor:v1", label: "Vendor One", itemised: 800_000, total: 1_000_000, share: 0.8 },
    ]);
  });

  it("claims no share for a vendor with no rest to compare with", () => {
    const graph = toFlowGraph(flows);
    expect(toItemisedShares({ ...graph, links: graph.links.filter((l) => !l.residual) })).toEqual([]);
  });
});
