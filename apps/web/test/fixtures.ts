import type { Granularity, PolicyEvent, SeriesResponse } from "@chipflow/core";
import { toDay, type LinePoint } from "../src/charts/time-series/state.js";

const point = (periodStart: string, periodEnd: string, label: string, value: number | null, coarser = false) => ({
  periodStart,
  periodEnd,
  label,
  value,
  low: null,
  high: null,
  estimateKind: "reported" as const,
  confidence: "high" as const,
  coarser,
  coverage: null,
  granularity: coarser ? ("year" as const) : ("quarter" as const),
  basis: "reported" as const,
  sourceIds: [1],
  alternatives: [],
});

/** A small synthetic series response in the API's shape. */
export const revenueByRegion: SeriesResponse = {
  metric: { id: "revenue_usd", label: "Revenue (USD)", unit: "USD", aggregation: "sum" },
  groupBy: "destination",
  interval: "quarter",
  categories: [],
  total: null,
  series: [
    {
      key: "CHN",
      label: "China",
      points: [
        point("2024-01-29", "2025-01-26", "FY2025", 10_000_000_000, true),
        point("2025-01-01", "2025-03-31", "2025 Q1", 1_000_000_000),
        point("2025-04-01", "2025-06-30", "2025 Q2", 1_100_000_000),
      ],
    },
    {
      key: "USA",
      label: "United States of America",
      points: [
        point("2025-01-01", "2025-03-31", "2025 Q1", 3_000_000_000),
        point("2025-04-01", "2025-06-30", "2025 Q2", null),
      ],
    },
    { key: "TWN", label: "Taiwan", points: [point("2025-01-01", "2025-03-31", "2025 Q1", null)] },
  ],
  sources: [
    {
      id: 1,
      publisher: "Fixture",
      title: "Synthetic",
      url: "https://example.org",
      publishedOn: "2025",
      locator: null,
      type: null,
      notes: null,
    },
  ],
};

const estimate = (
  periodStart: string,
  periodEnd: string,
  label: string,
  value: number,
  low: number,
  high: number,
  alternatives: SeriesResponse["series"][number]["points"][number]["alternatives"] = [],
) => ({
  ...point(periodStart, periodEnd, label, value),
  low,
  high,
  estimateKind: "estimate" as const,
  granularity: "year" as const,
  sourceIds: [2],
  alternatives,
});

/** Synthetic yearly unit estimates with a low–high range and one competing estimate (fixture data, not real). */
export const unitEstimates: SeriesResponse = {
  metric: { id: "units", label: "Units", unit: "units", aggregation: "sum" },
  groupBy: "product",
  interval: "year",
  categories: ["ai_accelerator"],
  total: null,
  series: [
    {
      key: "chip-a",
      label: "Chip A",
      points: [
        estimate("2023-01-01", "2023-12-31", "2023", 400_000, 300_000, 500_000),
        estimate("2024-01-01", "2024-12-31", "2024", 1_000_000, 900_000, 1_500_000, [
          { value: 1_500_000, low: null, high: null, sourceId: 3, datasetId: "fixture-b", estimateKind: "forecast" },
        ]),
        estimate("2025-01-01", "2025-12-31", "2025", 600_000, 500_000, 700_000),
      ],
    },
    {
      key: "chip-b",
      label: "Chip B",
      points: [
        estimate("2023-01-01", "2023-12-31", "2023", 100_000, 100_000, 100_000),
        estimate("2024-01-01", "2024-12-31", "2024", 200_000, 200_000, 200_000),
      ],
    },
  ],
  sources: [
    {
      id: 2,
      publisher: "Fixture analyst",
      title: "Synthetic A",
      url: "https://example.org/a",
      publishedOn: "2024",
      locator: null,
      type: null,
      notes: null,
    },
    {
      id: 3,
      publisher: "Fixture forecaster",
      title: "Synthetic B",
      url: "https://example.org/b",
      publishedOn: "2024",
      locator: null,
      type: null,
      notes: null,
    },
  ],
};

/** Two synthetic policy events, one inside the fixture's span and one before it. */
export const fixtureEvents: PolicyEvent[] = [
  {
    id: 1,
    date: "2024-07-01",
    dateKind: "announced",
    rank: 1,
    label: "Synthetic rule",
    topic: null,
    jurisdiction: "USA",
    actor: "Fixture agency",
    title: "Synthetic rule",
    description: "A made-up rule for tests.",
    confidence: "high",
    source: {
      id: 4,
      publisher: "Fixture gazette",
      title: "Rule",
      url: "https://example.org/r",
      publishedOn: "2024-07-01",
      locator: null,
      type: null,
      notes: null,
    },
  },
  {
    id: 2,
    date: "2020",
    dateKind: "announced",
    rank: null,
    label: null,
    topic: null,
    jurisdiction: "USA",
    actor: "Fixture agency",
    title: "Older rule",
    description: "Before the data.",
    confidence: "low",
    source: {
      id: 5,
      publisher: "Fixture gazette",
      title: "Old",
      url: "https://example.org/o",
      publishedOn: "2020",
      locator: null,
      type: null,
      notes: null,
    },
  },
];

const yearly = (year: number, value: number | null) => ({
  ...point(`${year}-01-01`, `${year}-12-31`, String(year), value),
  granularity: "year" as const,
});

/**
 * Synthetic yearly revenue of five regions, 2019–2025, four orders of magnitude apart (fixture data, not real): one
 * region has no 2019 figure, one a zero year, and three end within a few percent of each other.
 */
export const regionGrowth: SeriesResponse = {
  metric: { id: "revenue_usd", label: "Revenue (USD)", unit: "USD", aggregation: "sum" },
  groupBy: "destination",
  interval: "year",
  categories: [],
  total: null,
  series: [
    ["CHN", "China", [2e9, 3e9, 5e9, 8e9, 12e9, 17e9, 20e9]],
    ["TWN", "Taiwan, Province of China", [1e9, 1.5e9, 2.4e9, 4e9, 7e9, 12e9, 19e9]],
    ["USA", "United States", [4e9, 5e9, 6e9, 8e9, 11e9, 15e9, 19.5e9]],
    ["SGP", "Singapore", [null, 2e8, 3e8, 4e8, 0, 6e8, 9e8]],
    ["MYS", "Malaysia", [5e6, 8e6, 2e7, 6e7, 1e8, 2e8, 4e8]],
  ].map(([key, label, values]) => ({
    key: key as string,
    label: label as string,
    points: (values as (number | null)[]).map((v, i) => yearly(2019 + i, v)),
  })),
  sources: revenueByRegion.sources,
};

/** A reported figure of a drawn line, for its period's first and last day. */
export const linePoint = (
  start: string,
  end: string,
  value: number,
  granularity: Granularity = "quarter",
): LinePoint => ({
  start: toDay(start),
  end: toDay(end),
  label: start,
  value,
  shown: value,
  intervals: 1,
  low: null,
  high: null,
  coarser: false,
  estimateKind: "reported",
  granularity,
  basis: null,
  sourceIds: [1],
  alternatives: [],
});
