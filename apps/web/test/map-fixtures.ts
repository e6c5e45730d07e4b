import type { Figure, FlowsResponse, MapLink } from "@chipflow/core";

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
