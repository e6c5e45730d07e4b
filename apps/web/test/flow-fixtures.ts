import type { BreakdownResponse, Figure, FlowsResponse } from "@chipflow/core";

/** A synthetic resolved figure (fixture data, not real). */
const figure = (value: number | null, extra: Partial<Figure> = {}): Figure => ({
  value,
  low: value,
  high: value,
  estimateKind: "estimate",
  confidence: "medium",
  basis: "reported",
  datasetId: "fixture",
  sourceIds: [1],
  alternatives: [],
  factCount: 1,
  ...extra,
});

const metric = { id: "units", label: "Units", unit: "units", aggregation: "sum" } as const;
const source = {
  id: 1,
  publisher: "Fixture",
  title: "Synthetic",
  url: "https://example.org",
  publishedOn: "2024",
  locator: null,
  type: null,
  notes: null,
};

/** Synthetic flows: one vendor, one itemised product, a residual, two destinations, one empty link. */
export const flows: FlowsResponse = {
  metric,
  from: "2024-01-01",
  to: "2024-12-31",
  sankey: {
    nodes: [
      { id: "vendor:v1", kind: "vendor", label: "Vendor One" },
      { id: "product:a", kind: "product", label: "Chip A" },
      { id: "rest:v1", kind: "product", label: "Rest of Vendor One" },
      { id: "product:unused", kind: "product", label: "Unused" },
      { id: "destination:CHN", kind: "destination", label: "China" },
      { id: "destination:USA", kind: "destination", label: "United States of America" },
    ],
    links: [
      { ...figure(800_000), source: "vendor:v1", target: "product:a", residual: false },
      { ...figure(200_000), source: "vendor:v1", target: "rest:v1", residual: true },
      { ...figure(0), source: "vendor:v1", target: "product:unused", residual: false },
      { ...figure(600_000), source: "product:a", target: "destination:CHN", residual: false },
      {
        ...figure(200_000, { estimateKind: "reported" }),
        source: "product:a",
        target: "destination:USA",
        residual: false,
      },
    ],
  },
  map: { links: [], unplaced: 0 },
  excludedFacts: 0,
  sources: [source],
};

const row = (key: string, label: string, rank: number, value: number | null, extra: Partial<Figure> = {}) => ({
  ...figure(value, { ...extra }),
  key,
  label,
  rank,
  share: value === null ? null : value / 16e9,
  periodStart: "2024-01-01",
  periodEnd: "2024-12-31",
});

/** A synthetic breakdown by destination: a range, a competing estimate, a region and a range-only group. */
export const breakdownByDestination: BreakdownResponse = {
  metric: { id: "revenue_usd", label: "Revenue (USD)", unit: "USD", aggregation: "sum" },
  groupBy: "destination",
  from: "2024-01-01",
  to: "2024-12-31",
  categories: [],
  rows: [
    row("USA", "United States of America", 2, 3e9, { estimateKind: "reported" }),
    row("CHN", "China", 1, 12e9, {
      low: 10e9,
      high: 15e9,
      alternatives: [
        { value: 14e9, low: null, high: null, sourceId: 1, datasetId: "fixture-b", estimateKind: "forecast" },
      ],
    }),
    row("DEU", "Germany", 3, 1e9),
    row("ROW", "Rest of world", 4, null, { low: 1e8, high: 2e8 }),
  ],
  total: 16e9,
  totalBasis: "sum",
  excludedFacts: 0,
  sources: [source],
};
