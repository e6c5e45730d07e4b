import type { Metric } from "@chipflow/core";

/** A headline tile: a title and the query whose one resolved figure it shows. */
export interface SummaryTileSpec {
  id: string;
  title: string;
  metric: Metric;
  from: string;
  to: string;
  filter: { vendor?: string[]; product?: string[]; destination?: string[]; dataset?: string[] };
}

/**
 * The overview's headline tiles. Only the query is fixed here; every figure comes from the database by the usual
 * rules, with its sources, kind and range, and a tile whose facts are absent is left out.
 */
export const SUMMARY_TILES: readonly SummaryTileSpec[] = [
  {
    id: "h20-china-2024-units",
    title: "NVIDIA H20 shipped to China, 2024",
    metric: "units",
    from: "2024-01-01",
    to: "2024-12-31",
    filter: { product: ["nvidia-h20"], destination: ["CHN"] },
  },
  {
    id: "h20-china-2024-revenue",
    title: "NVIDIA H20 revenue from China, 2024",
    metric: "revenue_usd",
    from: "2024-01-01",
    to: "2024-12-31",
    filter: { product: ["nvidia-h20"], destination: ["CHN"] },
  },
  {
    id: "nvidia-china-fy2026-hq",
    title: "NVIDIA revenue from China, FY2026 (customer headquarters basis)",
    metric: "revenue_usd",
    from: "2025-01-27",
    to: "2026-01-25",
    filter: { vendor: ["nvidia"], destination: ["CHN"], dataset: ["nvidia-geo-hq"] },
  },
  {
    id: "nvidia-china-fy2025-hq",
    title: "NVIDIA revenue from China, FY2025 (customer headquarters basis)",
    metric: "revenue_usd",
    from: "2024-01-29",
    to: "2025-01-26",
    filter: { vendor: ["nvidia"], destination: ["CHN"], dataset: ["nvidia-geo-hq"] },
  },
  {
    id: "china-ic-imports-2026h1-units",
    title: "Chips (ICs) China imported, January–June 2026",
    metric: "units",
    from: "2026-01-01",
    to: "2026-06-30",
    filter: { product: ["hs-8542"], destination: ["CHN"], dataset: ["china-customs-ic-trade"] },
  },
  {
    id: "china-ic-output-2026h1-units",
    title: "Chips (ICs) made in China, January–June 2026",
    metric: "units_produced",
    from: "2026-01-01",
    to: "2026-06-30",
    filter: { dataset: ["china-nbs-ic-output"] },
  },
  {
    id: "china-tool-imports-2024",
    title: "China's imports of chip-making machines (HS 8486), 2024",
    metric: "revenue_usd",
    from: "2024-01-01",
    to: "2024-12-31",
    filter: {
      product: ["hs-8486"],
      destination: ["CHN"],
      dataset: ["comtrade-usa-china-chip-trade-monthly-2018-2025"],
    },
  },
  {
    id: "asml-china-2023-eur",
    title: "ASML net sales to China, 2023 (EUR)",
    metric: "revenue_eur",
    from: "2023-01-01",
    to: "2023-12-31",
    filter: { vendor: ["asml"], destination: ["CHN"] },
  },
];
