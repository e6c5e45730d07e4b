import type { Figure, FlowsResponse, MapLink } from "@chipflow/core";
import type { FeatureCollection, Geometry } from "geojson";

/** A synthetic square "country" 20° wide; rings clockwise, as d3-geo expects for polygons smaller than a hemisphere. */
export function square(lon: number, lat: number): Geometry {
  return {
    type: "Polygon",
    coordinates: [
      [
        [lon - 10, lat - 10],
        [lon - 10, lat + 10],
        [lon + 10, lat + 10],
        [lon + 10, lat - 10],
        [lon - 10, lat - 10],
      ],
    ],
  };
}

/** Three synthetic square "countries" with the M49 ids of China, the United States and Australia. */
export const squares: FeatureCollection<Geometry, { name?: string }> = {
  type: "FeatureCollection",
  features: [
    { type: "Feature", id: "156", properties: { name: "China" }, geometry: square(100, 30) },
    { type: "Feature", id: "840", properties: { name: "United States of America" }, geometry: square(-100, 40) },
    { type: "Feature", id: "036", properties: { name: "Australia" }, geometry: square(135, -25) },
  ],
};

/** A synthetic map link (fixture data, not real). */
const link = (origin: string, destination: string, value: number | null, extra: Partial<Figure> = {}): MapLink => ({
  origin,
  destination,
  value,
  low: value,
  high: value,
  estimateKind: "reported",
  confidence: null,
  basis: "reported",
  datasetId: "fixture",
  sourceIds: [1],
  alternatives: [],
  factCount: 1,
  ...extra,
});

/** Synthetic flows for the map: four drawable flows, a re-import, a region, an empty link. */
export const mapFlows: FlowsResponse = {
  metric: { id: "revenue_usd", label: "Revenue (USD)", unit: "USD", aggregation: "sum" },
  from: "2020-01-01",
  to: "2020-12-31",
  sankey: { nodes: [], links: [] },
  map: {
    links: [
      link("USA", "CHN", 2e9),
      link("CHN", "CHN", 5e9),
      link("AUS", "CHN", 8e9, {
        estimateKind: "estimate",
        alternatives: [
          { value: 7e9, low: null, high: null, sourceId: 2, datasetId: "fixture-b", estimateKind: "reported" },
        ],
      }),
      link("CHN", "USA", 1e9),
      link("ROW", "CHN", 9e9),
      link("AUS", "USA", 0),
      link("USA", "AUS", 5e8),
    ],
    unplaced: 2,
  },
  excludedFacts: 0,
  sources: [],
};

/**
 * The map's example view (chip-making equipment, 2020): China's imports from its twelve largest partners, as the
 * curated UN Comtrade figures have them (in millions of USD, rounded). Twelve arcs into one country, five of them
 * from Europe at nearly one angle.
 */
export const equipmentToChina2020: FlowsResponse = {
  ...mapFlows,
  map: {
    links: Object.entries({
      JPN: 9650,
      KOR: 5972,
      USA: 5336,
      SGP: 2840,
      NLD: 2802,
      TWN: 2501,
      DEU: 696,
      MYS: 414,
      AUT: 317,
      GBR: 214,
      CHE: 105,
      VNM: 82,
    }).map(([origin, millions]) => link(origin, "CHN", millions * 1e6)),
    unplaced: 0,
  },
};
