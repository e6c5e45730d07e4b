import type { SeriesResponse } from "@chipflow/core";

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
      label: "United States",
      points: [
        point("2025-01-01", "2025-03-31", "2025 Q1", 3_000_000_000),
        point("2025-04-01", "2025-06-30", "2025 Q2", null),
      ],
    },
    { key: "TWN", label: "Taiwan", points: [point("2025-01-01", "2025-03-31", "2025 Q1", null)] },
  ],
  sources: [
    { id: 1, publisher: "Fixture", title: "Synthetic", url: "https://example.org", publishedOn: "2025", notes: null },
  ],
};
